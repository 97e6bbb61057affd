import { z } from 'zod';
import { SnapshotBase } from './snapshot';

/** The parking cockpit's snapshot. */
export const ParkingSnapshot = SnapshotBase.extend({
  theme: z.literal('parking'),
}).meta({ id: 'ParkingSnapshot' });
export type ParkingSnapshot = z.infer<typeof ParkingSnapshot>;
