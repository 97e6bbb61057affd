import { RevealRequest, RevealResponse } from '@cockpit/contracts';
import { createRoute } from '@hono/zod-openapi';
import { actorOf, guard } from '../../auth/access';
import { personalVault } from '../../auth/vault';
import { createRouter } from '../../lib/create-router';
import { HttpError } from '../../lib/errors';
import { errorResponse, jsonResponse } from '../../lib/json-errors';

/** The record's region: a reveal is only for records inside the caller's scope. */
const access = guard({
  permission: 'personal:view',
  region: {
    from: 'lookup',
    regions: async (c) => {
      const body = (await c.req.json().catch(() => undefined)) as { ref?: unknown } | undefined;
      const entry = typeof body?.ref === 'string' ? personalVault.get(body.ref) : undefined;
      return entry ? [entry.regionCode] : undefined;
    },
  },
});

const reveal = createRoute({
  method: 'post',
  path: '/api/v1/personal/reveal',
  tags: ['personal'],
  summary: 'Reveal one masked value (plate or phone) with a reason (查看原因); audited',
  middleware: [access],
  request: { body: { content: { 'application/json': { schema: RevealRequest } }, required: true } },
  responses: {
    200: jsonResponse(RevealResponse, 'The value'),
    400: errorResponse('Malformed body or a reason under 4 characters'),
    403: errorResponse('Needs personal:view, and the record inside the scope'),
    404: errorResponse('No such record (or no longer kept)'),
  },
});

export function personalRouter() {
  return createRouter().openapi(reveal, async (c) => {
    const { kind, ref, reason } = c.req.valid('json');
    const entry = personalVault.get(ref);
    if (!entry || entry.kind !== kind)
      throw new HttpError(404, 'NOT_FOUND', `No ${kind} is kept under ${ref}`);
    await c.get('auth').audit(actorOf(c), 'personal.reveal', ref, `${kind} revealed; reason: ${reason}`);
    return c.json({ value: entry.value }, 200);
  });
}
