import type { LayoutDocument } from '../layout';

/** The seeded default layout(s) of the eco cockpit: one arrangement for every screen profile. */
export const SEED_ECO_LAYOUTS: LayoutDocument[] = [];
