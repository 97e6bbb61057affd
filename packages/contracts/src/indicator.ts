import { z } from 'zod';

export const IndicatorStatus = z.enum(['ok', 'stale', 'error']).meta({
  id: 'IndicatorStatus',
  description:
    'ok: fresh; stale: older than its freshness target, last good value kept; error: no good value could be obtained',
});
export type IndicatorStatus = z.infer<typeof IndicatorStatus>;

export const IsoDateTime = z.iso.datetime({ offset: false }).meta({
  description: 'ISO 8601 instant in UTC, e.g. 2026-11-28T06:00:00Z',
});

export const IndicatorValue = z
  .object({
    indicatorId: z
      .string()
      .min(1)
      .meta({ description: 'Registry id of the indicator, e.g. parking.freeBerths' }),
    value: z
      .number()
      .nullable()
      .meta({ description: 'The value; null only when no good value was ever obtained' }),
    unit: z.string().meta({
      description: 'Display unit, e.g. 辆, 个, μg/m³, dB(A), 分钟. For % the value is a share from 0 to 1.',
    }),
    at: IsoDateTime.meta({ description: 'When the value was observed upstream (UTC)' }),
    status: IndicatorStatus,
    lastGoodAt: IsoDateTime.optional().meta({ description: 'When the last good value was obtained (UTC)' }),
  })
  .meta({ id: 'IndicatorValue', description: 'One indicator value for one region, with its freshness' });
export type IndicatorValue = z.infer<typeof IndicatorValue>;
