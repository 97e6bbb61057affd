import { z } from 'zod';
import { IsoDateTime } from './indicator';

/**
 * Personal alert policies (个性化告警策略), the notifications they produce (in-app centre, signed webhooks
 * with retries and a dead-letter list) and the wall screens' heartbeats (issue #16, the people's half).
 */

export const PolicySeverity = z.enum(['info', 'warning', 'critical']).meta({
  id: 'PolicySeverity',
  description: 'The lowest alarm severity the subscription wants (as AlarmSeverity)',
});
export type PolicySeverity = z.infer<typeof PolicySeverity>;

/** 'HH:MM-HH:MM' in Beijing time (Asia/Shanghai); may wrap midnight (22:00-07:00). */
export const QUIET_HOURS_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after Beijing midnight of the two ends of a quiet-hours span, or undefined when it does not parse. */
export function parseQuietHours(text: string): { fromMinute: number; toMinute: number } | undefined {
  const m = QUIET_HOURS_PATTERN.exec(text);
  if (!m) return undefined;
  const fromMinute = Number(m[1]) * 60 + Number(m[2]);
  const toMinute = Number(m[3]) * 60 + Number(m[4]);
  return fromMinute === toMinute ? undefined : { fromMinute, toMinute };
}

const BEIJING_OFFSET_MIN = 8 * 60;

/** Whether an instant falls inside the quiet hours (Asia/Shanghai has no daylight saving: UTC+8 all year). */
export function inQuietHours(quietHours: string | null, at: Date): boolean {
  const span = quietHours ? parseQuietHours(quietHours) : undefined;
  if (!span) return false;
  const minute = (at.getUTCHours() * 60 + at.getUTCMinutes() + BEIJING_OFFSET_MIN) % 1440;
  return span.fromMinute < span.toMinute
    ? minute >= span.fromMinute && minute < span.toMinute
    : minute >= span.fromMinute || minute < span.toMinute;
}

export const AlertSubscription = z
  .object({
    kind: z.enum(['rule', 'field', 'indicator', 'region']).meta({
      description:
        'rule: one alarm rule (ref = rule id); field: every rule on an indicator of this field (ref = field, e.g. eco); indicator: rules on one indicator (ref = indicator id); region: every alarm of this region and below (ref = region code)',
    }),
    ref: z.string().min(1).max(120),
  })
  .meta({ id: 'AlertSubscription' });
export type AlertSubscription = z.infer<typeof AlertSubscription>;

export const AlertThreshold = z.object({ op: z.enum(['>', '>=', '<', '<=']), value: z.number() }).meta({
  id: 'AlertThreshold',
  description:
    "The subscriber's own threshold for an indicator subscription, stricter or looser than the rules': judged on its own on every indicator pass (a notification of kind threshold when a region in the owner's scope crosses it); the rules' alarms of that indicator then do not notify this policy",
});
export type AlertThreshold = z.infer<typeof AlertThreshold>;

const WebhookUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(500)
  .meta({
    description:
      'http(s) only, without user:password; its host must be one WEBHOOK_ALLOWED_HOSTS permits (400 WEBHOOK_HOST_NOT_ALLOWED otherwise; checked again at each delivery)',
  });

export const WebhookReceivers = z
  .object({
    enabled: z.boolean().meta({ description: 'false: no receiver is permitted (webhooks are off)' }),
    allowedHosts: z.array(z.string()).meta({
      description:
        'The entries of WEBHOOK_ALLOWED_HOSTS: host names, *.sub-domain wildcards (not the domain itself), IP addresses and CIDR ranges, each optionally with :port',
    }),
  })
  .meta({ id: 'WebhookReceivers', description: 'The webhook receivers an administrator permits' });
export type WebhookReceivers = z.infer<typeof WebhookReceivers>;

export const AlertPolicyInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    subscription: AlertSubscription,
    minSeverity: PolicySeverity.default('warning'),
    threshold: AlertThreshold.nullable().default(null),
    quietHours: z
      .string()
      .refine((s) => parseQuietHours(s) !== undefined, {
        message: "quiet hours are 'HH:MM-HH:MM' (Beijing time), two different times, e.g. 22:00-07:00",
      })
      .nullable()
      .default(null),
    delivery: z
      .enum(['immediate', 'digest'])
      .default('immediate')
      .meta({ description: 'digest: held and delivered in the daily digest (08:00 Beijing)' }),
    channels: z
      .object({ inApp: z.boolean().default(true), webhookUrl: WebhookUrl.nullable().default(null) })
      .default({ inApp: true, webhookUrl: null }),
    enabled: z.boolean().default(true),
  })
  .meta({ id: 'AlertPolicyInput' });
export type AlertPolicyInput = z.infer<typeof AlertPolicyInput>;

export const AlertPolicy = AlertPolicyInput.extend({
  id: z.string(),
  userId: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).meta({ id: 'AlertPolicy' });
export type AlertPolicy = z.infer<typeof AlertPolicy>;

export const AlertPolicySaved = z
  .object({
    policy: AlertPolicy,
    webhookSecret: z.string().nullable().meta({
      description:
        'The HMAC-SHA256 key of the webhook (X-Cockpit-Signature: sha256=hex of "<X-Cockpit-Timestamp>.<body>"); shown once, when the webhook URL is set',
    }),
  })
  .meta({ id: 'AlertPolicySaved' });
export type AlertPolicySaved = z.infer<typeof AlertPolicySaved>;

export const AlertPolicyList = z.object({ items: z.array(AlertPolicy) }).meta({ id: 'AlertPolicyList' });
export type AlertPolicyList = z.infer<typeof AlertPolicyList>;

export const NotificationItem = z
  .object({
    id: z.string(),
    policyId: z.string().nullable(),
    kind: z.enum(['alarm', 'digest', 'threshold']).meta({
      description:
        "alarm: a rule's alarm; threshold: the subscriber's own indicator threshold was crossed (no alarm behind it); digest: held ones",
    }),
    alarmId: z.string().nullable(),
    severity: PolicySeverity,
    regionCode: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    createdAt: IsoDateTime,
    readAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'NotificationItem', description: 'One entry of the in-app notification centre' });
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationList = z
  .object({ items: z.array(NotificationItem), unread: z.number().int().min(0) })
  .meta({ id: 'NotificationList', description: 'Newest first, with the unread count' });
export type NotificationList = z.infer<typeof NotificationList>;

export const MarkReadRequest = z
  .object({
    ids: z.array(z.string().max(64)).max(500).optional().meta({ description: 'Omitted: mark all read' }),
  })
  .meta({ id: 'MarkReadRequest' });

export const DeadLetter = z
  .object({
    id: z.string(),
    policyId: z.string(),
    userId: z.string(),
    url: z.string(),
    attempts: z.number().int(),
    lastStatus: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'HTTP status of the last try; null: no answer' }),
    lastError: z.string().nullable(),
    createdAt: IsoDateTime,
    deadAt: IsoDateTime,
    payload: z.unknown(),
  })
  .meta({ id: 'DeadLetter', description: 'A webhook delivery given up after its retries' });
export type DeadLetter = z.infer<typeof DeadLetter>;

export const DeadLetterList = z.object({ items: z.array(DeadLetter) }).meta({ id: 'DeadLetterList' });
export type DeadLetterList = z.infer<typeof DeadLetterList>;

export const HeartbeatInput = z
  .object({
    version: z.string().min(1).max(64),
    heapUsedBytes: z.number().int().min(0).nullable().default(null),
    framesPerSecond: z.number().min(0).max(1000).nullable().default(null),
    errorCount: z.number().int().min(0).default(0).meta({ description: 'Errors since the screen started' }),
    lastError: z.string().max(500).nullable().default(null),
    path: z.string().max(300).nullable().default(null).meta({ description: 'What the screen shows' }),
  })
  .meta({ id: 'HeartbeatInput', description: 'A wall screen’s heartbeat, every 30 s' });
export type HeartbeatInput = z.infer<typeof HeartbeatInput>;

export const ScreenStatus = z
  .object({
    deviceId: z.string(),
    name: z.string(),
    scope: z.string(),
    lastHeartbeatAt: IsoDateTime.nullable(),
    silentSeconds: z.number().nullable(),
    silent: z.boolean().meta({ description: 'No heartbeat for more than 90 s' }),
    version: z.string().nullable(),
    heapUsedBytes: z.number().nullable(),
    framesPerSecond: z.number().nullable(),
    errorCount: z.number().int().nullable(),
    lastError: z.string().nullable(),
    path: z.string().nullable(),
  })
  .meta({ id: 'ScreenStatus' });
export type ScreenStatus = z.infer<typeof ScreenStatus>;

export const ScreenStatusList = z.object({ items: z.array(ScreenStatus) }).meta({ id: 'ScreenStatusList' });
export type ScreenStatusList = z.infer<typeof ScreenStatusList>;

/** A user id (UUID) as the letters a–p (one per hex digit): the [a-z]+ middle segment of a live topic. */
export function notificationUserKey(userId: string): string {
  return userId
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '')
    .replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + Number.parseInt(c, 16)));
}

/** The user id behind a notification topic's key, or undefined when it is not one. */
export function userIdOfNotificationKey(key: string): string | undefined {
  if (!/^[a-p]{32}$/.test(key)) return undefined;
  const hex = [...key].map((c) => (c.charCodeAt(0) - 97).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The live topic of one user's notification centre: `notifications:<userKey>:<scope>` (payload:
 * NotificationList). Only that user may follow it.
 */
export const notificationTopic = (userId: string, scope: string) =>
  `notifications:${notificationUserKey(userId)}:${scope}`;
