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

/** Steps of a stored indicator series: the hourly history (kept 400 days) or the daily one (kept for ever). */
export const SeriesStep = z.enum(['hour', 'day']).meta({ id: 'SeriesStep' });
export type SeriesStep = z.infer<typeof SeriesStep>;

export const IndicatorSeries = z
  .object({
    indicatorId: z.string(),
    regionCode: z.string(),
    unit: z.string(),
    step: SeriesStep,
    from: IsoDateTime.meta({ description: 'Start of the window (UTC; for step=day, Beijing midnight)' }),
    to: IsoDateTime.meta({ description: 'End of the window, inclusive (UTC)' }),
    points: z.array(z.tuple([IsoDateTime, z.number().nullable()])).meta({
      description:
        '[time, value], oldest first: the start of the hour (step=hour) or of the Beijing day (step=day), or of the bucket when downsampled. Hours or days with nothing stored are left out; null = stored as unknown',
    }),
    downsampled: z
      .object({
        method: z.literal('mean'),
        bucketSeconds: z.number().int().positive(),
        maxPoints: z.number().int().positive(),
      })
      .nullable()
      .meta({
        description:
          'Set when the window held more steps than maxPoints: each point is then the mean of the stored values in an equal time bucket',
      }),
    backfilledPoints: z.number().int().meta({
      description: 'Stored rows of the window reconstructed from an upstream history, not sampled live',
    }),
  })
  .meta({ id: 'IndicatorSeries', description: "One region's stored series of one indicator" });
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;
