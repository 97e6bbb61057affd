import { COUNTY_CODE, type StoredAlarm } from '@cockpit/contracts';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../services';
import { createTestApp, testServices } from '../test/create-test-app';
import { CHECK_RULES } from './rules.seed';

/**
 * The inspection checks that read more than one refresh, against the real simulator and a real store: the
 * sudden jump against the stored history of the recent weeks. The engine's clock is virtual.
 */

const SIM_START = new Date('2026-10-03T04:00:00Z');
const HOUR_MS = 3600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
// Refreshes slower than the test: every read within it sees the same upstream data.
const SLOW = { fastMs: 600_000, mediumMs: 600_000, slowMs: 600_000 };
let sim: Awaited<ReturnType<typeof startSimulator>>;
let services: Services;
let app: ReturnType<typeof createTestApp>;
let clock = 0;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: SIM_START });
  services = testServices(sim.url, { timing: SLOW });
  app = createTestApp({ services });
  await app.ready;
  clock = SIM_START.getTime();
  services.alarms.now = () => clock;
  services.inspector.now = () => clock;
  await services.alarms.list({}, COUNTY_CODE); // bound
}, 60_000);

afterAll(async () => {
  await sim?.close();
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
    clock += HOUR_MS;
    await history.recordHour(hour + HOUR_MS);
    expect(await openAlarm(CHECK_RULES.jump, 'parking-platform')).toBeUndefined();
    expect((await services.alarms.get(alarm!.id))!.transitions.map((t) => t.kind)).toEqual([
      'fire',
      'auto-resolve',
    ]);
  });
});
