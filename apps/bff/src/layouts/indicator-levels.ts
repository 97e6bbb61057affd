import type { Level } from '@cockpit/contracts';
import { INDICATORS } from '../indicators/registry';

const levelsById = new Map<string, readonly Level[]>(INDICATORS.map((i) => [i.id, i.levels]));

/**
 * The levels at which an indicator of the seeded set exists; undefined when none has this id. The default for
 * LayoutService where no stored definitions are given (unit tests, seed validation); the app passes the
 * stored definitions (app.ts).
 */
export function indicatorLevels(id: string): readonly Level[] | undefined {
  return levelsById.get(id);
}
