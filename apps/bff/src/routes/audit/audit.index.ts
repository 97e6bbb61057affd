import { AuditPage, AuditQuery } from '@cockpit/contracts';
import { toCsv } from '@cockpit/domain/csv';
import { createRoute } from '@hono/zod-openapi';
import { actorOf, guard } from '../../auth/access';
import { createRouter } from '../../lib/create-router';
import { errorResponse, jsonResponse } from '../../lib/json-errors';
import type { AuditRecord } from '../../store/types';

const reader = guard({
  permission: 'audit:read',
  region: { from: 'none', why: 'the audit trail is county-wide' },
});
const DEFAULT_LIMIT = 100;
const CSV_LIMIT = 100_000;

const list = createRoute({
  method: 'get',
  path: '/api/v1/audit',
  tags: ['audit'],
  summary: 'The audit trail, newest first, with filters; page with nextBefore',
  middleware: [reader],
  request: { query: AuditQuery },
  responses: {
    200: jsonResponse(AuditPage, 'Rows'),
    400: errorResponse('Malformed filter'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Needs audit:read'),
  },
});
const csv = createRoute({
  method: 'get',
  path: '/api/v1/audit.csv',
  tags: ['audit'],
  summary: 'The same rows as CSV (UTF-8 with BOM, for Excel); the export itself is audited',
  middleware: [reader],
  request: { query: AuditQuery },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
    400: errorResponse('Malformed filter'),
  },
});

const view = (r: AuditRecord) => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  ip: r.ip,
  requestId: r.requestId,
  action: r.action,
  target: r.target,
  summary: r.summary,
});

export function auditRouter() {
  return createRouter()
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const limit = q.limit ?? DEFAULT_LIMIT;
      const rows = await c.get('auth').store.audit.query({ ...q, limit });
      const nextBefore = rows.length === limit ? rows.at(-1)!.id : null;
      return c.json({ items: rows.map(view), nextBefore }, 200);
    })
    .openapi(csv, async (c) => {
      const q = c.req.valid('query');
      const auth = c.get('auth');
      const rows = await auth.store.audit.query({ ...q, limit: q.limit ?? CSV_LIMIT });
      await auth.audit(
        actorOf(c),
        'audit.export',
        'audit.csv',
        `${rows.length} row(s); filter ${JSON.stringify(q)}`,
      );
      const header = ['id', 'at', 'actor', 'ip', 'requestId', 'action', 'target', 'summary'];
      const body = rows.map((r) => [r.id, r.at, r.actor, r.ip, r.requestId, r.action, r.target, r.summary]);
      return c.body(toCsv(header, body), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      });
    });
}
