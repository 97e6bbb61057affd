import type { LayoutDocument } from '../layout';
import { SEED_ECO_LAYOUTS } from './eco';
import { SEED_OVERVIEW_LAYOUTS } from './overview';
import { SEED_PARKING_LAYOUTS } from './parking';
import { SEED_TRAUMA_LAYOUTS } from './trauma';

/** Every seeded layout; the BFF's layout migration stores them (version 1) on first start. */
export const SEED_LAYOUTS: LayoutDocument[] = [
  ...SEED_OVERVIEW_LAYOUTS,
  ...SEED_PARKING_LAYOUTS,
  ...SEED_TRAUMA_LAYOUTS,
  ...SEED_ECO_LAYOUTS,
];
