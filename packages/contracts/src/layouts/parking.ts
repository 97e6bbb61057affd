import type { LayoutDocument } from '../layout';

/** The seeded default layout(s) of the parking cockpit: one arrangement for every screen profile. */
export const SEED_PARKING_LAYOUTS: LayoutDocument[] = [];
