import type { AlertPolicy, AlertPolicyInput, HeartbeatInput, NotificationItem } from '@cockpit/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

/** A stored policy with its webhook key (never sent back after creation). */
export type PolicyRecord = AlertPolicy & { webhookSecret: string | null };

export type NotificationRecord = NotificationItem & {
  userId: string;
  inApp: boolean;
  /** pending: held (quiet hours or digest) for the digest; sent; digested: delivered in a digest. */
  state: 'pending' | 'sent' | 'digested';
};

export type DeliveryRecord = {
  id: string;
  notificationId: string;
  policyId: string;
  userId: string;
  url: string;
  payload: string;
  state: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type HeartbeatRecord = Required<HeartbeatInput> & { deviceId: string; at: string };

/** Personal alert policies, the notifications they produced, webhook deliveries and screen heartbeats. */
export interface PoliciesStore {
  listPolicies(userId?: string): Promise<PolicyRecord[]>;
  getPolicy(id: string): Promise<PolicyRecord | undefined>;
  insertPolicy(p: PolicyRecord): Promise<void>;
  updatePolicy(p: PolicyRecord): Promise<void>;
  deletePolicy(id: string): Promise<void>;

  insertNotification(n: NotificationRecord): Promise<void>;
  /** A user's delivered in-app notifications (held ones wait for the digest, which lists them), newest first. */
  listNotifications(userId: string, limit: number): Promise<NotificationRecord[]>;
  getUnreadCount(userId: string): Promise<number>;
  /** The newest notification this policy made about this alarm at or after `since`. */
  getLastNotification(
    policyId: string,
    alarmId: string,
    since: string,
  ): Promise<NotificationRecord | undefined>;
  /** Held notifications (quiet hours, digest), oldest first. */
  listPendingNotifications(): Promise<NotificationRecord[]>;
  setNotificationState(ids: string[], state: NotificationRecord['state']): Promise<void>;
  markRead(userId: string, ids: string[] | undefined, at: string): Promise<number>;

  insertDelivery(d: DeliveryRecord): Promise<void>;
  updateDelivery(d: DeliveryRecord): Promise<void>;
  listDeliveries(state: DeliveryRecord['state']): Promise<DeliveryRecord[]>;

  putHeartbeat(h: HeartbeatRecord): Promise<void>;
  listHeartbeats(): Promise<HeartbeatRecord[]>;
}

type Q = Kysely<DB> | Transaction<DB>;

const policyRow = (p: PolicyRecord): DB['alert_policies'] => {
  const input: AlertPolicyInput = {
    name: p.name,
    subscription: p.subscription,
    minSeverity: p.minSeverity,
    threshold: p.threshold,
    quietHours: p.quietHours,
    delivery: p.delivery,
    channels: p.channels,
    enabled: p.enabled,
  };
  return {
    id: p.id,
    user_id: p.userId,
    policy: JSON.stringify(input),
    webhook_secret: p.webhookSecret,
    enabled: p.enabled ? 1 : 0,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
};

const policyOf = (r: DB['alert_policies']): PolicyRecord => ({
  ...(JSON.parse(r.policy) as AlertPolicyInput),
  id: r.id,
  userId: r.user_id,
  enabled: r.enabled === 1,
  webhookSecret: r.webhook_secret,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const notificationOf = (r: DB['notifications']): NotificationRecord => ({
  id: r.id,
  userId: r.user_id,
  policyId: r.policy_id,
  kind: r.kind as NotificationRecord['kind'],
  alarmId: r.alarm_id,
  severity: r.severity as NotificationRecord['severity'],
  regionCode: r.region_code,
  title: r.title,
  body: r.body,
  inApp: r.in_app === 1,
  state: r.state as NotificationRecord['state'],
  createdAt: r.created_at,
  readAt: r.read_at,
});

const deliveryRow = (d: DeliveryRecord): DB['webhook_deliveries'] => ({
  id: d.id,
  notification_id: d.notificationId,
  policy_id: d.policyId,
  user_id: d.userId,
  url: d.url,
  payload: d.payload,
  state: d.state,
  attempts: d.attempts,
  next_attempt_at: d.nextAttemptAt,
  last_status: d.lastStatus,
  last_error: d.lastError,
  created_at: d.createdAt,
  finished_at: d.finishedAt,
});

const deliveryOf = (r: DB['webhook_deliveries']): DeliveryRecord => ({
  id: r.id,
  notificationId: r.notification_id,
  policyId: r.policy_id,
  userId: r.user_id,
  url: r.url,
  payload: r.payload,
  state: r.state as DeliveryRecord['state'],
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  lastStatus: r.last_status === null ? null : Number(r.last_status),
  lastError: r.last_error,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

export function policiesStore(db: Q): PoliciesStore {
  return {
    listPolicies: async (userId) => {
      let q = db.selectFrom('alert_policies').selectAll();
      if (userId !== undefined) q = q.where('user_id', '=', userId);
      return (await q.orderBy('created_at').orderBy('id').execute()).map(policyOf);
    },
    getPolicy: async (id) => {
      const r = await db.selectFrom('alert_policies').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? policyOf(r) : undefined;
    },
    insertPolicy: async (p) => {
      await db.insertInto('alert_policies').values(policyRow(p)).execute();
    },
    updatePolicy: async (p) => {
      const { id, ...set } = policyRow(p);
      await db.updateTable('alert_policies').set(set).where('id', '=', id).execute();
    },
    deletePolicy: async (id) => {
      await db.deleteFrom('alert_policies').where('id', '=', id).execute();
    },

    insertNotification: async (n) => {
      await db
        .insertInto('notifications')
        .values({
          id: n.id,
          user_id: n.userId,
          policy_id: n.policyId,
          kind: n.kind,
          alarm_id: n.alarmId,
          severity: n.severity,
          region_code: n.regionCode,
          title: n.title,
          body: n.body,
          in_app: n.inApp ? 1 : 0,
          state: n.state,
          created_at: n.createdAt,
          read_at: n.readAt,
        })
        .execute();
    },
    listNotifications: async (userId, limit) =>
      (
        await db
          .selectFrom('notifications')
          .selectAll()
          .where('user_id', '=', userId)
          .where('in_app', '=', 1)
          .where('state', '=', 'sent')
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute()
      ).map(notificationOf),
    getUnreadCount: async (userId) => {
      const r = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('in_app', '=', 1)
        .where('state', '=', 'sent')
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    getLastNotification: async (policyId, alarmId, since) => {
      const r = await db
        .selectFrom('notifications')
        .selectAll()
        .where('policy_id', '=', policyId)
        .where('alarm_id', '=', alarmId)
        .where('created_at', '>=', since)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      return r ? notificationOf(r) : undefined;
    },
    listPendingNotifications: async () =>
      (
        await db
          .selectFrom('notifications')
          .selectAll()
          .where('state', '=', 'pending')
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      ).map(notificationOf),
    setNotificationState: async (ids, state) => {
      if (ids.length === 0) return;
      await db.updateTable('notifications').set({ state }).where('id', 'in', ids).execute();
    },
    markRead: async (userId, ids, at) => {
      let q = db
        .updateTable('notifications')
        .set({ read_at: at })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      if (ids) {
        if (ids.length === 0) return 0;
        q = q.where('id', 'in', ids);
      }
      const r = await q.executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    insertDelivery: async (d) => {
      await db.insertInto('webhook_deliveries').values(deliveryRow(d)).execute();
    },
    updateDelivery: async (d) => {
      const { id, ...set } = deliveryRow(d);
      await db.updateTable('webhook_deliveries').set(set).where('id', '=', id).execute();
    },
    listDeliveries: async (state) =>
      (
        await db
          .selectFrom('webhook_deliveries')
          .selectAll()
          .where('state', '=', state)
          .orderBy('created_at', 'desc')
          .limit(1000)
          .execute()
      ).map(deliveryOf),

    putHeartbeat: async (h) => {
      const row = {
        device_id: h.deviceId,
        at: h.at,
        version: h.version,
        heap_used_bytes: h.heapUsedBytes,
        frames_per_second: h.framesPerSecond,
        error_count: h.errorCount,
        last_error: h.lastError,
        path: h.path,
      };
      const { device_id: _, ...set } = row;
      await db
        .insertInto('screen_heartbeats')
        .values(row)
        .onConflict((oc) => oc.column('device_id').doUpdateSet(set))
        .execute();
    },
    listHeartbeats: async () =>
      (await db.selectFrom('screen_heartbeats').selectAll().execute()).map((r) => ({
        deviceId: r.device_id,
        at: r.at,
        version: r.version,
        heapUsedBytes: r.heap_used_bytes === null ? null : Number(r.heap_used_bytes),
        framesPerSecond: r.frames_per_second,
        errorCount: Number(r.error_count),
        lastError: r.last_error,
        path: r.path,
      })),
  };
}
