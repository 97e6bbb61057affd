import {
  FindingDailyCounts,
  FindingList,
  FindingQuery,
  InspectionReport,
  InspectionReportQuery,
} from '@cockpit/contracts';
import { beijingDateKey, DAY_MS } from '@cockpit/domain/time';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type AccessRule, guard } from '../../auth/access';
import { inspectionReport, reportCsv, reportHtml } from '../../health/report';
import { type AppEnv, createRouter } from '../../lib/create-router';
import { HttpError } from '../../lib/errors';
import { errorResponse, jsonResponse } from '../../lib/json-errors';

const OPS: AccessRule = { permission: 'ops:view', region: { from: 'query', name: 'region' } };
const OPS_FILTERED: AccessRule = { permission: 'ops:view', region: { from: 'filtered' } };
const denied = { 401: errorResponse('Not signed in'), 403: errorResponse('Needs ops:view, or out of scope') };
const DEFAULT_LIMIT = 100;

const DailyCountsQuery = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'from is YYYY-MM-DD')
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'to is YYYY-MM-DD')
    .optional(),
});

const r = {
  findings: createRoute({
    method: 'get',
    path: '/api/v1/findings',
    tags: ['inspection'],
    summary:
      'Abnormal business data (异常业务数据) found by the checks, newest first, with filters; page with nextBefore',
    middleware: [guard(OPS)],
    request: { query: FindingQuery },
    responses: {
      200: jsonResponse(FindingList, 'Findings'),
      400: errorResponse('Malformed filter'),
      ...denied,
    },
  }),
  daily: createRoute({
    method: 'get',
    path: '/api/v1/findings/daily-counts',
    tags: ['inspection'],
    summary:
      'Findings per source, check and Beijing day (default: the last 30 days), within the caller’s scope',
    middleware: [guard(OPS_FILTERED)],
    request: { query: DailyCountsQuery },
    responses: {
      200: jsonResponse(FindingDailyCounts, 'Counts'),
      400: errorResponse('Malformed dates'),
      ...denied,
    },
  }),
  report: createRoute({
    method: 'get',
    path: '/api/v1/reports/inspection',
    tags: ['inspection'],
    summary:
      '巡检日报 of one Beijing day: availability per system, data quality per department, the day’s alarms with time to acknowledge and resolve; format=csv|html to export',
    middleware: [guard(OPS_FILTERED)],
    request: { query: InspectionReportQuery },
    responses: {
      200: {
        description: 'The report (JSON, CSV or HTML)',
        content: {
          'application/json': { schema: InspectionReport },
          'text/csv': { schema: { type: 'string' } },
          'text/html': { schema: { type: 'string' } },
        },
      },
      400: errorResponse('Malformed date'),
      ...denied,
    },
  }),
};

const scopeOf = (c: Context<AppEnv>) => c.get('principal')!.scope;

export function inspectionRouter() {
  return createRouter()
    .openapi(r.findings, async (c) => {
      const q = c.req.valid('query');
      const limit = q.limit ?? DEFAULT_LIMIT;
      const items = await c.get('auth').store.alarms.findings({ ...q, scopes: [scopeOf(c)], limit });
      return c.json({ items, nextBefore: items.length === limit ? items.at(-1)!.id : null }, 200);
    })
    .openapi(r.daily, async (c) => {
      const q = c.req.valid('query');
      const to = q.to ?? beijingDateKey(Date.now());
      const from = q.from ?? beijingDateKey(Date.now() - 29 * DAY_MS);
      if (from > to)
        throw new HttpError(400, 'VALIDATION', 'from: must not be after to', [
          { path: 'from', message: 'after to' },
        ]);
      return c.json({ items: await c.get('auth').store.alarms.findingCounts(from, to, [scopeOf(c)]) }, 200);
    })
    .openapi(r.report, async (c) => {
      const { date, format } = c.req.valid('query');
      if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
        throw new HttpError(400, 'VALIDATION', `date: ${date} is not a date`, [
          { path: 'date', message: 'not a date' },
        ]);
      const report = await inspectionReport(c.get('auth').store, date, scopeOf(c));
      if (format === 'csv')
        return c.body(reportCsv(report), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="inspection-${date}.csv"`,
        });
      if (format === 'html')
        return c.body(reportHtml(report), 200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        });
      return c.json(report, 200);
    });
}
