import { COUNTY_CODE, type StoredAlarm } from '@cockpit/contracts';
import { storedAlarm } from '@cockpit/contracts/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testServices } from '../../test/create-test-app';
import { sseReader } from '../../test/sse';

const TOKEN = 'metrics-token-for-tests-0123456789';
let app: ReturnType<typeof createTestApp>;

const alarm = (over: Partial<StoredAlarm>) =>
  storedAlarm({ id: 'r1', summary: '=HYPERLINK("http://evil") <script>alert(1)</script>', ...over });

beforeAll(async () => {
  const services = testServices();
  app = createTestApp({ services, metricsToken: TOKEN });
  await app.ready;
  await services.alarms.list({}, COUNTY_CODE); // the alarm store is bound
  await app.auth.store.alarms.insertFindings([
    {
      at: '2026-10-03T03:00:00.000Z',
      source: 'parking-platform',
      check: 'range',
      ruleId: 'quality.range',
      entityId: 'lot-1',
      regionCode: '331023001001',
      value: 1.2,
      detail: '占用率超过 100%',
      record: { lotId: 'lot-1' },
    },
    {
      at: '2026-10-03T03:00:00.000Z',
      source: 'env-monitor',
      check: 'drift',
      ruleId: 'quality.drift',
      entityId: null,
      regionCode: COUNTY_CODE,
      value: null,
      detail: 'air: PM2_5 missing',
      record: { PM25: '12' },
    },
  ]);
  await app.auth.store.alarms.applyTransitions([
    {
      alarm: alarm({}),
      transition: {
        alarmId: 'r1',
        at: '2026-10-03T02:00:00.000Z',
        from: null,
        to: 'firing',
        kind: 'fire',
        actor: 'system',
        note: null,
      },
      audit: { actor: 'system', ip: null, requestId: null, action: 'alarm.fire', target: 'r1', summary: 'x' },
    },
  ]);
  await app.request('/api/v1/alarms/r1/ack', { method: 'POST' });
});

describe('inspection API', () => {
  it('findings: filtered by source and check; counts per source per Beijing day', async () => {
    const all = (await (await app.request('/api/v1/findings')).json()) as { items: { source: string }[] };
    expect(all.items).toHaveLength(2);
    const drift = (await (await app.request('/api/v1/findings?check=drift')).json()) as {
      items: { source: string }[];
    };
    expect(drift.items.map((f) => f.source)).toEqual(['env-monitor']);
    const village = (await (await app.request('/api/v1/findings?region=331023001')).json()) as {
      items: unknown[];
    };
    expect(village.items).toHaveLength(1);
    const counts = (await (
      await app.request('/api/v1/findings/daily-counts?from=2026-10-01&to=2026-10-05')
    ).json()) as { items: { day: string; source: string; count: number }[] };
    expect(counts.items).toEqual(
      expect.arrayContaining([
        { day: '2026-10-03', source: 'parking-platform', check: 'range', count: 1 },
        { day: '2026-10-03', source: 'env-monitor', check: 'drift', count: 1 },
      ]),
    );
  });

  it('the daily report: JSON with time to acknowledge, CSV formula-safe, HTML escaped', async () => {
    const json = (await (await app.request('/api/v1/reports/inspection?date=2026-10-03')).json()) as {
      alarms: { id: string; secondsToAcknowledge: number | null }[];
      dataQuality: { departmentId: string; source: string; findings: number }[];
      systems: { system: string }[];
    };
    expect(json.alarms.map((a) => a.id)).toEqual(['r1']);
    expect(json.alarms[0]!.secondsToAcknowledge).toBeGreaterThan(0);
    expect(json.dataQuality).toEqual(
      expect.arrayContaining([{ departmentId: 'enforcement', source: 'parking-platform', findings: 1 }]),
    );
    expect(json.systems.map((s) => s.system)).toContain('env-monitor');
    const csv = await (await app.request('/api/v1/reports/inspection?date=2026-10-03&format=csv')).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")`);
    expect(csv).not.toMatch(/(^|,)"=/m);
    const html = await (await app.request('/api/v1/reports/inspection?date=2026-10-03&format=html')).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect((await app.request('/api/v1/reports/inspection?date=2026-13-45')).status).toBe(400);
    expect((await app.request('/api/v1/reports/inspection?date=yesterday')).status).toBe(400);
  });

  it('live alarms:all:<region>: the open alarms in scope, updated when one is resolved', async () => {
    const res = await app.request(`/api/v1/live?topics=alarms:all:${COUNTY_CODE}`);
    expect(res.status).toBe(200);
    const stream = sseReader(res);
    const first = await stream.next();
    expect(first.event).toBe('snapshot');
    const body = JSON.parse(first.data) as { snapshot: { items: StoredAlarm[] } };
    expect(body.snapshot.items.map((a) => a.id)).toContain('r1');
    await app.request('/api/v1/alarms/r1/resolve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cause: '测试处置' }),
    });
    const next = await stream.next();
    expect(next.event).toBe('delta');
    await stream.close();
    expect((await app.request('/api/v1/live?topics=alarms:parking:331023')).status).toBe(400);
  });

  it('/metrics: Prometheus text behind its own bearer token', async () => {
    expect((await app.request('/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const res = await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const name of [
      'cockpit_http_requests_total',
      'cockpit_http_request_duration_seconds_bucket',
      'cockpit_upstream_calls',
      'cockpit_upstream_breaker_state',
      'cockpit_live_streams',
      'cockpit_alarms_open{state="acknowledged"}',
    ])
      expect(text).toContain(name);
    expect(text).toMatch(
      /cockpit_http_requests_total\{method="GET",route="\/api\/v1\/findings",status="200"\} \d+/,
    );
    const off = createTestApp();
    expect((await off.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(
      404,
    );
  });
});
