import {
  EcoSnapshot,
  GrassrootsSnapshot,
  OverviewSnapshot,
  ParkingSnapshot,
  type Theme,
  TraumaSnapshot,
} from '@cockpit/contracts';
import { snapshotQuery } from '../lib/snapshot';

const SCHEMAS = {
  overview: OverviewSnapshot,
  parking: ParkingSnapshot,
  trauma: TraumaSnapshot,
  eco: EcoSnapshot,
  grassroots: GrassrootsSnapshot,
} as const;

/**
 * A theme's snapshot query for generic panels: the same key and schema as the theme's own query, so a
 * generic panel and the theme's panels share one request and one cached (fully parsed) value.
 */
export const themeSnapshotQuery = (theme: Theme, regionCode: string) =>
  snapshotQuery(theme, regionCode, SCHEMAS[theme]);
