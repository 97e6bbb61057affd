import type { Level } from '@cockpit/contracts';
import { INDICATORS } from '../indicators/registry';

const levelsById = new Map<string, readonly Level[]>(INDICATORS.map((i) => [i.id, i.levels]));

/**
 * The levels at which an indicator exists; undefined when no indicator has this id. The one seam between
 * layout validation and the indicator definitions: it reads the built-in registry until the stored
 * definitions (IndicatorDefinitions service) replace it.
 */
export function indicatorLevels(id: string): readonly Level[] | undefined {
  return levelsById.get(id);
}
