import type { IndicatorMeta } from '@cockpit/contracts';

/** The trauma cockpit's indicators, merged into the registry (indicators/registry.ts). */
export const TRAUMA_INDICATORS = [] as const satisfies readonly IndicatorMeta[];
