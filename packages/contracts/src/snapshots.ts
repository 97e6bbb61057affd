import { z } from 'zod';
import { EcoSnapshot } from './eco';
import { GrassrootsSnapshot } from './grassroots';
import { ParkingSnapshot } from './parking';
import { OverviewSnapshot } from './snapshot';
import { TraumaSnapshot } from './trauma';

/** Any cockpit snapshot, discriminated by its theme. */
export const Snapshot = z
  .discriminatedUnion('theme', [
    OverviewSnapshot,
    ParkingSnapshot,
    TraumaSnapshot,
    EcoSnapshot,
    GrassrootsSnapshot,
  ])
  .meta({ id: 'Snapshot' });
export type Snapshot = z.infer<typeof Snapshot>;
