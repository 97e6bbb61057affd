import type { Level } from '@cockpit/contracts';

/**
 * What a hand-written cockpit (trauma, eco, until they become layouts) receives: the scope it shows. Cockpits
 * are registered as theme modules in layout/registry.ts; there is no cockpit table any more.
 */
export type CockpitProps = { level: Level; regionCode: string };
