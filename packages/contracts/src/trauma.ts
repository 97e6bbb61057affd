import { z } from 'zod';
import { SnapshotBase } from './snapshot';

/** The trauma cockpit's snapshot. */
export const TraumaSnapshot = SnapshotBase.extend({
  theme: z.literal('trauma'),
}).meta({ id: 'TraumaSnapshot' });
export type TraumaSnapshot = z.infer<typeof TraumaSnapshot>;
