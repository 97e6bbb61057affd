import { TraumaSnapshot } from '@cockpit/contracts';
import { snapshotQuery } from '../../../lib/snapshot';

export const traumaSnapshotQuery = (regionCode: string) =>
  snapshotQuery('trauma', regionCode, TraumaSnapshot);
