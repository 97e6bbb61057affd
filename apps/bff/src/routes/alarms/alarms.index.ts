import {
  AlarmDetail,
  AlarmDispatchRequest,
  AlarmList,
  AlarmListQuery,
  AlarmResolveRequest,
  AlarmRule,
  AlarmRuleInput,
  AlarmRuleList,
  AlarmRuleUpdate,
  Silence,
  SilenceInput,
  SilenceList,
  StoredAlarm,
} from '@cockpit/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type AccessRule, actorOf, guard } from '../../auth/access';
import type { AlarmService } from '../../health/alarm-service';
import { type AppEnv, createRouter } from '../../lib/create-router';
import { HttpError } from '../../lib/errors';
import { errorResponse, jsonResponse } from '../../lib/json-errors';

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .meta({ param: { name: 'id', in: 'path' } }),
});
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const denied = {
  401: errorResponse('Not signed in'),
  403: errorResponse('Needs the permission, or out of scope'),
};

/** Only the owning department (or an administrator) edits a rule, and only within the editor's scope. */
function editorOf(c: Context<AppEnv>) {
  const p = c.get('principal')!;
  const auth = c.get('auth');
  return (departmentId: string, regionScope?: string) =>
    p.permissionSet.has('user:admin') ||
    (p.departmentId === departmentId && (regionScope === undefined || auth.inScope(p.scope, regionScope)));
}

export function alarmsRouter(alarms: AlarmService) {
  /** The alarm's region, for the guard's scope check (undefined: no such alarm, the handler answers 404). */
  const rule = (permission: 'cockpit:view' | 'alarm:ack' | 'alarm:dispatch'): AccessRule => ({
    permission,
    region: {
      from: 'lookup',
      regions: async (c) => {
        const a = await alarms.get(c.req.param('id') ?? '');
        return a ? [a.regionCode] : undefined;
      },
    },
  });
  const r = {
    list: createRoute({
      method: 'get',
      path: '/api/v1/alarms',
      tags: ['alarms'],
      summary: 'Stored alarms in the caller’s scope, newest first, with filters; page with nextCursor',
      middleware: [guard({ permission: 'cockpit:view', region: { from: 'query', name: 'region' } })],
      request: { query: AlarmListQuery },
      responses: {
        200: jsonResponse(AlarmList, 'Alarms'),
        400: errorResponse('Malformed filter'),
        ...denied,
      },
    }),
    get: createRoute({
      method: 'get',
      path: '/api/v1/alarms/{id}',
      tags: ['alarms'],
      summary: 'One alarm with its transitions',
      middleware: [guard(rule('cockpit:view'))],
      request: { params: IdParam },
      responses: {
        200: jsonResponse(AlarmDetail, 'The alarm'),
        404: errorResponse('No such alarm'),
        ...denied,
      },
    }),
    ack: createRoute({
      method: 'post',
      path: '/api/v1/alarms/{id}/ack',
      tags: ['alarms'],
      summary: 'Acknowledge a firing alarm (audited)',
      middleware: [guard(rule('alarm:ack'))],
      request: { params: IdParam },
      responses: {
        200: jsonResponse(StoredAlarm, 'Acknowledged'),
        404: errorResponse('No such alarm'),
        409: errorResponse('Not firing (ALARM_STATE)'),
        ...denied,
      },
    }),
    dispatch: createRoute({
      method: 'post',
      path: '/api/v1/alarms/{id}/dispatch',
      tags: ['alarms'],
      summary: 'Dispatch an open alarm to a department with a note (audited)',
      middleware: [guard(rule('alarm:dispatch'))],
      request: { params: IdParam, ...body(AlarmDispatchRequest) },
      responses: {
        200: jsonResponse(StoredAlarm, 'Dispatched'),
        400: errorResponse('Unknown department'),
        404: errorResponse('No such alarm'),
        409: errorResponse('Already dispatched or resolved (ALARM_STATE)'),
        ...denied,
      },
    }),
    resolve: createRoute({
      method: 'post',
      path: '/api/v1/alarms/{id}/resolve',
      tags: ['alarms'],
      summary: 'Resolve an open alarm with a cause (audited)',
      middleware: [guard(rule('alarm:dispatch'))],
      request: { params: IdParam, ...body(AlarmResolveRequest) },
      responses: {
        200: jsonResponse(StoredAlarm, 'Resolved'),
        404: errorResponse('No such alarm'),
        409: errorResponse('Already resolved (ALARM_STATE)'),
        ...denied,
      },
    }),
    rules: createRoute({
      method: 'get',
      path: '/api/v1/alarm-rules',
      tags: ['alarms'],
      summary: 'The stored alarm rules (threshold, business, data-quality, platform)',
      middleware: [
        guard({ permission: 'ops:view', region: { from: 'none', why: 'rules are county configuration' } }),
      ],
      responses: { 200: jsonResponse(AlarmRuleList, 'Rules'), ...denied },
    }),
    rule: createRoute({
      method: 'get',
      path: '/api/v1/alarm-rules/{id}',
      tags: ['alarms'],
      summary: 'One alarm rule',
      middleware: [
        guard({ permission: 'ops:view', region: { from: 'none', why: 'rules are county configuration' } }),
      ],
      request: { params: IdParam },
      responses: { 200: jsonResponse(AlarmRule, 'The rule'), 404: errorResponse('No such rule'), ...denied },
    }),
    createRule: createRoute({
      method: 'post',
      path: '/api/v1/alarm-rules',
      tags: ['alarms'],
      summary:
        'Create a rule owned by the caller’s department (400 naming the field: unknown indicator or region, bad cron)',
      middleware: [guard({ permission: 'alarm:rule:edit', region: { from: 'filtered' } })],
      request: body(AlarmRuleInput),
      responses: { 201: jsonResponse(AlarmRule, 'Created'), 400: errorResponse('Invalid rule'), ...denied },
    }),
    updateRule: createRoute({
      method: 'put',
      path: '/api/v1/alarm-rules/{id}',
      tags: ['alarms'],
      summary: 'Change a rule of the caller’s department, based on its current version',
      middleware: [guard({ permission: 'alarm:rule:edit', region: { from: 'filtered' } })],
      request: { params: IdParam, ...body(AlarmRuleUpdate) },
      responses: {
        200: jsonResponse(AlarmRule, 'Updated'),
        400: errorResponse('Invalid rule'),
        404: errorResponse('No such rule'),
        409: errorResponse('Version conflict'),
        ...denied,
      },
    }),
    deleteRule: createRoute({
      method: 'delete',
      path: '/api/v1/alarm-rules/{id}',
      tags: ['alarms'],
      summary: 'Delete a custom rule of the caller’s department (built-in ones are disabled instead)',
      middleware: [guard({ permission: 'alarm:rule:edit', region: { from: 'filtered' } })],
      request: { params: IdParam },
      responses: {
        204: { description: 'Deleted' },
        404: errorResponse('No such rule'),
        409: errorResponse('Built-in'),
        ...denied,
      },
    }),
    silences: createRoute({
      method: 'get',
      path: '/api/v1/silences',
      tags: ['alarms'],
      summary: 'Silences and maintenance windows (author, reason, start and end)',
      middleware: [
        guard({ permission: 'ops:view', region: { from: 'none', why: 'silences are county configuration' } }),
      ],
      responses: { 200: jsonResponse(SilenceList, 'Silences, newest first'), ...denied },
    }),
    createSilence: createRoute({
      method: 'post',
      path: '/api/v1/silences',
      tags: ['alarms'],
      summary: 'Silence matching alarms until endsAt (a maintenance window may start later)',
      middleware: [guard({ permission: 'alarm:rule:edit', region: { from: 'filtered' } })],
      request: body(SilenceInput),
      responses: { 201: jsonResponse(Silence, 'Created'), 400: errorResponse('Invalid silence'), ...denied },
    }),
    endSilence: createRoute({
      method: 'delete',
      path: '/api/v1/silences/{id}',
      tags: ['alarms'],
      summary: 'End a silence now (it is kept for the record)',
      middleware: [guard({ permission: 'alarm:rule:edit', region: { from: 'filtered' } })],
      request: { params: IdParam },
      responses: { 204: { description: 'Ended' }, 404: errorResponse('No such silence'), ...denied },
    }),
  };

  const scopeOf = (c: Context<AppEnv>) => c.get('principal')!.scope;

  return createRouter()
    .openapi(r.list, async (c) => c.json(await alarms.list(c.req.valid('query'), scopeOf(c)), 200))
    .openapi(r.get, async (c) => {
      const a = await alarms.get(c.req.valid('param').id);
      if (!a) throw new HttpError(404, 'ALARM_NOT_FOUND', `No alarm has the id ${c.req.valid('param').id}`);
      return c.json(a, 200);
    })
    .openapi(r.ack, async (c) => c.json(await alarms.ack(c.req.valid('param').id, actorOf(c)), 200))
    .openapi(r.dispatch, async (c) => {
      const { departmentId, note } = c.req.valid('json');
      if (!(await c.get('auth').store.departments.get(departmentId)))
        throw new HttpError(400, 'VALIDATION', `departmentId: no department has the id ${departmentId}`, [
          { path: 'departmentId', message: 'unknown department' },
        ]);
      return c.json(await alarms.dispatch(c.req.valid('param').id, actorOf(c), departmentId, note), 200);
    })
    .openapi(r.resolve, async (c) =>
      c.json(await alarms.resolve(c.req.valid('param').id, actorOf(c), c.req.valid('json').cause), 200),
    )
    .openapi(r.rules, (c) => c.json({ items: alarms.listRules() }, 200))
    .openapi(r.rule, (c) => {
      const found = alarms.getRule(c.req.valid('param').id);
      if (!found)
        throw new HttpError(404, 'RULE_NOT_FOUND', `No alarm rule has the id ${c.req.valid('param').id}`);
      return c.json(found, 200);
    })
    .openapi(r.createRule, async (c) => {
      const input = c.req.valid('json');
      const can = editorOf(c);
      return c.json(await alarms.createRule(input, actorOf(c), (d) => can(d, input.regionScope)), 201);
    })
    .openapi(r.updateRule, async (c) => {
      const can = editorOf(c);
      return c.json(
        await alarms.updateRule(c.req.valid('param').id, c.req.valid('json'), actorOf(c), can),
        200,
      );
    })
    .openapi(r.deleteRule, async (c) => {
      await alarms.deleteRule(c.req.valid('param').id, actorOf(c), editorOf(c));
      return c.body(null, 204);
    })
    .openapi(r.silences, (c) => c.json({ items: alarms.listSilences() }, 200))
    .openapi(r.createSilence, async (c) => {
      const input = c.req.valid('json');
      const p = c.get('principal')!;
      const region = input.regionCode ?? p.scope;
      if (!c.get('auth').inScope(p.scope, region))
        throw new HttpError(403, 'OUT_OF_SCOPE', `Region ${region} is outside your scope (${p.scope})`);
      return c.json(await alarms.createSilence({ ...input, regionCode: region }, actorOf(c)), 201);
    })
    .openapi(r.endSilence, async (c) => {
      await alarms.endSilence(c.req.valid('param').id, actorOf(c));
      return c.body(null, 204);
    });
}
