import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notificationTopic } from '@cockpit/contracts';
import { type RunningReceiver, startReceiver } from '@cockpit/mock-data/upstreams/receiver/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger';
import { addUser, bearer, signIn } from '../test/auth-fixtures';
import { createTestApp, testServices } from '../test/create-test-app';
import { sseReader } from '../test/sse';
import { type AlarmFeed, NotificationDispatcher } from './notify';
import type { MatchableAlarm } from './notify-match';
import { SCREEN_SILENT_RULE } from './screens';
import { parseWebhookAllowedHosts } from './webhook-hosts';

/**
 * Personal alert policies and the notification dispatcher, over the real store, the real HTTP routes and
 * the simulated DingTalk-style receiver (mock-data) as the webhook endpoint. Alarm transitions come from a
 * feed with the shape of services.alarms.onTransition; time is the test's own clock.
 */

const TOWNSHIP = '331023105';
const OTHER_TOWNSHIP = '331023106';
/** WEBHOOK_ALLOWED_HOSTS=127.0.0.1: the simulated receiver listens there (on any port). */
const RECEIVER_HOSTS = parseWebhookAllowedHosts('127.0.0.1').rules;

let app: ReturnType<typeof createTestApp>;
const services = testServices();
let rx: RunningReceiver;
let token = '';
let userId = '';
let nowMs = Date.parse('2026-12-01T04:00:00Z'); // 12:00 Beijing

const json = (method: string, body: unknown, t = token) => ({
  method,
  headers: { 'content-type': 'application/json', ...bearer(t) },
  body: JSON.stringify(body),
});

function feed() {
  const listeners = new Set<(a: MatchableAlarm, t: { kind: string }) => void>();
  const f: AlarmFeed & { emit(a: MatchableAlarm, kind?: string): void } = {
    onTransition(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit(a, kind = 'fire') {
      for (const l of listeners) l(a, { kind });
    },
  };
  return f;
}

const alarm = (over: Partial<MatchableAlarm> = {}): MatchableAlarm => ({
  id: 'alarm-1',
  ruleId: 'business.aqi-township-150',
  severity: 'critical',
  regionCode: `${TOWNSHIP}201`,
  source: 'env-monitor',
  summary: 'AQI 高于 150 已持续 2 小时',
  ...over,
});

function dispatcher(over: Partial<ConstructorParameters<typeof NotificationDispatcher>[0]> = {}) {
  return new NotificationDispatcher({
    store: app.auth.store,
    logger: createLogger('silent'),
    inScope: (scope, code) => app.auth.inScope(scope, code),
    allowedHosts: RECEIVER_HOSTS,
    now: () => new Date(nowMs),
    retryBaseMs: 5,
    maxAttempts: 4,
    attemptTimeoutMs: 2000,
    ...over,
  });
}

async function createPolicy(body: Record<string, unknown>) {
  const res = await app.request('/api/v1/me/alert-policies', json('POST', body));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { policy: { id: string }; webhookSecret: string | null };
}

async function notifications(t = token) {
  return (await (await app.request('/api/v1/me/notifications', { headers: bearer(t) })).json()) as {
    items: { kind: string; alarmId: string | null; title: string; body: string; readAt: string | null }[];
    unread: number;
  };
}

beforeAll(async () => {
  app = createTestApp({ services, webhookAllowedHosts: RECEIVER_HOSTS });
  rx = await startReceiver({ port: 0 });
  userId = await addUser(app, { username: 'duty-op', roles: ['operator'], scope: TOWNSHIP });
  token = (await signIn(app, 'duty-op')).token;
});
afterAll(() => rx.close());
beforeEach(async () => {
  for (const p of await app.auth.store.policies.listPolicies(userId))
    await app.auth.store.policies.deletePolicy(p.id);
  await fetch(`${rx.url}/admin/deliveries`, { method: 'DELETE' });
  await fetch(`${rx.url}/admin/mode`, { method: 'PUT', body: JSON.stringify({ mode: 'ok' }) });
});

describe('alert policies (个性化告警策略)', () => {
  it('refuses bad input with a 400 naming the field', async () => {
    const base = { name: '我的空气告警', subscription: { kind: 'region', ref: TOWNSHIP } };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, quietHours: '25:00-07:00' }, 'quietHours'],
      [{ ...base, quietHours: '22:00' }, 'quietHours'],
      [{ ...base, channels: { webhookUrl: 'ftp://example.org/hook' } }, 'channels.webhookUrl'],
      [{ ...base, channels: { webhookUrl: 'javascript:alert(1)' } }, 'channels.webhookUrl'],
      [{ ...base, subscription: { kind: 'indicator', ref: 'eco.no-such' } }, 'subscription.ref'],
      [{ ...base, subscription: { kind: 'field', ref: 'nonsense' } }, 'subscription.ref'],
      [{ ...base, subscription: { kind: 'region', ref: '331023999' } }, 'subscription.ref'],
      [{ ...base, threshold: { op: '>', value: 200 } }, 'threshold'],
      [{ ...base, minSeverity: 'urgent' }, 'minSeverity'],
    ];
    for (const [body, field] of cases) {
      const res = await app.request('/api/v1/me/alert-policies', json('POST', body));
      const err = (await res.json()) as { error: { code: string; message: string } };
      expect([res.status, err.error.message.includes(field)], JSON.stringify(body)).toEqual([400, true]);
    }
    // A region outside the scope: a policy never widens what one may see.
    const out = await app.request(
      '/api/v1/me/alert-policies',
      json('POST', { ...base, subscription: { kind: 'region', ref: OTHER_TOWNSHIP } }),
    );
    expect(out.status).toBe(403);
    expect(await app.auth.store.policies.listPolicies(userId)).toEqual([]);
  });

  it('shows the webhook key once, keeps policies private to their owner', async () => {
    const created = await createPolicy({
      name: '推送到值班群',
      subscription: { kind: 'indicator', ref: 'eco.aqi' },
      threshold: { op: '>=', value: 200 },
      channels: { inApp: true, webhookUrl: `${rx.url}/hooks/duty` },
    });
    expect(created.webhookSecret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const list = (await (
      await app.request('/api/v1/me/alert-policies', { headers: bearer(token) })
    ).json()) as {
      items: Record<string, unknown>[];
    };
    expect(list.items).toHaveLength(1);
    expect(JSON.stringify(list.items)).not.toContain(created.webhookSecret!);
    await addUser(app, { username: 'nosy', roles: ['viewer'], scope: TOWNSHIP });
    const nosy = (await signIn(app, 'nosy')).token;
    const theirs = (await (
      await app.request('/api/v1/me/alert-policies', { headers: bearer(nosy) })
    ).json()) as {
      items: unknown[];
    };
    expect(theirs.items).toEqual([]);
    const del = await app.request(`/api/v1/me/alert-policies/${created.policy.id}`, {
      method: 'DELETE',
      headers: bearer(nosy),
    });
    expect(del.status).toBe(404);
    // Changing the URL rotates the key (shown once again); keeping it keeps the key hidden.
    const body = {
      name: '推送到值班群',
      subscription: { kind: 'indicator', ref: 'eco.aqi' },
      channels: { webhookUrl: `${rx.url}/hooks/duty2` },
    };
    const put = await app.request(`/api/v1/me/alert-policies/${created.policy.id}`, json('PUT', body));
    const saved = (await put.json()) as { webhookSecret: string | null };
    expect(saved.webhookSecret).not.toBeNull();
    expect(saved.webhookSecret).not.toBe(created.webhookSecret);
    const again = await app.request(`/api/v1/me/alert-policies/${created.policy.id}`, json('PUT', body));
    expect(((await again.json()) as { webhookSecret: string | null }).webhookSecret).toBeNull();
  });
});

describe('notification dispatcher', () => {
  it('delivers in-app and a signed webhook the receiver verifies', async () => {
    const { webhookSecret } = await createPolicy({
      name: '镇空气',
      subscription: { kind: 'region', ref: TOWNSHIP },
      channels: { inApp: true, webhookUrl: `${rx.url}/hooks/sig` },
    });
    await fetch(`${rx.url}/admin/channels/sig`, {
      method: 'PUT',
      body: JSON.stringify({ secret: webhookSecret }),
    });
    const f = feed();
    const d = dispatcher();
    d.attach(f);
    const before = (await notifications()).unread;
    f.emit(alarm({ id: 'sig-1' }));
    // An alarm outside the owner's scope and one below the policy's severity notify no one.
    f.emit(alarm({ id: 'sig-out', regionCode: `${OTHER_TOWNSHIP}201` }));
    f.emit(alarm({ id: 'sig-info', severity: 'info' }));
    await d.idle();
    const got = rx.deliveries().filter((x) => x.channel === 'sig');
    expect(got.map((x) => [x.verified, x.status])).toEqual([[true, 200]]);
    expect((got[0]!.body as { notificationId: string; markdown: { text: string } }).markdown.text).toContain(
      'AQI',
    );
    const list = await notifications();
    expect(list.unread).toBe(before + 1);
    expect(list.items[0]).toMatchObject({ kind: 'alarm', alarmId: 'sig-1', readAt: null });
    const read = await app.request('/api/v1/me/notifications/read', json('POST', {}));
    expect(((await read.json()) as { unread: number }).unread).toBe(0);
  });

  it('retries with backoff, then dead-letters; a dead receiver never blocks the feed', async () => {
    const { webhookSecret } = await createPolicy({
      name: '坏接收端',
      subscription: { kind: 'region', ref: TOWNSHIP },
      channels: { inApp: false, webhookUrl: `${rx.url}/hooks/retry` },
    });
    await fetch(`${rx.url}/admin/channels/retry`, {
      method: 'PUT',
      body: JSON.stringify({ secret: webhookSecret }),
    });
    const f = feed();
    const d = dispatcher();
    d.attach(f);
    // Two failures, then the receiver recovers: delivered on the third attempt.
    await fetch(`${rx.url}/admin/mode`, { method: 'PUT', body: JSON.stringify({ mode: 'fail', times: 2 }) });
    f.emit(alarm({ id: 'retry-1' }));
    await d.idle();
    expect(rx.deliveries().map((x) => x.status)).toEqual([503, 503, 200]);
    expect(d.stats).toMatchObject({ webhookDelivered: 1, webhookFailedAttempts: 2, deadLetters: 0 });

    // Down for good: every attempt fails, the delivery lands in the dead-letter list.
    await fetch(`${rx.url}/admin/mode`, { method: 'PUT', body: JSON.stringify({ mode: 'down' }) });
    f.emit(alarm({ id: 'retry-2' }));
    expect(d.stats.notified).toBe(1); // emit returned before anything was matched or sent
    await d.idle();
    expect(d.stats).toMatchObject({ deadLetters: 1, webhookFailedAttempts: 2 + 4 });
    const dead = (await (await app.request('/api/v1/admin/dead-letters')).json()) as {
      items: { url: string; attempts: number; lastError: string; payload: { notificationId: string } }[];
    };
    expect(dead.items[0]).toMatchObject({ url: `${rx.url}/hooks/retry`, attempts: 4 });
    expect(dead.items[0]!.lastError).toBeTruthy();
    // Only admins see it.
    expect((await app.request('/api/v1/admin/dead-letters', { headers: bearer(token) })).status).toBe(403);
  });

  it('all receivers down at once: the feed is not held up and every delivery dead-letters', async () => {
    const policies = [];
    for (const ch of ['a', 'b', 'c', 'd'])
      policies.push(
        await createPolicy({
          name: `群 ${ch}`,
          subscription: { kind: 'region', ref: TOWNSHIP },
          channels: { inApp: true, webhookUrl: `http://127.0.0.1:9/hooks/${ch}` },
        }),
      );
    const f = feed();
    const d = dispatcher({ maxAttempts: 3 });
    d.attach(f);
    const sources = ['parking-platform', 'emergency-120', 'env-monitor', 'county-services'];
    for (const s of sources) f.emit(alarm({ id: `down-${s}`, source: s, ruleId: 'platform.upstream-down' }));
    await d.idle();
    // 4 grouped alarms × 4 policies: one notification each, no storm of retries beyond the limit.
    expect(d.stats).toMatchObject({ notified: 16, deadLetters: 16, webhookFailedAttempts: 48 });
    console.log(`all-down: ${d.stats.notified} notifications, ${d.stats.deadLetters} dead letters`);
  });

  it('flapping: at most one notification per suppression window per alarm', async () => {
    await createPolicy({ name: '抖动', subscription: { kind: 'region', ref: TOWNSHIP } });
    const f = feed();
    const d = dispatcher({ suppressionWindowMs: 10 * 60_000 });
    d.attach(f);
    const start = nowMs;
    // On and off every 20 s for 10 minutes: 30 re-fires of the one alarm.
    for (let i = 0; i < 30; i++) {
      nowMs = start + i * 20_000;
      f.emit(alarm({ id: 'flap-1' }), i === 0 ? 'fire' : 'refire');
      await d.idle();
    }
    expect(d.stats.notified).toBe(1);
    expect(d.stats.suppressed).toBe(29);
    // The next window may notify again.
    nowMs = start + 10 * 60_000 + 1;
    f.emit(alarm({ id: 'flap-1' }), 'refire');
    await d.idle();
    expect(d.stats.notified).toBe(2);
    console.log(
      `flapping: ${d.stats.notified} notifications over 10 min + 1 window (${d.stats.suppressed} suppressed)`,
    );
    nowMs = start;
  });

  it('quiet hours hold a notification back; the digest delivers it', async () => {
    await createPolicy({
      name: '夜间免打扰',
      subscription: { kind: 'region', ref: TOWNSHIP },
      quietHours: '22:00-07:00',
    });
    await createPolicy({
      name: '每日摘要',
      subscription: { kind: 'rule', ref: 'business.water-below-target' },
      minSeverity: 'info',
      delivery: 'digest',
    });
    await app.request('/api/v1/me/notifications/read', json('POST', {}));
    const f = feed();
    const d = dispatcher();
    d.attach(f);
    nowMs = Date.parse('2026-12-01T15:30:00Z'); // 23:30 Beijing
    f.emit(alarm({ id: 'night-1', summary: '夜间空气超标' }));
    f.emit(
      alarm({
        id: 'water-1',
        ruleId: 'business.water-below-target',
        severity: 'info',
        summary: '断面水质低于目标',
      }),
    );
    await d.idle();
    // night-1 (quiet hours of the region policy); water-1 (the digest policy; below the region policy's minimum).
    expect(d.stats.held).toBe(2);
    expect((await notifications()).unread).toBe(0);
    nowMs = Date.parse('2026-12-02T00:00:00Z'); // 08:00 Beijing: the digest job's hour
    expect(await d.runDigest()).toEqual({ users: 1, notifications: 2 });
    const list = await notifications();
    expect(list.unread).toBe(1);
    expect(list.items[0]!.kind).toBe('digest');
    expect(list.items[0]!.body).toContain('夜间空气超标');
    expect(list.items[0]!.body).toContain('断面水质低于目标');
    // Delivered once: a second run finds nothing held.
    expect(await d.runDigest()).toEqual({ users: 0, notifications: 0 });
    nowMs = Date.parse('2026-12-01T04:00:00Z');
  });

  it('re-checks scope at delivery: a narrowed scope stops notifications from outside it', async () => {
    const other = await addUser(app, { username: 'moved-op', roles: ['operator'], scope: '331023' });
    const t = (await signIn(app, 'moved-op')).token;
    await app.request(
      '/api/v1/me/alert-policies',
      json('POST', { name: '全县', subscription: { kind: 'region', ref: '331023' } }, t),
    );
    await app.auth.store.users.update(other, { scope: OTHER_TOWNSHIP });
    const f = feed();
    const d = dispatcher();
    d.attach(f);
    f.emit(alarm({ id: 'scope-1' }));
    await d.idle();
    expect((await notifications(t)).items.filter((n) => n.alarmId === 'scope-1')).toEqual([]);
  });
});

describe('own thresholds (我的阈值), judged on their own', () => {
  it('a looser threshold notifies below the rule’s band, a stricter one only at its own; once per crossing, only within scope', async () => {
    await createPolicy({
      name: '空气（宽）',
      subscription: { kind: 'indicator', ref: 'eco.aqi' },
      minSeverity: 'info',
      threshold: { op: '>', value: 80 },
    });
    await createPolicy({
      name: '空气（严）',
      subscription: { kind: 'indicator', ref: 'eco.aqi' },
      threshold: { op: '>=', value: 200 },
    });
    await app.request('/api/v1/me/notifications/read', json('POST', {}));
    const f = feed();
    const d = dispatcher({
      indicator: (id) => services.indicators.get(id),
      regionName: (code) => app.auth.hierarchy.get(code)?.name,
      indicatorOfRule: (ruleId) => (ruleId.startsWith('threshold.eco.aqi.') ? 'eco.aqi' : undefined),
    });
    d.attach(f);
    const village = app.auth.hierarchy.get(TOWNSHIP)!.childCodes[0]!;
    const outside = app.auth.hierarchy.get(OTHER_TOWNSHIP)!.childCodes[0]!;
    const aqi = (regionCode: string, value: number) => ({
      indicatorId: 'eco.aqi',
      regionCode,
      value,
      status: 'ok',
    });
    const own = async () =>
      (await notifications()).items.filter((n) => n.kind === 'threshold') as {
        title: string;
        body: string;
        severity?: string;
      }[];
    const start = nowMs;

    // AQI 90 is under the rule's warning band (101): no rule alarm exists, the looser threshold notifies.
    // The region outside the owner's scope (AQI 300) is not told of, whatever the threshold.
    d.judgeOwnThresholds([aqi(village, 90), aqi(TOWNSHIP, 85), aqi(outside, 300)]);
    await d.idle();
    let got = await own();
    expect(got).toHaveLength(1);
    expect(got[0]!.title).toContain('空气（宽）');
    expect(got[0]!.body).toContain(app.auth.hierarchy.get(village)!.name);
    expect(got[0]!.body).not.toContain(app.auth.hierarchy.get(outside)!.name);
    expect(got[0]!.severity).toBe('info'); // below every band: the policy's own minimum

    // The rule's alarm on the indicator reaches neither: their own thresholds judge for them.
    f.emit(alarm({ id: 'aqi-rule', ruleId: 'threshold.eco.aqi.alarm', summary: 'AQI 160' }));
    // The same values again: nothing new (one notification per crossing).
    d.judgeOwnThresholds([aqi(village, 90), aqi(TOWNSHIP, 85)]);
    await d.idle();
    expect((await notifications()).items.filter((n) => n.alarmId === 'aqi-rule')).toEqual([]);
    expect(await own()).toHaveLength(1);

    // AQI 250 crosses the stricter threshold (and the rule's alarm band: critical).
    d.judgeOwnThresholds([aqi(village, 250), aqi(TOWNSHIP, 85)]);
    await d.idle();
    got = await own();
    expect(got).toHaveLength(2);
    const strict = got.filter((n) => n.title.includes('空气（严）'));
    expect(strict).toHaveLength(1);
    expect(strict[0]!.severity).toBe('critical');

    // Cleared, then crossed again after the suppression window: the looser one tells again.
    d.judgeOwnThresholds([aqi(village, 40), aqi(TOWNSHIP, 40)]);
    nowMs = start + 10 * 60_000 + 1;
    d.judgeOwnThresholds([aqi(village, 95), aqi(TOWNSHIP, 40)]);
    await d.idle();
    got = await own();
    expect(got).toHaveLength(3);
    expect(got.filter((n) => n.title.includes('空气（宽）'))).toHaveLength(2);
    nowMs = start;
  });
});

describe('live notification centre', () => {
  it('pushes a new notification over the owner’s topic; no one else may follow it', async () => {
    await createPolicy({ name: '本镇全部', subscription: { kind: 'region', ref: TOWNSHIP } });
    const topic = notificationTopic(userId, TOWNSHIP);
    const other = (await signIn(app, 'nosy')).token;
    const refused = await app.request(`/api/v1/live?topics=${topic}`, { headers: bearer(other) });
    expect(refused.status).toBe(403);
    const res = await app.request(`/api/v1/live?topics=${topic}`, { headers: bearer(token) });
    expect(res.status).toBe(200);
    const stream = sseReader(res);
    const first = await stream.next();
    expect(first.event).toBe('snapshot');
    // A real alarm through the real engine (a rule without a pending period) reaches the wired dispatcher.
    await services.alarms.pass(new Set([SCREEN_SILENT_RULE]), [
      {
        ruleId: SCREEN_SILENT_RULE,
        regionCode: TOWNSHIP,
        entityId: 'live-wall',
        active: true,
        source: 'screen',
        summary: '大屏「直播测试」已 120 秒无心跳',
        groupKey: null,
        value: 120,
      },
    ]);
    await services.notifications!.idle();
    let pushed = await stream.next();
    while (!pushed.data.includes('直播测试')) pushed = await stream.next();
    expect(pushed.event).toBe('delta');
    await stream.close();
  });
});

/** Checks `done` again after each short pause until it holds: waits for a condition, never for a span. */
async function until(done: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 2000; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never happened: ${what}`);
}

type ErrorBody = { error: { code: string; message: string } };
type DeadLetters = {
  items: { url: string; attempts: number; lastStatus: number | null; lastError: string }[];
};

describe('webhook receivers (WEBHOOK_ALLOWED_HOSTS)', () => {
  it('a receiver that is not permitted, or a URL with credentials: 400 naming the field and the host; nothing stored', async () => {
    const base = { name: '外发', subscription: { kind: 'region', ref: TOWNSHIP } };
    const cases: [string, string, string][] = [
      ['http://10.0.0.5:8080/admin', 'WEBHOOK_HOST_NOT_ALLOWED', 'the host 10.0.0.5:8080'],
      [`http://localhost:${rx.port}/hooks/x`, 'WEBHOOK_HOST_NOT_ALLOWED', `the host localhost:${rx.port}`],
      ['http://[::1]:8095/hooks/x', 'WEBHOOK_HOST_NOT_ALLOWED', 'the host [::1]:8095'],
      ['http://2130706433.evil.example/', 'WEBHOOK_HOST_NOT_ALLOWED', 'the host 2130706433.evil.example'],
      [`http://duty:secret@127.0.0.1:${rx.port}/hooks/x`, 'VALIDATION', 'credentials'],
      [`http://127.0.0.1@evil.example/hooks/x`, 'VALIDATION', 'credentials'],
    ];
    for (const [webhookUrl, code, says] of cases) {
      const res = await app.request(
        '/api/v1/me/alert-policies',
        json('POST', { ...base, channels: { webhookUrl } }),
      );
      const { error } = (await res.json()) as ErrorBody;
      expect([res.status, error.code], webhookUrl).toEqual([400, code]);
      expect(error.message, webhookUrl).toContain('channels.webhookUrl');
      expect(error.message, webhookUrl).toContain(says);
      if (code === 'WEBHOOK_HOST_NOT_ALLOWED') expect(error.message).toContain('WEBHOOK_ALLOWED_HOSTS');
    }
    expect(await app.auth.store.policies.listPolicies(userId)).toEqual([]);

    // Replacing a policy is judged the same way; the stored one stays as it was.
    const { policy } = await createPolicy({ ...base, channels: { webhookUrl: `${rx.url}/hooks/ok` } });
    const put = await app.request(
      `/api/v1/me/alert-policies/${policy.id}`,
      json('PUT', { ...base, channels: { webhookUrl: 'http://10.0.0.5:8080/admin' } }),
    );
    expect([put.status, ((await put.json()) as ErrorBody).error.code]).toEqual([
      400,
      'WEBHOOK_HOST_NOT_ALLOWED',
    ]);
    expect((await app.auth.store.policies.getPolicy(policy.id))?.channels.webhookUrl).toBe(
      `${rx.url}/hooks/ok`,
    );

    // The form can say which receivers are permitted.
    const receivers = await app.request('/api/v1/me/webhook-receivers', { headers: bearer(token) });
    expect(await receivers.json()).toEqual({ enabled: true, allowedHosts: ['127.0.0.1'] });
  });

  it('unset: no receiver is permitted (webhooks are off); policies without a webhook still save', async () => {
    const off = createTestApp({ services: testServices() });
    const receivers = await off.request('/api/v1/me/webhook-receivers');
    expect(await receivers.json()).toEqual({ enabled: false, allowedHosts: [] });
    const base = { name: '无 Webhook', subscription: { kind: 'region', ref: TOWNSHIP } };
    const res = await off.request(
      '/api/v1/me/alert-policies',
      json('POST', { ...base, channels: { webhookUrl: `${rx.url}/hooks/duty` } }, off.adminToken),
    );
    const { error } = (await res.json()) as ErrorBody;
    expect([res.status, error.code]).toEqual([400, 'WEBHOOK_HOST_NOT_ALLOWED']);
    expect(error.message).toContain('none is permitted');
    const plain = await off.request('/api/v1/me/alert-policies', json('POST', base, off.adminToken));
    expect(plain.status).toBe(201);
  });

  it('saved while permitted, then restarted without that receiver: dead-lettered with the reason, never sent', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cockpit-webhook-'));
    const before = createTestApp({ services: testServices(), dataDir, webhookAllowedHosts: RECEIVER_HOSTS });
    await addUser(before, { username: 'moved-rx', roles: ['operator'], scope: TOWNSHIP });
    const t = (await signIn(before, 'moved-rx')).token;
    const saved = await before.request(
      '/api/v1/me/alert-policies',
      json(
        'POST',
        {
          name: '旧接收端',
          subscription: { kind: 'region', ref: TOWNSHIP },
          channels: { inApp: false, webhookUrl: `${rx.url}/hooks/moved` },
        },
        t,
      ),
    );
    expect(saved.status).toBe(201);
    const { webhookSecret } = (await saved.json()) as { webhookSecret: string };
    await fetch(`${rx.url}/admin/channels/moved`, {
      method: 'PUT',
      body: JSON.stringify({ secret: webhookSecret }),
    });
    // While permitted, one delivery is tried: the receiver fails it, and its retry waits past the restart.
    await fetch(`${rx.url}/admin/mode`, { method: 'PUT', body: JSON.stringify({ mode: 'fail', times: 1 }) });
    const first = dispatcher({ store: before.auth.store, retryBaseMs: 3_600_000 });
    first.handle(alarm({ id: 'moved-1' }), { kind: 'fire' });
    await until(
      async () => (await before.auth.store.policies.listDeliveries('pending')).some((d) => d.attempts === 1),
      'the first attempt failed and its retry is waiting',
    );
    first.stop();
    await before.auth.store.close();

    // The restart: the same store, WEBHOOK_ALLOWED_HOSTS no longer lists the receiver.
    const services2 = testServices();
    const after = createTestApp({
      services: services2,
      dataDir,
      webhookAllowedHosts: parseWebhookAllowedHosts('hooks.zj.gov.cn').rules,
    });
    await after.ready;
    const d = services2.notifications!;
    d.start(); // resumes the pending delivery
    d.handle(alarm({ id: 'moved-2' }), { kind: 'fire' }); // and a new alarm for the same policy
    await d.idle();
    d.stop();
    expect(d.stats).toMatchObject({
      webhookRefused: 2,
      deadLetters: 2,
      webhookFailedAttempts: 0,
      webhookDelivered: 0,
    });
    const dead = (await (await after.request('/api/v1/admin/dead-letters')).json()) as DeadLetters;
    expect(dead.items.map((x) => x.attempts).sort()).toEqual([0, 1]);
    for (const x of dead.items) {
      expect(x.url).toBe(`${rx.url}/hooks/moved`);
      expect(x.lastError).toBe(
        `WEBHOOK_HOST_NOT_ALLOWED: not sent: the host 127.0.0.1:${rx.port} is not a permitted webhook receiver; an administrator permits receivers with WEBHOOK_ALLOWED_HOSTS`,
      );
    }
    // The receiver saw only the attempt made while it was permitted.
    expect(rx.deliveries().map((x) => [x.channel, x.status])).toEqual([['moved', 503]]);
    await after.auth.store.close();
  });

  it('does not follow a redirect: a 302 is a failed attempt, and where it points gets nothing', async () => {
    const { webhookSecret } = await createPolicy({
      name: '跳转',
      subscription: { kind: 'region', ref: TOWNSHIP },
      channels: { inApp: false, webhookUrl: `${rx.url}/hooks/bounce` },
    });
    for (const channel of ['bounce', 'landing'])
      await fetch(`${rx.url}/admin/channels/${channel}`, {
        method: 'PUT',
        body: JSON.stringify({ secret: webhookSecret }),
      });
    // The place it points to is on a permitted host too: still not followed.
    const landing = `${rx.url}/hooks/landing`;
    await fetch(`${rx.url}/admin/mode`, {
      method: 'PUT',
      body: JSON.stringify({ mode: 'redirect', location: landing }),
    });
    const f = feed();
    const d = dispatcher({ maxAttempts: 2 });
    d.attach(f);
    f.emit(alarm({ id: 'bounce-1' }));
    await d.idle();
    expect(rx.deliveries().map((x) => [x.channel, x.status])).toEqual([
      ['bounce', 302],
      ['bounce', 302],
    ]);
    expect(d.stats).toMatchObject({ webhookDelivered: 0, webhookFailedAttempts: 2, deadLetters: 1 });
    const dead = (await (await app.request('/api/v1/admin/dead-letters')).json()) as DeadLetters;
    const bounced = dead.items.find((x) => x.url === `${rx.url}/hooks/bounce`);
    expect(bounced).toMatchObject({ attempts: 2, lastStatus: 302 });
    expect(bounced?.lastError).toBe(
      `HTTP 302: redirect to ${landing} not followed (webhooks are sent to the URL as saved)`,
    );
  });
});
