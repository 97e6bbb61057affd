import { COUNTY_CODE, SEEDED_ROLE_IDS } from '@cockpit/contracts';
import { storedAlarm } from '@cockpit/contracts/fixtures';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutDoc } from '../layouts/fixtures';
import { ecoDatasets } from '../snapshots/eco/eco.data';
import { parkingDatasets } from '../snapshots/parking/parking.builder';
import { addUser, signIn } from '../test/auth-fixtures';
import { createTestApp, testServices } from '../test/create-test-app';
import { type AccessRule, accessRuleOf } from './access';
import { SEEDED_ROLES } from './catalog';

/**
 * The authorisation matrix, generated from the route table: every /api route × every seeded role × a
 * county-wide and a township scope × a region inside and outside that scope, plus no credential at all.
 * The expected answer comes from the route's own declaration and the role's permissions; any request
 * that gets through where it should be denied is a leak.
 */

type Sample = { path: string; method?: string; body?: unknown };
type Variant = 'in' | 'out';
type Expectation = 'allow' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'OUT_OF_SCOPE';
const DENIALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'OUT_OF_SCOPE', 'PASSWORD_CHANGE_REQUIRED']);

let sim: Awaited<ReturnType<typeof startSimulator>>;
let app: ReturnType<typeof createTestApp>;
const tokens = new Map<string, string>();
let township = '';
let samples: Record<string, Partial<Record<Variant, Sample>>> = {};

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date('2026-10-03T04:00:00Z') });
  const services = testServices(sim.url);
  app = createTestApp({ services, authOptions: { failuresPerIp: 10_000 } });
  const ctx = services.snapshots.context;
  const p = parkingDatasets(ctx);
  const e = ecoDatasets(ctx);
  // Wait for the data (the upstream clients time out fast in tests; a busy machine may need a retry).
  const until = async <T>(read: () => Promise<T | undefined>): Promise<T> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const value = await read();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the simulator data never arrived');
  };
  const reads = await until(async () => {
    const r = await services.snapshots.read([p.lots, e.sites]);
    return (r.get(p.lots.id)!.value as unknown[] | undefined)?.length && r.get(e.sites.id)!.value
      ? r
      : undefined;
  });
  const records = await until(async () => {
    const r = (await services.snapshots.read([p.records])).get(p.records.id)!.value as
      | { records: { revealRef?: string; villageCode: string }[] }
      | undefined;
    return r?.records.length ? r.records.filter((x) => x.revealRef) : undefined;
  });
  const lots = (reads.get(p.lots.id)!.value ?? []) as { lotId: string; villageCode: string }[];
  const sites = reads.get(e.sites.id)!.value as { air: { code: string; villageCode: string }[] };
  expect(lots.length).toBeGreaterThan(0);
  // A township with both a parking lot and an air station, and entities outside it.
  const t9 = (code: string) => code.slice(0, 9);
  township = [...new Set(lots.map((l) => t9(l.villageCode)))].find((t) =>
    sites.air.some((s) => t9(s.villageCode) === t),
  )!;
  expect(township).toBeTruthy();
  const other = [...app.auth.hierarchy.get(COUNTY_CODE)!.childCodes].find((c) => c !== township)!;
  const lotIn = lots.find((l) => t9(l.villageCode) === township)!.lotId;
  const lotOut = lots.find((l) => t9(l.villageCode) !== township)!.lotId;
  const airIn = sites.air.find((s) => t9(s.villageCode) === township)!.code;
  const airOut = sites.air.find((s) => t9(s.villageCode) !== township)!.code;
  const [lon, lat] = app.auth.hierarchy.get(township)!.centroid;
  const refIn = records.find((r) => t9(r.villageCode) === township)?.revealRef;
  const refOut = records.find((r) => t9(r.villageCode) !== township)?.revealRef;
  expect(refIn && refOut).toBeTruthy();
  const revealOf = (ref: string | undefined) => ({
    path: '/api/v1/personal/reveal',
    method: 'POST',
    body: { kind: 'plate', ref, reason: '核查停车纠纷' },
  });
  const both = (path: string, outPath: string) => ({ in: { path }, out: { path: outPath } });
  // A region override outside the township scope, for the layout routes' "out" samples.
  const otherOverride = `overview.township.${other}`;
  const created = await app.request('/api/v1/layouts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ document: layoutDoc({ level: 'township', regionCode: other }) }),
  });
  expect(created.status).toBe(201);
  const postLayout = (regionCode: string) => ({
    path: '/api/v1/layouts',
    method: 'POST',
    body: { document: layoutDoc({ level: 'township', regionCode }) },
  });
  const putLayout = (layoutId: string, regionCode: string) => ({
    path: `/api/v1/layouts/${layoutId}`,
    method: 'PUT',
    body: { version: 1, document: layoutDoc({ level: 'township', regionCode }) },
  });
  // Two stored alarms, one inside the township scope and one outside it.
  const alarmOf = (id: string, regionCode: string) => storedAlarm({ id, regionCode, entityId: null });
  await app.auth.store.alarms.insertAlarms([alarmOf('alarm-in', township), alarmOf('alarm-out', other)]);
  const alarmAction = (action: string, body?: unknown) => ({
    in: { path: `/api/v1/alarms/alarm-in/${action}`, method: 'POST', body },
    out: { path: `/api/v1/alarms/alarm-out/${action}`, method: 'POST', body },
  });
  samples = {
    'GET /api/v1/alarms': both(`/api/v1/alarms?region=${township}`, `/api/v1/alarms?region=${other}`),
    'GET /api/v1/alarms/:id': both('/api/v1/alarms/alarm-in', '/api/v1/alarms/alarm-out'),
    'POST /api/v1/alarms/:id/ack': alarmAction('ack'),
    'POST /api/v1/alarms/:id/dispatch': alarmAction('dispatch', {
      departmentId: 'transport',
      note: '请处置',
    }),
    'POST /api/v1/alarms/:id/resolve': alarmAction('resolve', { cause: '已修复' }),
    'GET /api/v1/alarm-rules': { in: { path: '/api/v1/alarm-rules' } },
    'GET /api/v1/alarm-rules/:id': { in: { path: '/api/v1/alarm-rules/platform.upstream-down' } },
    'POST /api/v1/alarm-rules': { in: { path: '/api/v1/alarm-rules', method: 'POST', body: {} } },
    'PUT /api/v1/alarm-rules/:id': {
      in: { path: '/api/v1/alarm-rules/no-such', method: 'PUT', body: { version: 1 } },
    },
    'DELETE /api/v1/alarm-rules/:id': { in: { path: '/api/v1/alarm-rules/no-such', method: 'DELETE' } },
    'GET /api/v1/findings': both(`/api/v1/findings?region=${township}`, `/api/v1/findings?region=${other}`),
    'GET /api/v1/findings/daily-counts': { in: { path: '/api/v1/findings/daily-counts' } },
    'GET /api/v1/reports/inspection': { in: { path: '/api/v1/reports/inspection?date=2026-10-03' } },
    'GET /api/v1/silences': { in: { path: '/api/v1/silences' } },
    'POST /api/v1/silences': { in: { path: '/api/v1/silences', method: 'POST', body: {} } },
    'DELETE /api/v1/silences/:id': { in: { path: '/api/v1/silences/no-such', method: 'DELETE' } },
    'GET /api/v1/health': { in: { path: '/api/v1/health' } },
    'GET /api/openapi.json': { in: { path: '/api/openapi.json' } },
    'GET /api/docs': { in: { path: '/api/docs' } },
    'GET /api/docs/init.js': { in: { path: '/api/docs/init.js' } },
    'GET /api/docs/assets/:file': { in: { path: '/api/docs/assets/swagger-ui.css' } },
    'POST /api/v1/auth/login': {
      in: { path: '/api/v1/auth/login', method: 'POST', body: { username: 'nobody', password: 'x' } },
    },
    'GET /api/v1/auth/me': { in: { path: '/api/v1/auth/me' } },
    'POST /api/v1/auth/password': {
      in: {
        path: '/api/v1/auth/password',
        method: 'POST',
        body: { currentPassword: 'wrong-one-x', newPassword: 'another-password' },
      },
    },
    'POST /api/v1/auth/logout': { in: { path: '/api/v1/auth/logout', method: 'POST' } },
    'GET /api/v1/users': { in: { path: '/api/v1/users' } },
    'POST /api/v1/users': {
      in: {
        path: '/api/v1/users',
        method: 'POST',
        body: {
          username: 'matrix-x',
          displayName: 'x',
          password: 'long-enough-1',
          roles: ['viewer'],
          scope: COUNTY_CODE,
        },
      },
    },
    'PATCH /api/v1/users/:id': {
      in: { path: '/api/v1/users/no-such-id', method: 'PATCH', body: { displayName: 'x' } },
    },
    'POST /api/v1/users/:id/password': {
      in: { path: '/api/v1/users/no-such-id/password', method: 'POST', body: { password: 'long-enough-1' } },
    },
    'DELETE /api/v1/users/:id': { in: { path: '/api/v1/users/no-such-id', method: 'DELETE' } },
    'GET /api/v1/departments': { in: { path: '/api/v1/departments' } },
    'POST /api/v1/departments': {
      in: {
        path: '/api/v1/departments',
        method: 'POST',
        body: { id: 'matrix-dept', name: { zh: '测试', en: 'Test' } },
      },
    },
    'PATCH /api/v1/departments/:id': {
      in: { path: '/api/v1/departments/no-such', method: 'PATCH', body: { description: 'x' } },
    },
    'GET /api/v1/roles': { in: { path: '/api/v1/roles' } },
    'POST /api/v1/roles': {
      in: {
        path: '/api/v1/roles',
        method: 'POST',
        body: { id: 'matrix-role', name: { zh: '测试', en: 'Test' }, permissions: ['cockpit:view'] },
      },
    },
    'PATCH /api/v1/roles/:id': {
      in: { path: '/api/v1/roles/no-such', method: 'PATCH', body: { permissions: [] } },
    },
    'GET /api/v1/permissions': { in: { path: '/api/v1/permissions' } },
    'POST /api/v1/devices/pairings': { in: { path: '/api/v1/devices/pairings', method: 'POST' } },
    'GET /api/v1/devices/pairings/:id': { in: { path: '/api/v1/devices/pairings/nope?secret=x' } },
    'GET /api/v1/devices': { in: { path: '/api/v1/devices' } },
    'POST /api/v1/devices': {
      in: {
        path: '/api/v1/devices',
        method: 'POST',
        body: { code: 'AAA-AAA', name: 'x', scope: COUNTY_CODE },
      },
    },
    'PATCH /api/v1/devices/:id': {
      in: { path: '/api/v1/devices/nope', method: 'PATCH', body: { name: 'x' } },
    },
    'POST /api/v1/devices/:id/revoke': { in: { path: '/api/v1/devices/nope/revoke', method: 'POST' } },
    'GET /api/v1/audit': { in: { path: '/api/v1/audit?limit=5' } },
    'GET /api/v1/audit.csv': { in: { path: '/api/v1/audit.csv?limit=5' } },
    'GET /api/v1/regions': { in: { path: `/api/v1/regions?q=${township}` } },
    'GET /api/v1/regions/:code': { in: { path: `/api/v1/regions/${township}` } },
    'GET /api/v1/regions/:code/children.geojson': {
      in: { path: `/api/v1/regions/${township}/children.geojson` },
    },
    'GET /api/v1/regions/:code/boundary.geojson': {
      in: { path: `/api/v1/regions/${township}/boundary.geojson` },
    },
    'GET /api/v1/geo/context.geojson': { in: { path: '/api/v1/geo/context.geojson' } },
    'GET /api/v1/indicators': { in: { path: '/api/v1/indicators?field=urban' } },
    'GET /api/v1/indicators/:id': { in: { path: '/api/v1/indicators/urban.avgHandlingHours' } },
    'GET /api/v1/indicators/:id/versions': { in: { path: '/api/v1/indicators/eco.aqi/versions' } },
    'GET /api/v1/indicators/:id/series': both(
      `/api/v1/indicators/parking.freeBerths/series?region=${township}`,
      `/api/v1/indicators/parking.freeBerths/series?region=${other}`,
    ),
    // Bodies that fail validation: allowed roles get 400, never a stored change.
    'POST /api/v1/indicators': { in: { path: '/api/v1/indicators', method: 'POST', body: {} } },
    'PUT /api/v1/indicators/:id': {
      in: { path: '/api/v1/indicators/eco.aqi', method: 'PUT', body: { version: 1 } },
    },
    'GET /api/v1/cockpits/:theme/:regionCode/snapshot': both(
      `/api/v1/cockpits/overview/${township}/snapshot`,
      `/api/v1/cockpits/overview/${other}/snapshot`,
    ),
    'GET /api/v1/parking/guidance': { in: { path: `/api/v1/parking/guidance?to=${lon},${lat}` } },
    'GET /api/v1/parking/lots/:lotId': both(
      `/api/v1/parking/lots/${lotIn}`,
      `/api/v1/parking/lots/${lotOut}`,
    ),
    'GET /api/v1/trauma/route': {
      in: { path: `/api/v1/trauma/route?from=${lon},${lat}&to=${lon + 0.01},${lat}` },
    },
    'GET /api/v1/eco/stations/:code': both(`/api/v1/eco/stations/${airIn}`, `/api/v1/eco/stations/${airOut}`),
    'POST /api/v1/personal/reveal': { in: revealOf(refIn), out: revealOf(refOut) },
    'GET /api/v1/layouts': { in: { path: '/api/v1/layouts' } },
    'GET /api/v1/layouts/effective': both(
      `/api/v1/layouts/effective?theme=overview&region=${township}&profile=wall`,
      `/api/v1/layouts/effective?theme=overview&region=${other}&profile=wall`,
    ),
    'GET /api/v1/layouts/:layoutId': both(
      '/api/v1/layouts/overview.village',
      `/api/v1/layouts/${otherOverride}`,
    ),
    'POST /api/v1/layouts': { in: postLayout(township), out: postLayout(other) },
    'PUT /api/v1/layouts/:layoutId': {
      // The township's own override (a level default such as overview.village is seeded, and needs the county).
      in: putLayout(`overview.township.${township}`, township),
      out: putLayout(otherOverride, other),
    },
    'DELETE /api/v1/layouts/:layoutId': {
      in: { path: '/api/v1/layouts/overview.village', method: 'DELETE' },
      out: { path: `/api/v1/layouts/${otherOverride}`, method: 'DELETE' },
    },
    // Personal alert policies and notifications (own data; invalid bodies answer 400, unknown ids 404).
    'GET /api/v1/me/alert-policies': { in: { path: '/api/v1/me/alert-policies' } },
    'POST /api/v1/me/alert-policies': { in: { path: '/api/v1/me/alert-policies', method: 'POST', body: {} } },
    'PUT /api/v1/me/alert-policies/:id': {
      in: { path: '/api/v1/me/alert-policies/nope', method: 'PUT', body: {} },
    },
    'DELETE /api/v1/me/alert-policies/:id': {
      in: { path: '/api/v1/me/alert-policies/nope', method: 'DELETE' },
    },
    'GET /api/v1/me/webhook-receivers': { in: { path: '/api/v1/me/webhook-receivers' } },
    'GET /api/v1/me/notifications': { in: { path: '/api/v1/me/notifications' } },
    'POST /api/v1/me/notifications/read': {
      in: { path: '/api/v1/me/notifications/read', method: 'POST', body: { ids: [] } },
    },
    'GET /api/v1/admin/dead-letters': { in: { path: '/api/v1/admin/dead-letters' } },
    'GET /api/v1/admin/screens': { in: { path: '/api/v1/admin/screens' } },
    'POST /api/v1/devices/heartbeat': {
      in: { path: '/api/v1/devices/heartbeat', method: 'POST', body: { version: 'matrix' } },
    },
    // The studio's routes (#15): the township's own override (stored or not) inside, another township's outside.
    ...studioSamples(`overview.township.${township}`, otherOverride, township),
    'GET /api/v1/live': both(
      `/api/v1/live?topics=snapshot:overview:${township}`,
      `/api/v1/live?topics=snapshot:overview:${other}`,
    ),
  };
  for (const role of SEEDED_ROLE_IDS)
    for (const [label, scope] of [
      ['county', COUNTY_CODE],
      ['town', township],
    ] as const) {
      const username = `${role}-${label}`;
      await addUser(app, { username, roles: [role], scope });
      tokens.set(username, (await signIn(app, username)).token);
    }
}, 120_000);

afterAll(async () => {
  await sim?.close();
});

/** Samples of the studio routes: `own` is inside the township scope, `foreign` outside it. */
function studioSamples(own: string, foreign: string, ownRegion: string): typeof samples {
  const pair = (suffix: string, method = 'GET', body?: unknown) => ({
    in: { path: `/api/v1/layouts/${own}${suffix}`, method, ...(body ? { body } : {}) },
    out: { path: `/api/v1/layouts/${foreign}${suffix}`, method, ...(body ? { body } : {}) },
  });
  const view = (method: string, body?: unknown) => ({
    in: { path: `/api/v1/me/layout-views/${own}?profile=tablet-portrait`, method, ...(body ? { body } : {}) },
    out: {
      path: `/api/v1/me/layout-views/${foreign}?profile=tablet-portrait`,
      method,
      ...(body ? { body } : {}),
    },
  });
  const draftDoc = layoutDoc({ level: 'township', regionCode: ownRegion });
  return {
    'GET /api/v1/layouts/:layoutId/versions': pair('/versions'),
    'GET /api/v1/layouts/:layoutId/versions/:version': pair('/versions/1'),
    // A stale base: allowed roles get 404 or 409, never a stored version.
    'POST /api/v1/layouts/:layoutId/versions': pair('/versions', 'POST', {
      baseVersion: 99,
      message: 'matrix',
      panels: [],
    }),
    'POST /api/v1/layouts/:layoutId/rollback': pair('/rollback', 'POST', { toVersion: 98, baseVersion: 99 }),
    'GET /api/v1/layouts/:layoutId/draft': pair('/draft'),
    'PUT /api/v1/layouts/:layoutId/draft': {
      in: {
        path: `/api/v1/layouts/${own}/draft`,
        method: 'PUT',
        body: { baseVersion: 0, document: draftDoc },
      },
      out: {
        path: `/api/v1/layouts/${foreign}/draft`,
        method: 'PUT',
        body: { baseVersion: 1, document: draftDoc },
      },
    },
    'DELETE /api/v1/layouts/:layoutId/draft': pair('/draft', 'DELETE'),
    'POST /api/v1/layouts/validate': {
      in: { path: '/api/v1/layouts/validate', method: 'POST', body: { document: {} } },
    },
    'GET /api/v1/layouts/:layoutId/export': pair('/export'),
    'GET /api/v1/me/layout-views/:layoutId': view('GET'),
    'PUT /api/v1/me/layout-views/:layoutId': view('PUT', { profile: 'tablet-portrait', hidden: ['x'] }),
    'DELETE /api/v1/me/layout-views/:layoutId': view('DELETE'),
  };
}

/** Every /api route of the app with its declaration (undefined = none). */
function routeTable() {
  const table = new Map<string, AccessRule | undefined>();
  for (const r of app.routes) {
    if (!r.path.startsWith('/api') || r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    table.set(key, table.get(key) ?? accessRuleOf(r.handler));
  }
  return table;
}

function expected(rule: AccessRule, role: string | undefined, variant: Variant): Expectation {
  if ('public' in rule) return 'allow';
  if (!role) return 'UNAUTHENTICATED';
  const perms = SEEDED_ROLES.find((r) => r.id === role)!.permissions as string[];
  if (rule.permission !== 'signed-in' && !perms.includes(rule.permission)) return 'FORBIDDEN';
  return variant === 'out' ? 'OUT_OF_SCOPE' : 'allow';
}

async function call(
  sample: Sample,
  token: string | undefined,
): Promise<{ status: number; code: string | null }> {
  const res = await app.request(sample.path, {
    method: sample.method ?? 'GET',
    headers: { authorization: token ? `Bearer ${token}` : 'none', 'content-type': 'application/json' },
    ...(sample.body !== undefined ? { body: JSON.stringify(sample.body) } : {}),
  });
  let code: string | null = null;
  if ((res.headers.get('content-type') ?? '').includes('json') && res.status >= 400)
    code = ((await res.json()) as { error?: { code?: string } }).error?.code ?? null;
  else await res.body?.cancel();
  return { status: res.status, code };
}

describe('authorisation matrix', () => {
  it('every /api route declares its permission and region source', () => {
    const undeclared = [...routeTable()].filter(([, rule]) => !rule).map(([key]) => key);
    expect(undeclared).toEqual([]);
  });

  it('every route has a sample request (a new route must be added here)', () => {
    expect([...routeTable().keys()].filter((k) => !samples[k])).toEqual([]);
  });

  it('filters region search to the scope', async () => {
    const res = await app.request('/api/v1/regions?q=村&limit=50', {
      headers: { authorization: `Bearer ${tokens.get('viewer-town')}` },
    });
    const body = (await res.json()) as { results: { code: string }[] };
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((r) => r.code.startsWith(township))).toBe(true);
    const county = await app.request('/api/v1/regions?q=村&limit=50', {
      headers: { authorization: `Bearer ${tokens.get('viewer-county')}` },
    });
    expect(((await county.json()) as { results: unknown[] }).results.length).toBeGreaterThan(
      body.results.length,
    );
  });

  it('reveals one masked plate to personal:view with a reason, audited; refuses a short reason', async () => {
    const body = samples['POST /api/v1/personal/reveal']!.in!.body as { ref: string };
    const post = (token: string, reason: string) =>
      app.request('/api/v1/personal/reveal', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'plate', ref: body.ref, reason }),
      });
    const res = await post(tokens.get('operator-town')!, '核查停车纠纷');
    expect(res.status).toBe(200);
    const { value } = (await res.json()) as { value: string };
    expect(value).not.toContain('*');
    expect(value).toMatch(/^[\u4e00-\u9fa5][A-Z]·[A-Z0-9]{5,6}$/);
    expect((await post(tokens.get('operator-town')!, 'ab')).status).toBe(400);
    const audit = (await (await app.request('/api/v1/audit?action=personal.reveal')).json()) as {
      items: { actor: string; summary: string }[];
    };
    expect(audit.items[0]).toMatchObject({ actor: 'operator-town' });
    expect(audit.items[0]!.summary).toContain('核查停车纠纷');
  });

  it('allows exactly what the declarations allow: every route × role × scope, no leaks', {
    timeout: 300_000,
  }, async () => {
    const table = routeTable();
    // Sign-out and password change last: they end or keep the caller's session.
    const last = (k: string) => (k.endsWith('/auth/logout') ? 2 : k.endsWith('/auth/password') ? 1 : 0);
    const keys = [...table.keys()].sort((a, b) => last(a) - last(b));
    const mismatches: string[] = [];
    let cases = 0;
    const principals: [string | undefined, string | undefined][] = [
      [undefined, undefined],
      ...[...tokens.keys()].map((u): [string, string] => [u, u.replace(/-(county|town)$/, '')]),
    ];
    for (const key of keys) {
      const rule = table.get(key)!;
      const regional = !('public' in rule) && ['param', 'query', 'lookup'].includes(rule.region.from);
      for (const [username, role] of principals) {
        for (const variant of ['in', 'out'] as const) {
          const sample = samples[key]![variant];
          if (!sample) continue;
          if (variant === 'out' && (!regional || username?.endsWith('-county'))) continue;
          const want = expected(rule, role, variant);
          const got = await call(sample, username ? tokens.get(username) : undefined);
          cases++;
          const denied = got.code !== null && DENIALS.has(got.code);
          const ok = want === 'allow' ? !denied && got.status < 500 : got.code === want;
          if (!ok)
            mismatches.push(
              `${key} [${variant}] as ${username ?? 'anonymous'}: want ${want}, got ${got.status} ${got.code}`,
            );
        }
      }
    }
    console.log(
      `authorisation matrix: ${cases} cases over ${table.size} routes, ${mismatches.length} mismatches`,
    );
    expect(mismatches).toEqual([]);
    expect(cases).toBeGreaterThan(table.size * 10);
  });
});
