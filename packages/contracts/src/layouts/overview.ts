import type { LayoutDocument } from '../layout';

/** The seeded default layout(s) of the overview cockpit: one arrangement for every screen profile. */
export const SEED_OVERVIEW_LAYOUTS: LayoutDocument[] = [];
