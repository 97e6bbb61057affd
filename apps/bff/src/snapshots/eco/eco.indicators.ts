import type { IndicatorMeta } from '@cockpit/contracts';

/** The eco cockpit's indicators, merged into the registry (indicators/registry.ts). */
export const ECO_INDICATORS = [] as const satisfies readonly IndicatorMeta[];
