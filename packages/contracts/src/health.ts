import { z } from 'zod';
import { IsoDateTime } from './indicator';

export const UpstreamHealth = z
  .object({
    system: z.string().meta({ description: 'Upstream system id, e.g. parking-platform' }),
    breaker: z.enum(['closed', 'open', 'half-open']).meta({ description: 'Circuit breaker state' }),
    lastSuccessAt: IsoDateTime.nullable(),
    errorRate: z.number().min(0).max(1).meta({ description: 'Share of failed calls over the last minute' }),
    droppedRecords: z
      .number()
      .int()
      .nonnegative()
      .meta({ description: 'Upstream records that failed validation and were dropped, since start' }),
    droppingRecords: z.boolean().optional().meta({
      description:
        'true when the adapters dropped records of this system in the last 5 minutes (schema drift, malformed records): degraded',
    }),
    calls: z.number().int().nonnegative().meta({ description: 'HTTP calls made to the system since start' }),
    simulated: z
      .boolean()
      .optional()
      .meta({ description: 'true when the system is served by the bundled simulator (demo data)' }),
  })
  .meta({ id: 'UpstreamHealth' });
export type UpstreamHealth = z.infer<typeof UpstreamHealth>;

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']).meta({ description: 'degraded when any upstream is failing' }),
    version: z.string(),
    uptimeSeconds: z.number().nonnegative(),
    now: IsoDateTime,
    upstreams: z.array(UpstreamHealth),
    calendar: z
      .object({
        date: z.string().meta({ description: 'Today, YYYY-MM-DD (Beijing)' }),
        dayKind: z.enum(['workday', 'weekend', 'holiday']),
        source: z.enum(['official', 'provisional', 'fallback']).meta({
          description:
            'official: the State Council schedule; provisional: a year of the table not yet checked against its notice; fallback: outside the table, weekday/weekend only (holidays unknown)',
        }),
        coveredFrom: z.string(),
        coveredTo: z.string(),
      })
      .optional()
      .meta({ description: 'The holiday calendar used by parking prediction and trauma congestion' }),
  })
  .meta({ id: 'Health', description: 'Service health' });
export type Health = z.infer<typeof Health>;
