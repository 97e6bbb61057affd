import type { LayoutDocument } from '../layout';
import { SEED_ECO_LAYOUTS } from './eco';
import { SEED_GRASSROOTS_LAYOUTS } from './grassroots';
import { SEED_OVERVIEW_LAYOUTS } from './overview';
import { SEED_OVERVIEW_LEVEL_LAYOUTS } from './overview-levels';
import { SEED_PARKING_LAYOUTS } from './parking';
import { SEED_TRAUMA_LAYOUTS } from './trauma';
import { SEED_VILLAGE_DEPARTMENT_LAYOUTS } from './village-departments';

/** Every seeded layout; the BFF's layout migration stores them (version 1) on first start. */
export const SEED_LAYOUTS: LayoutDocument[] = [
  ...SEED_OVERVIEW_LAYOUTS,
  ...SEED_PARKING_LAYOUTS,
  ...SEED_TRAUMA_LAYOUTS,
  ...SEED_ECO_LAYOUTS,
  ...SEED_GRASSROOTS_LAYOUTS,
  ...SEED_OVERVIEW_LEVEL_LAYOUTS,
  ...SEED_VILLAGE_DEPARTMENT_LAYOUTS,
];
