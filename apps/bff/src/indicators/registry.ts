import { type IndicatorDefinitionInput, type IndicatorMeta, indicatorMetaOf } from '@cockpit/contracts';
import { SEED_DEFINITIONS } from './definitions.seed';

/**
 * The code's view of the indicator set: the ids the value functions are written for, and the seeded
 * definitions. At run time the stored definitions are the truth (services.indicators); this module is the
 * seed and the type of an id, and it imports no snapshot builder.
 */
export const INDICATOR_DEFINITIONS: readonly IndicatorDefinitionInput[] = SEED_DEFINITIONS;

export type IndicatorId = (typeof SEED_DEFINITIONS)[number]['id'];

/** Every seeded indicator as catalogue metadata (kept for code that only needs the seed's shape). */
export const INDICATORS: readonly IndicatorMeta[] = SEED_DEFINITIONS.map(indicatorMetaOf);

const byId = new Map<string, IndicatorMeta>(INDICATORS.map((i) => [i.id, i]));
export function indicatorMeta(id: IndicatorId): IndicatorMeta {
  return byId.get(id)!;
}
