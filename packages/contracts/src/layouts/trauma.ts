import type { LayoutDocument } from '../layout';

/** The seeded default layout(s) of the trauma cockpit: one arrangement for every screen profile. */
export const SEED_TRAUMA_LAYOUTS: LayoutDocument[] = [];
