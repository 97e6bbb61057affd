import { OverviewSnapshot } from '@cockpit/contracts';
import { snapshotQuery } from '../../../lib/snapshot';

export const overviewSnapshotQuery = (regionCode: string) =>
  snapshotQuery('overview', regionCode, OverviewSnapshot);
