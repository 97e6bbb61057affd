import {
  AlertPolicyInput,
  AlertPolicyList,
  AlertPolicySaved,
  DeadLetterList,
  HeartbeatInput,
  MarkReadRequest,
  NotificationList,
  ScreenStatusList,
  WebhookReceivers,
} from '@cockpit/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, guard } from '../../auth/access';
import type { AlertPolicyService } from '../../health/alert-policies';
import { notificationListOf } from '../../health/notify';
import type { ScreenWatch } from '../../health/screens';
import { createRouter } from '../../lib/create-router';
import { HttpError } from '../../lib/errors';
import { errorResponse, jsonResponse } from '../../lib/json-errors';
import type { PoliciesStore } from '../../store/policies';

const own = guard({
  permission: 'alert:policy',
  region: {
    from: 'none',
    why: "the caller's own policies and notifications; scope is re-checked at delivery",
  },
});
const admin = guard({
  permission: 'user:admin',
  region: { from: 'none', why: 'the dead-letter list is county-wide platform state (admins only)' },
});
const ops = guard({
  permission: 'ops:view',
  region: { from: 'none', why: 'the paired screens are county-wide platform state' },
});
const screen = guard({
  permission: 'cockpit:view',
  region: { from: 'none', why: 'a paired screen reports on itself' },
});
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .meta({ param: { name: 'id', in: 'path' } }),
});

const r = {
  list: createRoute({
    method: 'get',
    path: '/api/v1/me/alert-policies',
    tags: ['notifications'],
    summary: 'My alert policies (个性化告警策略)',
    middleware: [own],
    responses: { 200: jsonResponse(AlertPolicyList, 'Policies'), 403: errorResponse('Needs alert:policy') },
  }),
  create: createRoute({
    method: 'post',
    path: '/api/v1/me/alert-policies',
    tags: ['notifications'],
    summary: 'Subscribe to a rule, field, indicator or region; the webhook key is shown once',
    middleware: [own],
    request: body(AlertPolicyInput),
    responses: {
      201: jsonResponse(AlertPolicySaved, 'Created'),
      400: errorResponse(
        'A field that does not parse or names nothing (quiet hours, webhook URL, indicator …); WEBHOOK_HOST_NOT_ALLOWED: the webhook URL names a receiver WEBHOOK_ALLOWED_HOSTS does not permit',
      ),
      403: errorResponse('A region outside the scope'),
    },
  }),
  update: createRoute({
    method: 'put',
    path: '/api/v1/me/alert-policies/{id}',
    tags: ['notifications'],
    summary: 'Replace one of my policies (a changed webhook URL gets a new key, shown once)',
    middleware: [own],
    request: { params: IdParam, ...body(AlertPolicyInput) },
    responses: {
      200: jsonResponse(AlertPolicySaved, 'Saved'),
      400: errorResponse('Invalid field; WEBHOOK_HOST_NOT_ALLOWED: a receiver that is not permitted'),
      404: errorResponse('No such policy of mine'),
    },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/api/v1/me/alert-policies/{id}',
    tags: ['notifications'],
    summary: 'Delete one of my policies',
    middleware: [own],
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, 404: errorResponse('No such policy of mine') },
  }),
  webhookReceivers: createRoute({
    method: 'get',
    path: '/api/v1/me/webhook-receivers',
    tags: ['notifications'],
    summary: 'The webhook receivers a policy may name (WEBHOOK_ALLOWED_HOSTS); none: webhooks are off',
    middleware: [own],
    responses: { 200: jsonResponse(WebhookReceivers, 'Permitted receivers') },
  }),
  notifications: createRoute({
    method: 'get',
    path: '/api/v1/me/notifications',
    tags: ['notifications'],
    summary: 'My notification centre: newest first, with the unread count',
    middleware: [own],
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
    responses: { 200: jsonResponse(NotificationList, 'Notifications') },
  }),
  read: createRoute({
    method: 'post',
    path: '/api/v1/me/notifications/read',
    tags: ['notifications'],
    summary: 'Mark notifications read (all of them without ids)',
    middleware: [own],
    request: body(MarkReadRequest),
    responses: {
      200: jsonResponse(z.object({ marked: z.number().int(), unread: z.number().int() }), 'Marked'),
    },
  }),
  deadLetters: createRoute({
    method: 'get',
    path: '/api/v1/admin/dead-letters',
    tags: ['notifications'],
    summary: 'Webhook deliveries given up after their retries',
    middleware: [admin],
    responses: { 200: jsonResponse(DeadLetterList, 'Dead letters'), 403: errorResponse('Needs user:admin') },
  }),
  heartbeat: createRoute({
    method: 'post',
    path: '/api/v1/devices/heartbeat',
    tags: ['devices'],
    summary: 'A paired wall screen reports its version, heap, frame rate and errors (every 30 s)',
    middleware: [screen],
    request: body(HeartbeatInput),
    responses: {
      204: { description: 'Stored' },
      400: errorResponse('Malformed heartbeat'),
      403: errorResponse('Only a paired screen sends heartbeats'),
    },
  }),
  screens: createRoute({
    method: 'get',
    path: '/api/v1/admin/screens',
    tags: ['devices'],
    summary: 'Every paired screen with its last heartbeat; silent = none for more than 90 s',
    middleware: [ops],
    responses: { 200: jsonResponse(ScreenStatusList, 'Screens') },
  }),
};

export type NotificationsRouterDeps = {
  policies: AlertPolicyService;
  store: PoliciesStore;
  screens: ScreenWatch;
  /** What GET /me/webhook-receivers answers (from WEBHOOK_ALLOWED_HOSTS). */
  webhookReceivers: WebhookReceivers;
  now?: () => Date;
  /** A user's notification centre changed (the live topic republishes). */
  changed?: (userId: string) => void;
};

export function notificationsRouter(deps: NotificationsRouterDeps) {
  const now = () => deps.now?.() ?? new Date();
  return createRouter()
    .openapi(r.list, async (c) => c.json({ items: await deps.policies.list(c.get('principal')!) }, 200))
    .openapi(r.create, async (c) =>
      c.json(await deps.policies.create(c.get('principal')!, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(r.update, async (c) =>
      c.json(
        await deps.policies.update(
          c.get('principal')!,
          c.req.valid('param').id,
          c.req.valid('json'),
          actorOf(c),
        ),
        200,
      ),
    )
    .openapi(r.remove, async (c) => {
      await deps.policies.delete(c.get('principal')!, c.req.valid('param').id, actorOf(c));
      return c.body(null, 204);
    })
    .openapi(r.webhookReceivers, (c) => c.json(deps.webhookReceivers, 200))
    .openapi(r.notifications, async (c) => {
      return c.json(
        await notificationListOf(deps.store, c.get('principal')!.id, c.req.valid('query').limit),
        200,
      );
    })
    .openapi(r.read, async (c) => {
      const userId = c.get('principal')!.id;
      const marked = await deps.store.markRead(userId, c.req.valid('json').ids, now().toISOString());
      deps.changed?.(userId);
      return c.json({ marked, unread: await deps.store.getUnreadCount(userId) }, 200);
    })
    .openapi(r.deadLetters, async (c) => {
      const dead = await deps.store.listDeliveries('dead');
      return c.json(
        {
          items: dead.map((d) => ({
            id: d.id,
            policyId: d.policyId,
            userId: d.userId,
            url: d.url,
            attempts: d.attempts,
            lastStatus: d.lastStatus,
            lastError: d.lastError,
            createdAt: d.createdAt,
            deadAt: d.finishedAt ?? d.createdAt,
            payload: JSON.parse(d.payload) as unknown,
          })),
        },
        200,
      );
    })
    .openapi(r.heartbeat, async (c) => {
      const p = c.get('principal')!;
      if (p.kind !== 'device')
        throw new HttpError(403, 'NOT_A_SCREEN', 'Only a paired wall screen sends heartbeats');
      await deps.screens.beat(p.id, c.req.valid('json'));
      return c.body(null, 204);
    })
    .openapi(r.screens, async (c) => c.json({ items: await deps.screens.status() }, 200));
}
