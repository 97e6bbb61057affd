import { IndicatorSeries, RegionCode, SeriesStep } from '@cockpit/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import { guard } from '../../auth/access';
import type { Hierarchy } from '../../geo/hierarchy';
import { indicatorSeries } from '../../history/series';
import type { HistoryService } from '../../history/service';
import { createRouter } from '../../lib/create-router';
import { HttpError } from '../../lib/errors';
import { errorResponse, jsonResponse } from '../../lib/json-errors';

export const getIndicatorSeries = createRoute({
  method: 'get',
  path: '/api/v1/indicators/{id}/series',
  tags: ['indicators'],
  summary: "A region's stored series of one indicator over any window (hourly kept 400 days, daily for ever)",
  description:
    'Reads the indicator history. Without from/to: the last 24 hours (step=hour) or 30 days (step=day). ' +
    'from/to are ISO 8601 date-times with a zone, or Beijing dates (to = the whole day). A window with ' +
    'more steps than maxPoints (default 500) is downsampled: equal time buckets of whole steps, each the ' +
    'mean of its stored values (`downsampled` says the bucket).',
  middleware: [guard({ permission: 'cockpit:view', region: { from: 'query', name: 'region' } })],
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,100}$/)
        .meta({ param: { name: 'id', in: 'path' }, description: 'Indicator id, e.g. parking.freeBerths' }),
    }),
    query: z.object({
      region: RegionCode,
      from: z.string().max(40).optional().meta({ description: 'e.g. 2026-11-01T00:00:00Z or 2026-11-01' }),
      to: z.string().max(40).optional().meta({ description: 'e.g. 2026-11-30T23:00:00Z or 2026-11-30' }),
      step: SeriesStep.default('hour'),
      maxPoints: z.coerce.number().int().min(2).max(5000).optional().meta({ description: 'Default 500' }),
    }),
  },
  responses: {
    200: jsonResponse(IndicatorSeries, 'The series'),
    400: errorResponse(
      'Unknown indicator, a level where it does not exist, bad or reversed times, too large a window',
    ),
    403: errorResponse('Region outside your scope, or no cockpit:view'),
    404: errorResponse('No region has this code'),
    503: errorResponse('The BFF runs without its store: no history'),
  },
});

/** GET /api/v1/indicators/{id}/series (the indicator history; the other /indicators routes are IND's). */
export function indicatorSeriesRouter(history: HistoryService | undefined, hierarchy: Hierarchy) {
  return createRouter().openapi(getIndicatorSeries, async (c) => {
    if (!history) throw new HttpError(503, 'HISTORY_UNAVAILABLE', 'This server keeps no indicator history');
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const series = await indicatorSeries(
      history,
      hierarchy,
      { indicatorId: id, regionCode: q.region, from: q.from, to: q.to, step: q.step, maxPoints: q.maxPoints },
      Date.now(),
    );
    return c.json(series, 200);
  });
}
