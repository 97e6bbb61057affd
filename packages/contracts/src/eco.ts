import { z } from 'zod';
import { SnapshotBase } from './snapshot';

/** The eco cockpit's snapshot. */
export const EcoSnapshot = SnapshotBase.extend({
  theme: z.literal('eco'),
}).meta({ id: 'EcoSnapshot' });
export type EcoSnapshot = z.infer<typeof EcoSnapshot>;
