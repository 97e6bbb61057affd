import { COUNTY_CODE, type Finding, type StoredAlarm } from '@cockpit/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../services';
import { InspectionHarness, STEP_S } from '../test/inspection-harness';
import type { SystemId } from '../upstreams/systems';
import { CHECK_RULES } from './rules.seed';

/**
 * The inspection against the real simulator and its fault injection. The engine's clock is virtual: each
 * step advances it STEP_S seconds and runs one platform pass (a probe of every upstream); the upstream
 * clients themselves run in real time (their refreshes and breakers), so a step waits for the condition it
 * needs, never for a span of time. Times to fire and resolve are in virtual seconds.
 */

const SYSTEMS: SystemId[] = ['parking-platform', 'emergency-120', 'env-monitor', 'county-services'];
let h: InspectionHarness;
let services: Services;
let app: InspectionHarness['app'];
const table: string[] = [];
const setFault = (system: SystemId, mode: string, extra: Record<string, number> = {}) =>
  h.setFault(system, mode, extra);
const step = () => h.step();
const stepUntil = (done: () => Promise<boolean>, what: string, max?: number) => h.stepUntil(done, what, max);

const openAlarms = async (): Promise<StoredAlarm[]> =>
  (await services.alarms.list({ limit: 1000 }, COUNTY_CODE)).items.filter((a) => a.state !== 'resolved');

const alarmOf = (ruleId: string, system: SystemId) => async () =>
  (await openAlarms()).find((a) => a.ruleId === ruleId && a.entityId === system);

beforeAll(async () => {
  h = await InspectionHarness.start({ clock: Date.now() });
  ({ services, app } = h);
  // A healthy start: every system answers, nothing of the platform rules is open.
  await stepUntil(async () => {
    const health = Object.values(services.upstreams).map((u) => u.health());
    return health.every((x) => x.lastSuccessAt !== null && x.breaker === 'closed');
  }, 'every system answered');
}, 120_000);

afterAll(async () => {
  console.log(`fault → alarm (virtual s, ${STEP_S} s per pass)\n${table.join('\n')}`);
  await h?.close();
});

describe('inspection against the simulator’s faults', () => {
  for (const [mode, system, ruleId, extra] of [
    ['outage', 'env-monitor', CHECK_RULES.upstreamDown, {}],
    ['errors', 'county-services', CHECK_RULES.upstreamDown, { errorRate: 1 }],
    ['malformed', 'emergency-120', CHECK_RULES.late, {}],
    ['drift', 'parking-platform', CHECK_RULES.drift, {}],
  ] as const) {
    it(`${mode} of ${system} raises ${ruleId}, which resolves after healing`, {
      timeout: 120_000,
    }, async () => {
      const rule = services.alarms.getRule(ruleId)!;
      expect(await alarmOf(ruleId, system)()).toBeUndefined(); // healthy before the fault
      await setFault(system, mode, extra);
      const fired = await stepUntil(
        async () => (await alarmOf(ruleId, system)()) !== undefined,
        `${ruleId} fires`,
      );
      // Within the pending period plus the refreshes it takes to see the fault (a few passes on a busy machine).
      expect(fired).toBeGreaterThanOrEqual(rule.pendingSeconds);
      const alarm = (await alarmOf(ruleId, system)())!;
      expect(alarm).toMatchObject({ state: 'firing', source: system, regionCode: COUNTY_CODE });
      await setFault(system, 'none');
      const resolved = await stepUntil(
        async () => (await alarmOf(ruleId, system)()) === undefined,
        `${ruleId} resolves`,
      );
      expect(resolved).toBeGreaterThanOrEqual(rule.clearSeconds);
      const detail = (await services.alarms.get(alarm.id))!;
      expect(detail.state).toBe('resolved');
      expect(detail.transitions.map((t) => t.kind)).toEqual(['fire', 'auto-resolve']);
      table.push(`| ${mode} | ${system} | ${ruleId} | ${fired} s | ${resolved} s |`);
    });
  }

  it('an indicator pass judges a stored rule on the builders’ values (a custom county rule fires, then clears when edited)', {
    timeout: 120_000,
  }, async () => {
    const actor = { name: 'admin', ip: null, requestId: null };
    const rule = await services.alarms.createRule(
      {
        name: '测试：县级空余泊位',
        kind: 'business',
        severity: 'info',
        indicatorId: 'parking.freeBerths',
        check: null,
        condition: { op: '>=', value: 0 },
        pendingSeconds: 0,
        clearSeconds: 0,
        regionScope: COUNTY_CODE,
        level: 'county',
        departmentId: 'enforcement',
        escalateAfterSeconds: null,
        escalateToRole: null,
        schedule: null,
        enabled: true,
      },
      actor,
      () => true,
    );
    await services.inspector.indicatorPass([COUNTY_CODE]);
    const fired = (await openAlarms()).find((a) => a.ruleId === rule.id);
    expect(fired).toMatchObject({ regionCode: COUNTY_CODE, source: 'parking-platform', severity: 'info' });
    expect(fired!.summary).toContain('空余泊位');
    // Edited so that it no longer holds: the next pass clears it (clear period 0).
    await services.alarms.updateRule(
      rule.id,
      { version: 1, condition: { op: '<', value: 0 } },
      actor,
      () => true,
    );
    h.clock += STEP_S * 1000;
    await services.inspector.indicatorPass([COUNTY_CODE]);
    expect((await openAlarms()).find((a) => a.ruleId === rule.id)).toBeUndefined();
  });

  it('drifted records are stored as findings (masked), and health shows the system degraded', {
    timeout: 60_000,
  }, async () => {
    await setFault('env-monitor', 'drift');
    await stepUntil(
      async () =>
        (
          await app.auth.store.alarms.findings({
            scopes: [''],
            source: 'env-monitor',
            check: 'drift',
            limit: 5,
          })
        ).length > 0,
      'drift findings',
    );
    const findings: Finding[] = await app.auth.store.alarms.findings({
      scopes: [''],
      source: 'env-monitor',
      check: 'drift',
      limit: 5,
    });
    expect(findings[0]!.detail).toMatch(/PM2_5/);
    expect(findings[0]!.record).toMatchObject({ PM25: expect.anything() });
    const health = (await (await app.request('/api/v1/health')).json()) as {
      status: string;
      upstreams: { system: string; droppingRecords?: boolean }[];
    };
    expect(health.status).toBe('degraded');
    expect(health.upstreams.find((u) => u.system === 'env-monitor')!.droppingRecords).toBe(true);
    await setFault('env-monitor', 'none');
    await stepUntil(
      async () => (await alarmOf(CHECK_RULES.drift, 'env-monitor')()) === undefined,
      'drift clears',
    );
  });

  it('all four systems down: one grouped alarm per system, no storm of indicator alarms', {
    timeout: 120_000,
  }, async () => {
    const before = new Set((await openAlarms()).map((a) => a.id));
    for (const s of SYSTEMS) await setFault(s, 'outage');
    await stepUntil(
      async () =>
        (await Promise.all(SYSTEMS.map((s) => alarmOf(CHECK_RULES.upstreamDown, s)()))).every(Boolean),
      'every system down',
    );
    // Hold the outage a while longer: the count must not grow.
    for (let i = 0; i < 12; i++) await step();
    const raised = (await openAlarms()).filter((a) => !before.has(a.id));
    table.push(
      `| outage ×4 | all | alarms raised: ${raised.length} (${raised.map((a) => `${a.ruleId}:${a.entityId}`).join(', ')}) | | |`,
    );
    expect(raised.filter((a) => a.ruleId === CHECK_RULES.upstreamDown)).toHaveLength(4);
    expect(raised.every((a) => a.groupKey?.startsWith('upstream:') || a.groupKey === 'bff')).toBe(true);
    // One group per system (a late-data alarm of a system that went down joins its outage's group).
    const groups = new Set(raised.flatMap((a) => (a.groupKey?.startsWith('upstream:') ? [a.groupKey] : [])));
    expect(groups.size).toBe(SYSTEMS.length);
    expect(raised.length).toBeLessThanOrEqual(2 * SYSTEMS.length);
    for (const s of SYSTEMS) await setFault(s, 'none');
    await stepUntil(
      async () =>
        (await Promise.all(SYSTEMS.map((s) => alarmOf(CHECK_RULES.upstreamDown, s)()))).every((a) => !a),
      'every system back',
    );
  });

  it('a flapping upstream (20 s on, 20 s off, 10 minutes) keeps one alarm with bounded transitions', {
    timeout: 180_000,
  }, async () => {
    const system: SystemId = 'county-services';
    const from = h.clock;
    let transitions = 0;
    const off = services.alarms.onTransition((a) => {
      if (a.ruleId === CHECK_RULES.upstreamDown && a.entityId === system) transitions++;
    });
    let down = false;
    while (h.clock - from < 600_000) {
      const wantDown = Math.floor((h.clock - from) / 20_000) % 2 === 0;
      if (wantDown !== down) {
        await setFault(system, wantDown ? 'outage' : 'none');
        down = wantDown;
        // Let the real client see the change before the next virtual step.
        await stepUntilHealth(system, wantDown);
      }
      await step();
    }
    await setFault(system, 'none');
    await stepUntil(async () => (await alarmOf(CHECK_RULES.upstreamDown, system)()) === undefined, 'healed');
    off();
    const all = (
      await services.alarms.list({ ruleId: CHECK_RULES.upstreamDown, limit: 100 }, COUNTY_CODE)
    ).items.filter((a) => a.entityId === system && Date.parse(a.lastChangedAt) >= from);
    table.push(
      `| flapping 20 s ×10 min | ${system} | alarms: ${all.length}, transitions: ${transitions} | | |`,
    );
    expect(all).toHaveLength(1);
    expect(transitions).toBeLessThanOrEqual(4);
  });
});

/** Waits (by stepping the real refreshes without advancing the virtual clock) until the client sees the change. */
async function stepUntilHealth(system: SystemId, down: boolean) {
  for (let i = 0; i < 200; i++) {
    const h = services.upstreams[system].health();
    if (down ? h.breaker !== 'closed' : h.breaker === 'closed' && h.lastSuccessAt !== null) return;
    await services.snapshots.read(Object.values(services.snapshots.context.datasets));
    await new Promise((r) => setTimeout(r, 25));
  }
}
