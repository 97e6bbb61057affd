import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  COUNTY_CODE,
  type IndicatorDefinition,
  type IndicatorDefinitionInput,
  OverviewSnapshot,
} from '@cockpit/contracts';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, bearer, signIn } from '../../test/auth-fixtures';
import { createTestApp, testServices } from '../../test/create-test-app';

type App = ReturnType<typeof createTestApp>;

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const put = (app: App, id: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(`/api/v1/indicators/${id}`, { method: 'PUT', ...json(body, headers) });
const post = (app: App, body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/v1/indicators', { method: 'POST', ...json(body, headers) });
const get = async (app: App, id: string) =>
  (await (await app.request(`/api/v1/indicators/${id}`)).json()) as IndicatorDefinition;
/** The editable part of a stored definition, with the version it was read at. */
const edit = (d: IndicatorDefinition, patch: Partial<IndicatorDefinitionInput> = {}) => {
  const { updatedAt: _a, updatedBy: _b, ...rest } = d;
  return { ...rest, ...patch };
};
const errorOf = async (res: Response) => ((await res.json()) as { error: Record<string, unknown> }).error;

const derivedOpen: IndicatorDefinitionInput = {
  id: 'urban.casesOpenToday',
  name: { zh: '今日未结案件', en: 'Cases still open today' },
  unit: '件',
  field: 'urban',
  theme: 'overview',
  definition: { zh: '今日上报 − 今日结案', en: 'reported today − closed today' },
  departmentId: 'enforcement',
  source: { system: 'county-services', dataset: 'county.cases' },
  levels: ['county', 'township'],
  rollup: { rule: 'none' },
  updateFrequencySeconds: 15,
  freshnessTargetSeconds: 35,
  direction: 'higherIsWorse',
  thresholds: { warning: null, alarm: null },
  target: null,
  formula: { op: 'difference', minuend: 'urban.casesReported', subtrahend: 'urban.casesClosed' },
  status: 'active',
};

describe('indicator definitions API', () => {
  let app: App;
  let analyst: Record<string, string>;
  let ecoAnalyst: Record<string, string>;
  beforeAll(async () => {
    app = createTestApp();
    const asAnalyst = async (username: string, departmentId: string) => {
      const id = await addUser(app, { username, roles: ['analyst'], scope: COUNTY_CODE });
      await app.auth.store.users.update(id, { departmentId });
      return bearer((await signIn(app, username)).token);
    };
    analyst = await asAnalyst('enforcement-analyst', 'enforcement');
    ecoAnalyst = await asAnalyst('eco-analyst', 'ecology');
  });

  it('lists the seeded definitions with every field the catalogue needs, filterable', async () => {
    const res = await app.request('/api/v1/indicators');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: IndicatorDefinition[] };
    expect(items.length).toBeGreaterThanOrEqual(30);
    const handling = items.find((d) => d.id === 'urban.avgHandlingHours')!;
    expect(handling).toMatchObject({
      unit: '小时',
      field: 'urban',
      departmentId: 'enforcement',
      source: { system: 'county-services', dataset: 'county.cases' },
      levels: ['county', 'township'],
      rollup: { rule: 'weightedMean', weight: 'urban.casesClosed' },
      status: 'active',
      version: 1,
      updatedBy: 'system',
    });
    expect(items.find((d) => d.id === 'eco.goodDayShareYear')!.target).toEqual({
      comparator: '>=',
      value: 0.95,
    });

    const urban = (await (await app.request('/api/v1/indicators?field=urban')).json()) as {
      items: IndicatorDefinition[];
    };
    expect(urban.items.length).toBeGreaterThan(0);
    expect(urban.items.every((d) => d.field === 'urban')).toBe(true);
    const eco = (await (await app.request('/api/v1/indicators?department=ecology')).json()) as {
      items: IndicatorDefinition[];
    };
    expect(eco.items.map((d) => d.id)).toContain('eco.aqi');
    expect(eco.items.every((d) => d.departmentId === 'ecology')).toBe(true);
    const q = (await (
      await app.request(`/api/v1/indicators?q=${encodeURIComponent('处置时长')}`)
    ).json()) as {
      items: IndicatorDefinition[];
    };
    expect(q.items.map((d) => d.id)).toEqual(['urban.avgHandlingHours']);
    expect((await app.request('/api/v1/indicators?field=nope')).status).toBe(400);
    expect((await app.request('/api/v1/indicators/nope.nope')).status).toBe(404);
  });

  it('saves a whole definition as the next version; a stale version gets 409 with the current one', async () => {
    const v1 = await get(app, 'urban.avgHandlingHours');
    const res = await put(app, v1.id, edit(v1, { thresholds: { warning: 4, alarm: 8 } }), analyst);
    expect(res.status).toBe(200);
    const v2 = (await res.json()) as IndicatorDefinition;
    expect(v2).toMatchObject({
      version: 2,
      updatedBy: 'enforcement-analyst',
      thresholds: { warning: 4, alarm: 8 },
    });
    expect(await get(app, v1.id)).toEqual(v2);

    // Someone else still holds version 1.
    const stale = await put(app, v1.id, edit(v1, { unit: 'h' }), analyst);
    expect(stale.status).toBe(409);
    const err = await errorOf(stale);
    expect(err.code).toBe('VERSION_CONFLICT');
    expect(err.currentVersion).toBe(2);
    expect((err.details as { current: IndicatorDefinition }).current.thresholds).toEqual({
      warning: 4,
      alarm: 8,
    });
    expect((await get(app, v1.id)).unit).toBe('小时'); // nothing of the stale save landed

    const versions = (await (await app.request(`/api/v1/indicators/${v1.id}/versions`)).json()) as {
      items: IndicatorDefinition[];
    };
    expect(versions.items.map((v) => [v.version, v.updatedBy])).toEqual([
      [2, 'enforcement-analyst'],
      [1, 'system'],
    ]);
  });

  it('refuses an invalid definition with 400 naming the field, and stores nothing', async () => {
    const d = await get(app, 'urban.casesReported');
    const bad = await put(app, d.id, edit(d, { levels: [] }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await errorOf(bad))).toContain('levels');
    const badRule = await put(app, d.id, { ...edit(d), rollup: { rule: 'median' } });
    expect(badRule.status).toBe(400);
    expect(JSON.stringify(await errorOf(badRule))).toContain('rollup');
    const otherId = await put(app, d.id, edit(d, { id: 'urban.other' }));
    expect(otherId.status).toBe(400);
    expect((await errorOf(otherId)).message).toMatch(/^id:/);
    const noDept = await put(app, d.id, edit(d, { departmentId: 'no-such-department' }));
    expect(noDept.status).toBe(400);
    expect((await errorOf(noDept)).details).toMatchObject({ field: 'departmentId' });
    expect((await get(app, d.id)).version).toBe(d.version);
  });

  it('creates a derived indicator, and refuses unknown operands and cycles naming them', async () => {
    const created = await post(app, derivedOpen, analyst);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      id: derivedOpen.id,
      version: 1,
      updatedBy: 'enforcement-analyst',
    });
    expect((await post(app, derivedOpen, analyst)).status).toBe(409);

    const unknown = await post(app, {
      ...derivedOpen,
      id: 'urban.bad',
      formula: { op: 'ratio', numerator: 'urban.casesClosed', denominator: 'urban.casesLost' },
    });
    expect(unknown.status).toBe(400);
    const u = await errorOf(unknown);
    expect(u.message).toBe('formula.denominator: unknown indicator urban.casesLost');
    expect(u.details).toMatchObject({ field: 'formula.denominator' });

    // A second derived indicator over the first, then the first changed to read the second: a cycle.
    const second = {
      ...derivedOpen,
      id: 'urban.openPlusClosed',
      formula: { op: 'sum', terms: [derivedOpen.id, 'urban.casesClosed'] },
    };
    expect((await post(app, second)).status).toBe(201);
    const first = await get(app, derivedOpen.id);
    const cycle = await put(
      app,
      first.id,
      edit(first, {
        formula: { op: 'difference', minuend: 'urban.openPlusClosed', subtrahend: 'urban.casesClosed' },
      }),
    );
    expect(cycle.status).toBe(400);
    expect((await errorOf(cycle)).message).toBe(
      'formula: the formula makes a cycle: urban.casesOpenToday → urban.openPlusClosed → urban.casesOpenToday',
    );
    // A formula is data: a string where an operand id goes is refused by the schema, never run.
    const code = await post(app, {
      ...derivedOpen,
      id: 'urban.code',
      formula: { op: 'ratio', numerator: 'process.exit(1)', denominator: 'urban.casesClosed' },
    });
    expect(code.status).toBe(400);
  });

  it('an analyst writes only their own department’s indicators (403 otherwise); admins write all', async () => {
    const aqi = await get(app, 'eco.aqi');
    const denied = await put(app, aqi.id, edit(aqi, { thresholds: { warning: 100, alarm: 150 } }), analyst);
    expect(denied.status).toBe(403);
    expect((await get(app, aqi.id)).version).toBe(aqi.version);
    // Nor may they give their own indicator away, or create one for another department.
    const own = await get(app, 'urban.casesClosed');
    expect((await put(app, own.id, edit(own, { departmentId: 'ecology' }), analyst)).status).toBe(403);
    expect(
      (await post(app, { ...derivedOpen, id: 'urban.forEco', departmentId: 'ecology' }, analyst)).status,
    ).toBe(403);
    // The ecology analyst may; so may the admin (the default credential of the test app).
    expect(
      (await put(app, aqi.id, edit(aqi, { thresholds: { warning: 101, alarm: 201 } }), ecoAnalyst)).status,
    ).toBe(200);
    const v = await get(app, aqi.id);
    expect((await put(app, aqi.id, edit(v, { status: 'retired' }))).status).toBe(200);
    expect((await get(app, aqi.id)).status).toBe('retired'); // retired, not deleted
    // A viewer may read but not write.
    await addUser(app, { username: 'a-viewer', roles: ['viewer'], scope: COUNTY_CODE });
    const viewer = bearer((await signIn(app, 'a-viewer')).token);
    expect((await app.request('/api/v1/indicators', { headers: viewer })).status).toBe(200);
    expect((await put(app, aqi.id, edit(v), viewer)).status).toBe(403);
  });

  it('audits every change', async () => {
    const rows = await app.auth.store.audit.query({
      action: undefined,
      actor: undefined,
      limit: 500,
    } as never);
    const actions = rows
      .filter((r) => r.action.startsWith('indicator.'))
      .map((r) => `${r.action} ${r.target} ${r.actor}`);
    expect(actions).toContain('indicator.update urban.avgHandlingHours enforcement-analyst');
    expect(actions).toContain('indicator.create urban.casesOpenToday enforcement-analyst');
    expect(actions).toContain('indicator.update eco.aqi eco-analyst');
    const retire = rows.find(
      (r) => r.action === 'indicator.update' && r.summary.includes('status active → retired'),
    );
    expect(retire?.target).toBe('eco.aqi');
  });
});

describe('stored definitions', () => {
  it('survive a restart (the store file reopened)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cockpit-indicators-'));
    const first = createTestApp({ dataDir });
    const d = await get(first, 'tourism.spotFlow');
    expect(
      (
        await put(
          first,
          d.id,
          edit(d, { name: { zh: '景区实时在园人数', en: 'People in scenic spots now' } }),
        )
      ).status,
    ).toBe(200);
    expect((await post(first, derivedOpen)).status).toBe(201);
    await first.auth.store.close();

    const second = createTestApp({ dataDir });
    await second.ready;
    const after = await get(second, 'tourism.spotFlow');
    expect(after).toMatchObject({ version: 2, name: { zh: '景区实时在园人数' } });
    expect((await get(second, derivedOpen.id)).formula).toEqual(derivedOpen.formula);
    await second.auth.store.close();
  });
});

describe('the overview computes from the stored definitions', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date('2026-10-03T04:00:00Z') });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('shows 城管案件平均处置时长 from the case handling times, and stops showing it when retired', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const snapshot = async (code: string) =>
      OverviewSnapshot.parse(await (await app.request(`/api/v1/cockpits/overview/${code}/snapshot`)).json());
    const upstream = (await (await fetch(`${sim.url}/county-services/urban-management/cases`)).json()) as {
      payload: {
        townships: {
          townCode: string;
          closed: { value: number };
          handlingMinutesClosed: { value: number };
        }[];
      };
    };
    const towns = upstream.payload.townships;
    const minutes = towns.reduce((s, t) => s + t.handlingMinutesClosed.value, 0);
    const closed = towns.reduce((s, t) => s + t.closed.value, 0);
    expect(closed).toBeGreaterThan(0);
    let county = await snapshot(COUNTY_CODE);
    for (
      let i = 0;
      i < 100 &&
      !county.indicators.some((v) => v.indicatorId === 'urban.avgHandlingHours' && v.value !== null);
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100)); // polls for the first read of the dataset, not a timing
      county = await snapshot(COUNTY_CODE);
    }
    const hours = county.indicators.find((v) => v.indicatorId === 'urban.avgHandlingHours')!;
    expect(hours.unit).toBe('小时');
    // The county's value is the townships' mean weighted by cases closed = every closed case's mean.
    expect(hours.value).toBeCloseTo(minutes / 60 / closed, 2);
    const busy = towns.find((t) => t.closed.value > 0)!;
    const town = await snapshot(busy.townCode);
    expect(town.indicators.find((v) => v.indicatorId === 'urban.avgHandlingHours')!.value).toBeCloseTo(
      busy.handlingMinutesClosed.value / 60 / busy.closed.value,
      2,
    );

    const d = await get(app, 'urban.avgHandlingHours');
    expect((await put(app, d.id, edit(d, { status: 'retired' }))).status).toBe(200);
    const after = await snapshot(COUNTY_CODE);
    expect(after.indicators.some((v) => v.indicatorId === 'urban.avgHandlingHours')).toBe(false);
    expect(after.indicators.some((v) => v.indicatorId === 'urban.casesClosed')).toBe(true);
  }, 60_000);
});
