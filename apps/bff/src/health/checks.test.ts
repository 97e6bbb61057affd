import { COUNTY_CODE, type StoredAlarm } from '@cockpit/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../services';
import { addUser, bearer, signIn } from '../test/auth-fixtures';
import { InspectionHarness } from '../test/inspection-harness';
import { CHECK_RULES } from './rules.seed';

/**
 * The inspection checks beyond one upstream's transport, against the real simulator (and its screens-full
 * fault) and a real store: the sudden jump against the stored history of the recent weeks, a guidance
 * screen against its lots, the water sections against their target class. The engine's clock is virtual
 * (STEP_S per platform pass); the upstream clients refresh in real time, so a step waits for a condition,
 * never for a span of time.
 */

const SIM_START = new Date('2026-10-03T04:00:00Z');
const HOUR_MS = 3600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
let h: InspectionHarness;
let services: Services;
let app: InspectionHarness['app'];
const setFault = (system: string, mode: string) => h.setFault(system, mode);
const stepUntil = (done: () => Promise<boolean>, what: string) => h.stepUntil(done, what);

beforeAll(async () => {
  h = await InspectionHarness.start({ simStart: SIM_START });
  ({ services, app } = h);
}, 60_000);

afterAll(async () => {
  await h?.close();
});

const openAlarm = async (ruleId: string, entityId: string): Promise<StoredAlarm | undefined> =>
  (await services.alarms.list({ ruleId, limit: 100 }, COUNTY_CODE)).items.find(
    (a) => a.entityId === entityId && a.state !== 'resolved',
  );

describe('sudden jump (突变) on each hourly history write', () => {
  it('stores a finding for a series far from the same hour of its recent weeks and raises quality.jump; a steady series is left alone; the next hour without jumps clears it', {
    timeout: 120_000,
  }, async () => {
    const history = services.history!;
    const hour = SIM_START.getTime();
    // The county's berths as the cockpits compute them now (constant in the simulator).
    const overview = JSON.parse((await services.snapshots.get('overview', COUNTY_CODE)).body) as {
      indicators: { indicatorId: string; value: number | null }[];
    };
    const total = overview.indicators.find((i) => i.indicatorId === 'parking.berthTotal')!.value!;
    expect(total).toBeGreaterThan(1000);
    // The same hour of the last 4 weeks: free berths around 100 (now: in the thousands: a clear jump), the
    // total around today's (steady).
    const seeded = [100, 104, 96, 100].flatMap((free, i) => [
      {
        indicatorId: 'parking.freeBerths',
        regionCode: COUNTY_CODE,
        hour: new Date(hour - (i + 1) * WEEK_MS).toISOString(),
        value: free,
        status: 'ok' as const,
      },
      {
        indicatorId: 'parking.berthTotal',
        regionCode: COUNTY_CODE,
        hour: new Date(hour - (i + 1) * WEEK_MS).toISOString(),
        value: total + [0, 1, -1, 0][i]!,
        status: 'ok' as const,
      },
    ]);
    expect(await history.store.backfillHours(seeded)).toBe(8);

    await history.recordHour(hour);
    const findings = await app.auth.store.alarms.findings({ scopes: [''], check: 'jump', limit: 100 });
    expect(findings.map((f) => [f.entityId, f.regionCode, f.source])).toEqual([
      ['parking.freeBerths', COUNTY_CODE, 'parking-platform'],
    ]);
    expect(findings[0]!.detail).toContain('中位数 100');
    expect(findings[0]!.value).toBeGreaterThan(5);
    expect(findings[0]!.record).toMatchObject({ sameHourOfRecentWeeks: [100, 104, 96, 100] });
    const alarm = await openAlarm(CHECK_RULES.jump, 'parking-platform');
    expect(alarm).toMatchObject({ state: 'firing', source: 'parking-platform', regionCode: COUNTY_CODE });
    expect(alarm!.summary).toContain('1 个指标');

    // The next hour has no stored weeks behind it: nothing jumps, the alarm clears (clear period 0).
    h.clock += HOUR_MS;
    await history.recordHour(hour + HOUR_MS);
    expect(await openAlarm(CHECK_RULES.jump, 'parking-platform')).toBeUndefined();
    expect((await services.alarms.get(alarm!.id))!.transitions.map((t) => t.kind)).toEqual([
      'fire',
      'auto-resolve',
    ]);
  });
});

describe('a guidance screen (诱导屏) against its lots', () => {
  it('screens showing 满 over free berths raise quality.screen-mismatch after the pending period, with findings; healed, it resolves', {
    timeout: 180_000,
  }, async () => {
    const rule = services.alarms.getRule(CHECK_RULES.screenMismatch)!;
    const mismatching = async () =>
      (await services.alarms.list({ ruleId: rule.id, limit: 100 }, COUNTY_CODE)).items.filter(
        (a) => a.state !== 'resolved',
      );
    const findings = () =>
      app.auth.store.alarms.findings({ scopes: [''], check: 'disagreement', limit: 500 });
    // Healthy: every screen has been compared at least once; what disagrees already (a mis-configured or a
    // lagging screen of the simulator) is left out of what the fault is judged by.
    await stepUntil(async () => services.inspector.stats.platformPasses > 2, 'screens read');
    const before = new Set([
      ...(await mismatching()).map((a) => a.entityId),
      ...(await findings()).map((f) => f.entityId),
    ]);
    await setFault('parking-platform', 'screens-full');
    const firedIn = await stepUntil(
      async () => (await mismatching()).some((a) => !before.has(a.entityId)),
      'a screen mismatch fires',
    );
    // Not before the pending period: the allowance for a screen's refresh lag.
    expect(firedIn).toBeGreaterThanOrEqual(rule.pendingSeconds);
    const alarm = (await mismatching()).find((a) => !before.has(a.entityId))!;
    expect(alarm).toMatchObject({ state: 'firing', source: 'parking-platform' });
    expect(alarm.summary).toContain('显示"满"');
    const stored = (await findings()).filter((f) => f.entityId === alarm.entityId);
    expect(stored[0]).toMatchObject({ source: 'parking-platform', ruleId: rule.id });
    // Every direction the screen shows is 满 (0 free) against the free berths of its lots (a screen has one
    // direction or several).
    const { mismatches } = stored[0]!.record as { mismatches: { displayed: number; actual: number }[] };
    expect(mismatches.length).toBeGreaterThan(0);
    for (const m of mismatches) expect(m).toMatchObject({ displayed: 0, actual: expect.any(Number) });
    await setFault('parking-platform', 'none');
    const resolvedIn = await stepUntil(
      async () => !(await mismatching()).some((a) => a.id === alarm.id),
      'the mismatch resolves',
    );
    expect(resolvedIn).toBeGreaterThanOrEqual(rule.clearSeconds);
    console.log(
      `screens-full → ${rule.id}: fired after ${firedIn} s, resolved ${resolvedIn} s after healing`,
    );
  });
});

describe('a water section (地表水断面) below its target class', () => {
  it('raises business.water-below-target for exactly the sections the eco cockpit shows below target; an edited rule is judged as edited', {
    timeout: 120_000,
  }, async () => {
    const ruleId = 'business.water-below-target';
    const actor = { name: 'admin', ip: null, requestId: null };
    const open = async () =>
      (await services.alarms.list({ ruleId, limit: 500 }, COUNTY_CODE)).items
        .filter((a) => a.state !== 'resolved')
        .map((a) => a.entityId)
        .sort();
    type Eco = { water: { sections: { code: string; class: number | null; targetClass: string }[] } };
    const eco = JSON.parse((await services.snapshots.get('eco', COUNTY_CODE)).body) as Eco;
    const target = (label: string) => ['I', 'II', 'III', 'IV', 'V'].indexOf(label) + 1;
    const judged = eco.water.sections.filter((s) => s.class !== null);
    expect(judged.length).toBeGreaterThan(0);
    const below = judged.filter((s) => s.class! > target(s.targetClass)).map((s) => s.code);
    await stepUntil(async () => (await open()).length === below.length, 'the sections below target');
    expect(await open()).toEqual(below.sort());
    // Edited by its department (ecology) to "within one class of the target or worse": every section at
    // most one class better than its target fires too.
    const rule = services.alarms.getRule(ruleId)!;
    await services.alarms.updateRule(
      ruleId,
      { version: rule.version, condition: { op: '>=', value: -1 } },
      actor,
      (d) => d === 'ecology',
    );
    const wider = judged.filter((s) => s.class! - target(s.targetClass) >= -1).map((s) => s.code);
    expect(wider.length).toBeGreaterThan(below.length);
    await stepUntil(async () => (await open()).length === wider.length, 'the edited rule');
    expect(await open()).toEqual(wider.sort());
    const one = (await services.alarms.list({ ruleId, limit: 1 }, COUNTY_CODE)).items[0]!;
    expect(one).toMatchObject({ source: 'env-monitor', severity: 'warning' });
    expect(one.summary).toMatch(/水质 .+类，低于目标 .+类/);
    // Back to the seeded condition: the extra alarms clear after the clear period (an hour).
    await services.alarms.updateRule(
      ruleId,
      { version: rule.version + 1, condition: { op: '>', value: 0 } },
      actor,
      () => true,
    );
    await services.inspector.platformPass();
    h.clock += rule.clearSeconds * 1000;
    await stepUntil(async () => (await open()).length === below.length, 'back to the seeded rule');
  });
});

describe('a personal own threshold on an indicator pass', () => {
  it('notifies its owner from the cockpits’ own values, with no rule alarm behind it', {
    timeout: 120_000,
  }, async () => {
    await addUser(app, { username: 'own-threshold', roles: ['operator'], scope: COUNTY_CODE });
    const { token } = await signIn(app, 'own-threshold');
    const res = await app.request('/api/v1/me/alert-policies', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      // Looser than any rule: any free berth at all.
      body: JSON.stringify({
        name: '县城空余泊位',
        subscription: { kind: 'indicator', ref: 'parking.freeBerths' },
        minSeverity: 'info',
        threshold: { op: '>', value: 0 },
      }),
    });
    expect(res.status).toBe(201);
    await services.inspector.indicatorPass([COUNTY_CODE]);
    await services.notifications!.idle();
    const list = (await (
      await app.request('/api/v1/me/notifications', { headers: bearer(token) })
    ).json()) as { items: { kind: string; alarmId: string | null; body: string; regionCode: string }[] };
    const own = list.items.filter((n) => n.kind === 'threshold');
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ alarmId: null, regionCode: COUNTY_CODE });
    expect(own[0]!.body).toContain('（我的阈值）');
  });
});
