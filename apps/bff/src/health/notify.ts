import { createHmac, randomUUID } from 'node:crypto';
import {
  type IndicatorDefinition,
  inQuietHours,
  type NotificationList,
  type PolicySeverity,
} from '@cockpit/contracts';
import { Cron } from 'croner';
import type { Logger } from '../lib/logger';
import type { DeliveryRecord, NotificationRecord, PoliciesStore, PolicyRecord } from '../store/policies';
import type { Stores } from '../store/types';
import {
  commonRegion,
  type MatchableAlarm,
  type MatchContext,
  ownThresholdCrossings,
  policyMatches,
  type RegionValue,
} from './notify-match';
import { type HostRule, webhookUrlProblem } from './webhook-hosts';

/** A user's notification centre as the API and the live topic send it: newest first, with the unread count. */
export async function notificationListOf(
  store: PoliciesStore,
  userId: string,
  limit = 50,
): Promise<NotificationList> {
  const items = await store.listNotifications(userId, limit);
  return {
    items: items.map(({ userId: _u, inApp: _i, state: _s, ...n }) => n),
    unread: await store.getUnreadCount(userId),
  };
}

/** The alarm transitions that notify: a new alarm, a re-fire, an escalation. */
const NOTIFYING = new Set(['fire', 'refire', 'escalate']);

/** What the dispatcher listens to (ACORE's `services.alarms`). */
export type AlarmFeed = {
  onTransition(listener: (alarm: MatchableAlarm, transition: { kind: string }) => void): () => void;
};

export const SIGNATURE_HEADER = 'X-Cockpit-Signature';
export const TIMESTAMP_HEADER = 'X-Cockpit-Timestamp';

/** `sha256=<hex>` of HMAC-SHA256(secret, "<timestampMs>.<body>"): what X-Cockpit-Signature carries. */
export function webhookSignature(secret: string, timestampMs: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampMs}.${body}`).digest('hex')}`;
}

export type DispatcherOptions = {
  store: Pick<Stores, 'policies' | 'users' | 'roles'>;
  logger: Logger;
  /** Region scope (AuthService.inScope): a policy never widens what its owner may see. */
  inScope(scope: string, code: string): boolean;
  /** Rule → indicator, indicator → field (for indicator and field subscriptions). */
  indicatorOfRule?: MatchContext['indicatorOfRule'];
  fieldOfIndicator?: MatchContext['fieldOfIndicator'];
  /** An indicator's stored definition (own thresholds: its name, unit and bands). */
  indicator?: (id: string) => IndicatorDefinition | undefined;
  /** A region's name (own thresholds name the regions that crossed). */
  regionName?: (code: string) => string | undefined;
  /**
   * WEBHOOK_ALLOWED_HOSTS, judged again at each delivery (the list may have changed since the policy was
   * saved): a delivery to a receiver no longer permitted is not sent but dead-lettered at once. Empty: none.
   */
  allowedHosts: readonly HostRule[];
  /** Tells a user's notification centre that something changed (the live topic). */
  onChange?: (userId: string) => void;
  now?: () => Date;
  fetch?: typeof fetch;
  /** At most one notification per policy and alarm within this window (flap / flood suppression); default 10 min. */
  suppressionWindowMs?: number;
  /** First retry after this, doubling each time (default 2 s); given up after maxAttempts (default 5). */
  retryBaseMs?: number;
  maxAttempts?: number;
  /** One delivery attempt's time limit (default 5 s). */
  attemptTimeoutMs?: number;
  /** The daily digest's cron (Asia/Shanghai); default 08:00. */
  digestCron?: string;
};

export type DispatcherStats = {
  /** Notifications made (sent now or held for the digest). */
  notified: number;
  /** Matches dropped because the alarm already notified that policy within the window. */
  suppressed: number;
  held: number;
  digests: number;
  webhookDelivered: number;
  webhookFailedAttempts: number;
  /** Deliveries not sent because their receiver is not (or no longer) permitted; each is also a dead letter. */
  webhookRefused: number;
  deadLetters: number;
};

const RANK = { info: 0, warning: 1, critical: 2 } as const;

/** ` to <Location>` of a redirect answer (cut short), or nothing without one. */
function locationOf(res: Response): string {
  const location = res.headers.get('location');
  return location ? ` to ${location.length > 200 ? `${location.slice(0, 200)}…` : location}` : '';
}

/** The severity of the indicator's band a value reaches (null: below the warning band, or no bands). */
function bandSeverity(def: IndicatorDefinition | undefined, value: number): PolicySeverity | null {
  if (!def) return null;
  const reaches = (band: number | null) =>
    band !== null && (def.direction === 'higherIsWorse' ? value >= band : value <= band);
  return reaches(def.thresholds.alarm) ? 'critical' : reaches(def.thresholds.warning) ? 'warning' : null;
}

/** Regions named in an own-threshold notification (the rest are counted). */
const NAMED_REGIONS = 10;

/**
 * The notification dispatcher: subscribes to alarm transitions, matches every enabled personal policy,
 * re-checks the owner's permissions and scope, suppresses repeats within the window, holds notifications in
 * quiet hours or for the digest, stores in-app notifications and delivers signed webhooks with retries and
 * exponential backoff into a dead-letter list. The listener only enqueues: a slow or dead receiver never
 * holds up the evaluation loop.
 */
export class NotificationDispatcher {
  readonly stats: DispatcherStats = {
    notified: 0,
    suppressed: 0,
    held: 0,
    digests: 0,
    webhookDelivered: 0,
    webhookFailedAttempts: 0,
    webhookRefused: 0,
    deadLetters: 0,
  };
  private queue: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private cron: Cron | undefined;
  private readonly now: () => Date;
  private readonly fetch: typeof fetch;
  private readonly windowMs: number;
  private readonly retryBaseMs: number;
  private readonly maxAttempts: number;
  private readonly attemptTimeoutMs: number;
  private stopped = false;

  constructor(private readonly opts: DispatcherOptions) {
    this.now = opts.now ?? (() => new Date());
    this.fetch = opts.fetch ?? fetch;
    this.windowMs = opts.suppressionWindowMs ?? 10 * 60_000;
    this.retryBaseMs = opts.retryBaseMs ?? 2000;
    this.maxAttempts = opts.maxAttempts ?? 5;
    this.attemptTimeoutMs = opts.attemptTimeoutMs ?? 5000;
  }

  /** Listens to the alarm feed; returns the unsubscribe. */
  attach(feed: AlarmFeed): () => void {
    return feed.onTransition((alarm, transition) => this.handle(alarm, transition));
  }

  /**
   * Starts the daily digest (croner, Asia/Shanghai) and resumes deliveries left pending by a restart (each
   * judged against today's WEBHOOK_ALLOWED_HOSTS).
   */
  start(): void {
    this.cron ??= new Cron(
      this.opts.digestCron ?? '0 8 * * *',
      { timezone: 'Asia/Shanghai', protect: true },
      () => void this.runDigest().catch((err) => this.opts.logger.error({ err }, 'notify: digest failed')),
    );
    // Tracked, so idle() also waits for the resumed ones.
    this.track(
      this.opts.store.policies
        .listDeliveries('pending')
        .then((pending) => {
          for (const d of pending) this.track(this.attempt(d));
        })
        .catch((err) => this.opts.logger.warn({ err }, 'notify: could not resume deliveries')),
    );
  }

  stop(): void {
    this.stopped = true;
    this.cron?.stop();
    this.cron = undefined;
    for (const [t, release] of this.timers) {
      clearTimeout(t);
      release();
    }
    this.timers.clear();
  }

  /** Enqueues one transition; never waits for matching or delivery. */
  handle(alarm: MatchableAlarm, transition: { kind: string }): void {
    if (!NOTIFYING.has(transition.kind)) return;
    const snapshot = { ...alarm };
    this.queue = this.queue
      .then(() => this.process(snapshot))
      .catch((err) => this.opts.logger.error({ err, alarmId: alarm.id }, 'notify: matching failed'));
  }

  /** Resolves once everything enqueued so far is matched and every delivery has finished or been scheduled. */
  async idle(): Promise<void> {
    await this.queue;
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private track(p: Promise<void>) {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  /** The user's live permissions and scope, or undefined when disabled or gone. */
  private async viewer(userId: string): Promise<{ scope: string; permissions: Set<string> } | undefined> {
    const user = await this.opts.store.users.get(userId);
    if (!user?.enabled) return undefined;
    const permissions = new Set<string>();
    for (const id of user.roles)
      for (const p of (await this.opts.store.roles.get(id))?.permissions ?? []) permissions.add(p);
    return { scope: user.scope, permissions };
  }

  private mayReceive(v: { scope: string; permissions: Set<string> } | undefined, regionCode: string | null) {
    return (
      !!v &&
      v.permissions.has('cockpit:view') &&
      v.permissions.has('alert:policy') &&
      (regionCode === null || this.opts.inScope(v.scope, regionCode))
    );
  }

  private async process(alarm: MatchableAlarm): Promise<void> {
    const ctx: MatchContext = {
      indicatorOfRule: this.opts.indicatorOfRule ?? (() => undefined),
      fieldOfIndicator: this.opts.fieldOfIndicator ?? (() => undefined),
      within: (code, ancestor) => this.opts.inScope(ancestor, code),
    };
    const policies = (await this.opts.store.policies.listPolicies()).filter((p) =>
      policyMatches(p, alarm, ctx),
    );
    const now = this.now();
    for (const policy of policies) {
      if (!this.mayReceive(await this.viewer(policy.userId), alarm.regionCode)) continue;
      const since = new Date(now.getTime() - this.windowMs).toISOString();
      if (await this.opts.store.policies.getLastNotification(policy.id, alarm.id, since)) {
        this.stats.suppressed++;
        continue;
      }
      await this.notify(
        policy,
        {
          kind: 'alarm',
          alarmId: alarm.id,
          severity: alarm.severity,
          regionCode: alarm.regionCode,
          title: `${policy.name}：${alarm.summary}`,
          body: alarm.summary,
        },
        now,
        { alarm },
      );
    }
  }

  /**
   * Stores one notification of a policy (held for quiet hours or the digest, or sent: the in-app centre is
   * told, the webhook queued).
   */
  private async notify(
    policy: PolicyRecord,
    what: Pick<NotificationRecord, 'kind' | 'alarmId' | 'severity' | 'regionCode' | 'title' | 'body'>,
    now: Date,
    extra: Record<string, unknown>,
  ): Promise<void> {
    const held = policy.delivery === 'digest' || inQuietHours(policy.quietHours, now);
    const n: NotificationRecord = {
      ...what,
      id: randomUUID(),
      userId: policy.userId,
      policyId: policy.id,
      inApp: policy.channels.inApp,
      state: held ? 'pending' : 'sent',
      createdAt: now.toISOString(),
      readAt: null,
    };
    await this.opts.store.policies.insertNotification(n);
    this.stats.notified++;
    if (held) {
      this.stats.held++;
      return;
    }
    if (n.inApp) this.opts.onChange?.(policy.userId);
    if (policy.channels.webhookUrl) await this.enqueueWebhook(policy, n, extra);
  }

  /** Per own-threshold policy: the regions notified of and still crossed (a region that clears may notify again). */
  private readonly crossed = new Map<string, Set<string>>();
  /** Per own-threshold policy: when it last notified (one notification per suppression window). */
  private readonly lastOwn = new Map<string, number>();

  /**
   * Judges every personal policy with its own threshold on the values of an indicator pass (every indicator
   * × region), for that policy's owner alone: whether or not a rule's band is crossed. Regions that newly
   * crossed are told in one notification per policy (at most one per suppression window; what crossed in the
   * meantime goes with the next), within the owner's current scope and permissions. Enqueued: never waits.
   */
  judgeOwnThresholds(values: readonly RegionValue[]): void {
    this.queue = this.queue
      .then(() => this.ownThresholds(values))
      .catch((err) => this.opts.logger.error({ err }, 'notify: own thresholds failed'));
  }

  private async ownThresholds(values: readonly RegionValue[]): Promise<void> {
    const policies = (await this.opts.store.policies.listPolicies()).filter(
      (p) => p.enabled && p.threshold && p.subscription.kind === 'indicator',
    );
    const live = new Set(policies.map((p) => p.id));
    for (const id of this.crossed.keys()) if (!live.has(id)) this.crossed.delete(id);
    const now = this.now();
    for (const policy of policies) {
      const viewer = await this.viewer(policy.userId);
      if (!viewer || !this.mayReceive(viewer, null)) {
        this.crossed.delete(policy.id);
        continue;
      }
      const crossings = ownThresholdCrossings(policy, values, (code) =>
        this.opts.inScope(viewer.scope, code),
      );
      const indicatorId = policy.subscription.ref;
      const judged = new Set(values.filter((v) => v.indicatorId === indicatorId).map((v) => v.regionCode));
      const notified = new Set(
        [...(this.crossed.get(policy.id) ?? [])].filter((c) => crossings.has(c) || !judged.has(c)),
      );
      this.crossed.set(policy.id, notified);
      const fresh = [...crossings.keys()].filter((c) => !notified.has(c)).sort();
      if (fresh.length === 0) continue;
      const last = this.lastOwn.get(policy.id);
      if (last !== undefined && now.getTime() - last < this.windowMs) {
        this.stats.suppressed++;
        continue;
      }
      this.lastOwn.set(policy.id, now.getTime());
      for (const c of fresh) notified.add(c);
      const def = this.opts.indicator?.(indicatorId);
      const t = policy.threshold!;
      const scale = def?.unit === '%' ? 100 : 1;
      const shown = (v: number) => `${Math.round(v * scale * 100) / 100}${def?.unit ?? ''}`;
      const name = def?.name.zh ?? indicatorId;
      const severity = fresh
        .map((c) => bandSeverity(def, crossings.get(c)!) ?? policy.minSeverity)
        .reduce((a, b) => (RANK[b] > RANK[a] ? b : a), policy.minSeverity);
      const listed = fresh
        .slice(0, NAMED_REGIONS)
        .map((c) => `${this.opts.regionName?.(c) ?? c} ${shown(crossings.get(c)!)}`);
      const more = fresh.length > NAMED_REGIONS ? ` 等 ${fresh.length} 个地区` : '';
      const summary = `${name} ${t.op} ${shown(t.value)}（我的阈值）：${listed.join('、')}${more}`;
      await this.notify(
        policy,
        {
          kind: 'threshold',
          alarmId: null,
          severity,
          regionCode: commonRegion(fresh),
          title: `${policy.name}：${summary}`,
          body: summary,
        },
        now,
        {
          threshold: {
            indicatorId,
            ...t,
            regions: fresh.map((c) => ({ regionCode: c, value: crossings.get(c)! })),
          },
        },
      );
    }
  }

  /**
   * The daily digest: every held notification whose owner may still see it is delivered as one digest per
   * user (in-app) and per webhook policy; the originals are marked digested.
   */
  async runDigest(): Promise<{ users: number; notifications: number }> {
    const pending = await this.opts.store.policies.listPendingNotifications();
    const byUser = new Map<string, NotificationRecord[]>();
    for (const n of pending) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
    const now = this.now();
    let delivered = 0;
    for (const [userId, items] of byUser) {
      const viewer = await this.viewer(userId);
      const visible = items.filter((n) => this.mayReceive(viewer, n.regionCode));
      await this.opts.store.policies.setNotificationState(
        items.map((n) => n.id),
        'digested',
      );
      if (visible.length === 0) continue;
      delivered += visible.length;
      const top = visible.reduce((a, n) => (RANK[n.severity] > RANK[a.severity] ? n : a));
      const digest: NotificationRecord = {
        id: randomUUID(),
        userId,
        policyId: null,
        kind: 'digest',
        alarmId: null,
        severity: top.severity,
        regionCode: null,
        title: `告警摘要：${visible.length} 条`,
        body: visible.map((n) => `· ${n.body}`).join('\n'),
        inApp: visible.some((n) => n.inApp),
        state: 'sent',
        createdAt: now.toISOString(),
        readAt: null,
      };
      await this.opts.store.policies.insertNotification(digest);
      this.stats.digests++;
      if (digest.inApp) this.opts.onChange?.(userId);
      const byPolicy = new Map<string, NotificationRecord[]>();
      for (const n of visible)
        if (n.policyId) byPolicy.set(n.policyId, [...(byPolicy.get(n.policyId) ?? []), n]);
      for (const [policyId, ns] of byPolicy) {
        const policy = await this.opts.store.policies.getPolicy(policyId);
        if (policy?.channels.webhookUrl)
          await this.enqueueWebhook(policy, digest, {
            digest: ns.map((n) => ({
              alarmId: n.alarmId,
              severity: n.severity,
              summary: n.body,
              at: n.createdAt,
            })),
          });
      }
    }
    return { users: byUser.size, notifications: delivered };
  }

  private async enqueueWebhook(
    policy: PolicyRecord,
    n: NotificationRecord,
    extra: Record<string, unknown>,
  ): Promise<void> {
    // DingTalk-robot-style markdown message, plus the structured record for machines.
    const payload = JSON.stringify({
      msgtype: 'markdown',
      markdown: { title: n.title, text: `### ${n.title}\n\n${n.body}` },
      notificationId: n.id,
      policyId: policy.id,
      severity: n.severity,
      regionCode: n.regionCode,
      sentAt: n.createdAt,
      ...extra,
    });
    const d: DeliveryRecord = {
      id: randomUUID(),
      notificationId: n.id,
      policyId: policy.id,
      userId: policy.userId,
      url: policy.channels.webhookUrl!,
      payload,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: n.createdAt,
      lastStatus: null,
      lastError: null,
      createdAt: n.createdAt,
      finishedAt: null,
    };
    await this.opts.store.policies.insertDelivery(d);
    this.track(this.attempt(d));
  }

  /** A delivery given up: stored as dead (the admins' dead-letter list) and logged. */
  private async deadLetter(
    d: DeliveryRecord,
    failure: Pick<DeliveryRecord, 'attempts' | 'lastStatus'>,
    error: string,
  ) {
    this.stats.deadLetters++;
    this.opts.logger.warn({ deliveryId: d.id, url: d.url, error }, 'notify: webhook dead-lettered');
    await this.opts.store.policies.updateDelivery({
      ...d,
      ...failure,
      state: 'dead',
      lastError: error,
      nextAttemptAt: null,
      finishedAt: this.now().toISOString(),
    });
  }

  /** One try; on failure the next is scheduled after base × 2^(attempts−1), or the delivery is dead-lettered. */
  private async attempt(d: DeliveryRecord): Promise<void> {
    if (this.stopped) return;
    // The receiver is judged again now: a host dropped from WEBHOOK_ALLOWED_HOSTS since the policy was saved
    // (or since this delivery was queued, before a restart) is never sent to, and retrying would not help.
    const refused = webhookUrlProblem(this.opts.allowedHosts, d.url);
    if (refused) {
      this.stats.webhookRefused++;
      await this.deadLetter(d, d, `${refused.code}: not sent: ${refused.message}`);
      return;
    }
    const policy = await this.opts.store.policies.getPolicy(d.policyId);
    const secret = policy?.webhookSecret;
    let status: number | null = null;
    let error: string | null = null;
    if (!policy || !secret) error = 'the policy or its webhook key is gone';
    else {
      const at = this.now().getTime();
      try {
        const res = await this.fetch(d.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            [SIGNATURE_HEADER]: webhookSignature(secret, at, d.payload),
            [TIMESTAMP_HEADER]: String(at),
          },
          body: d.payload,
          signal: AbortSignal.timeout(this.attemptTimeoutMs),
          // Never followed: a permitted receiver must not bounce the request to a host that is not. A 3xx
          // is a failed attempt like any other non-2xx answer.
          redirect: 'manual',
        });
        status = res.status;
        await res.body?.cancel();
        if (status >= 300 && status < 400)
          error = `HTTP ${status}: redirect${locationOf(res)} not followed (webhooks are sent to the URL as saved)`;
        else if (!res.ok) error = `HTTP ${res.status}`;
      } catch (err) {
        error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
    }
    const attempts = d.attempts + 1;
    const finishedAt = this.now().toISOString();
    if (!error) {
      this.stats.webhookDelivered++;
      await this.opts.store.policies.updateDelivery({
        ...d,
        attempts,
        state: 'delivered',
        lastStatus: status,
        lastError: null,
        nextAttemptAt: null,
        finishedAt,
      });
      return;
    }
    this.stats.webhookFailedAttempts++;
    if (attempts >= this.maxAttempts || !policy || !secret) {
      await this.deadLetter(d, { attempts, lastStatus: status }, error);
      return;
    }
    const delayMs = this.retryBaseMs * 2 ** (attempts - 1);
    const next: DeliveryRecord = {
      ...d,
      attempts,
      lastStatus: status,
      lastError: error,
      nextAttemptAt: new Date(this.now().getTime() + delayMs).toISOString(),
    };
    await this.opts.store.policies.updateDelivery(next);
    if (this.stopped) return;
    // The retry counts as in flight from now on, so idle() waits for the whole series.
    let release!: () => void;
    this.track(new Promise<void>((r) => (release = r)));
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.attempt(next));
      release();
    }, delayMs);
    timer.unref();
    this.timers.set(timer, release);
  }
}
