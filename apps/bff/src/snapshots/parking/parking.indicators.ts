import type { IndicatorMeta } from '@cockpit/contracts';

/** The parking cockpit's indicators, merged into the registry (indicators/registry.ts). */
export const PARKING_INDICATORS = [] as const satisfies readonly IndicatorMeta[];
