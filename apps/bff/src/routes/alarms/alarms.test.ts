import { COUNTY_CODE, type StoredAlarm } from '@cockpit/contracts';
import { storedAlarm } from '@cockpit/contracts/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser, signIn } from '../../test/auth-fixtures';
import { createTestApp } from '../../test/create-test-app';

const TOWNSHIP = '331023001';
const OTHER = '331023002';

const alarm = (id: string, regionCode: string, firstFiredAt: string): StoredAlarm =>
  storedAlarm({
    id,
    regionCode,
    firstFiredAt,
    lastChangedAt: firstFiredAt,
    entityId: `station-${id}`,
    summary: `test ${id}`,
  });

let app: ReturnType<typeof createTestApp>;
const post = (path: string, body?: unknown, token?: string) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  app = createTestApp();
  await app.ready;
  const items: StoredAlarm[] = [];
  for (let i = 0; i < 5; i++)
    items.push(alarm(`a${i}`, i % 2 ? OTHER : TOWNSHIP, new Date(Date.UTC(2026, 9, 3, 4, i)).toISOString()));
  await app.auth.store.alarms.insertAlarms(items);
});

describe('alarms API', () => {
  it('walks firing → acknowledged → dispatched → resolved, each step audited and recorded', async () => {
    const ack = await post('/api/v1/alarms/a0/ack');
    expect(ack.status).toBe(200);
    expect(await ack.json()).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'admin' });
    expect((await post('/api/v1/alarms/a0/ack')).status).toBe(409);
    const bad = await post('/api/v1/alarms/a0/dispatch', { departmentId: 'no-such', note: 'x' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('departmentId');
    const dispatched = await post('/api/v1/alarms/a0/dispatch', {
      departmentId: 'transport',
      note: '请尽快处置',
    });
    expect(await dispatched.json()).toMatchObject({
      state: 'dispatched',
      departmentId: 'transport',
      note: '请尽快处置',
    });
    const resolved = await post('/api/v1/alarms/a0/resolve', { cause: '线路恢复' });
    expect(await resolved.json()).toMatchObject({ state: 'resolved', cause: '线路恢复' });
    expect((await post('/api/v1/alarms/a0/resolve', { cause: 'again' })).status).toBe(409);
    const detail = (await (await app.request('/api/v1/alarms/a0')).json()) as {
      transitions: { from: string; to: string; kind: string; actor: string }[];
    };
    expect(detail.transitions.map((t) => `${t.from}>${t.to}:${t.kind}`)).toEqual([
      'firing>acknowledged:ack',
      'acknowledged>dispatched:dispatch',
      'dispatched>resolved:resolve',
    ]);
    const audit = (await (await app.request('/api/v1/audit?target=a0')).json()) as {
      items: { action: string }[];
    };
    expect(audit.items.map((a) => a.action).sort()).toEqual(['alarm.ack', 'alarm.dispatch', 'alarm.resolve']);
    expect((await app.request('/api/v1/alarms/nope')).status).toBe(404);
  });

  it('lists only the caller’s scope, newest first, paged by cursor', async () => {
    await addUser(app, { username: 'town-viewer', roles: ['viewer'], scope: TOWNSHIP });
    const { token } = await signIn(app, 'town-viewer');
    const mine = (await (
      await app.request('/api/v1/alarms', { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { items: StoredAlarm[] };
    expect(mine.items.map((a) => a.id)).toEqual(['a4', 'a2', 'a0']);
    expect(
      (await app.request(`/api/v1/alarms?region=${OTHER}`, { headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(403);
    expect(
      (await app.request('/api/v1/alarms/a1', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(403);
    const page1 = (await (await app.request('/api/v1/alarms?limit=2')).json()) as {
      items: StoredAlarm[];
      nextCursor: string;
    };
    expect(page1.items.map((a) => a.id)).toEqual(['a4', 'a3']);
    const page2 = (await (await app.request(`/api/v1/alarms?limit=2&cursor=${page1.nextCursor}`)).json()) as {
      items: StoredAlarm[];
    };
    expect(page2.items.map((a) => a.id)).toEqual(['a2', 'a1']);
    const firing = (await (await app.request('/api/v1/alarms?state=firing')).json()) as {
      items: StoredAlarm[];
    };
    expect(firing.items.every((a) => a.state === 'firing')).toBe(true);
    expect((await app.request('/api/v1/alarms?cursor=garbage')).status).toBe(400);
  });

  it('rules: 400 naming the field for an unknown indicator or region and a bad cron', async () => {
    const base = {
      name: '测试规则',
      kind: 'business',
      severity: 'warning',
      indicatorId: 'eco.aqi',
      condition: { op: '>', value: 100 },
      regionScope: COUNTY_CODE,
      departmentId: 'ecology',
    };
    const create = (body: unknown) => post('/api/v1/alarm-rules', body);
    for (const [patch, field] of [
      [{ indicatorId: 'no.such' }, 'indicatorId'],
      [{ regionScope: '331023999' }, 'regionScope'],
      [{ schedule: 'every tuesday-ish' }, 'schedule'],
    ] as const) {
      const res = await create({ ...base, ...patch });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(field);
    }
    const ok = await create({ ...base, schedule: '*/5 * * * *' });
    expect(ok.status).toBe(201);
    const rule = (await ok.json()) as { id: string; version: number };
    const put = await app.request(`/api/v1/alarm-rules/${rule.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1, severity: 'critical' }),
    });
    expect(await put.json()).toMatchObject({ severity: 'critical', version: 2 });
    const rules = (await (await app.request('/api/v1/alarm-rules')).json()) as { items: { id: string }[] };
    expect(rules.items.some((r) => r.id === 'threshold.eco.aqi.alarm')).toBe(true);
    expect(rules.items.some((r) => r.id === rule.id)).toBe(true);
  });

  it('silences need an end after now and a known region', async () => {
    const past = await post('/api/v1/silences', { reason: '维护', endsAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    const ok = await post('/api/v1/silences', {
      reason: '环境监测系统维护窗口',
      source: 'env-monitor',
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({
      createdBy: 'admin',
      source: 'env-monitor',
      regionCode: COUNTY_CODE,
    });
  });
});
