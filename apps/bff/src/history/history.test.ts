import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EcoSnapshot } from '@cockpit/contracts';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createServices } from '../services';
import { openStore } from '../store/sqlite';
import type { Store } from '../store/types';
import { testServices } from '../test/create-test-app';

/**
 * The history against the real simulator (over HTTP) and a real store file: an hour written through the
 * cockpits' own computation and read back after the store is closed and opened again; the backfill from
 * the upstreams' 30 days, twice, adding nothing the second time.
 */

const SIM_START = new Date('2026-10-03T04:00:00Z');
let sim: Awaited<ReturnType<typeof startSimulator>>;
let dataDir: string;
let store: Store;
let services: ReturnType<typeof createServices>;
// Refreshes slower than the test: every read within it sees the same upstream data.
const SLOW = { fastMs: 600_000, mediumMs: 600_000, slowMs: 600_000 };

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: SIM_START });
  dataDir = mkdtempSync(join(tmpdir(), 'cockpit-history-'));
  store = await openStore(dataDir);
  services = testServices(sim.url, { timing: SLOW, history: store.history });
}, 60_000);

afterAll(async () => {
  await store?.close();
  await sim?.close();
});

describe('the hourly writer', () => {
  it('stores every active indicator for every region where it exists, and reads it back after a restart', async () => {
    const history = services.history!;
    const now = SIM_START.getTime();
    const { hour, rows } = await history.recordHour(now);
    const t0 = performance.now();
    await history.recordHour(now);
    console.log(
      `recordHour with the data cached: ${(performance.now() - t0).toFixed(0)} ms for ${rows} rows`,
    );
    expect(hour).toBe('2026-10-03T04:00Z');
    // 411 regions; the four county-statistics indicators that stop at townships are there at 16 regions.
    const regions = [...services.snapshots.context.hierarchy.regions.values()];
    expect(regions).toHaveLength(411);
    const expected = history
      .indicators()
      .reduce((n, i) => n + regions.filter((r) => i.levels.includes(r.level)).length, 0);
    expect(rows).toBe(expected);

    // The same figure as the cockpit shows for the county.
    const overview = JSON.parse((await services.snapshots.get('overview', '331023')).body) as {
      indicators: { indicatorId: string; value: number | null }[];
    };
    const free = overview.indicators.find((i) => i.indicatorId === 'parking.freeBerths')!;
    const before = await history.hourly('parking.freeBerths', '331023', hour, hour);
    expect(before).toEqual([
      {
        indicatorId: 'parking.freeBerths',
        regionCode: '331023',
        hour,
        value: free.value,
        status: 'ok',
        backfilled: false,
      },
    ]);
    // A village has no urban cases: none stored there.
    const village = regions.find((r) => r.level === 'village')!;
    expect(await history.hourly('urban.casesReported', village.code, hour, hour)).toEqual([]);

    // Close the store and open the same file again.
    await store.close();
    store = await openStore(dataDir);
    const after = await store.history.hourly('parking.freeBerths', '331023', hour, hour);
    expect(after).toEqual(before);
    const day = await store.history.daily('parking.freeBerths', '331023', '2026-10-03', '2026-10-03');
    expect(day).toEqual([
      expect.objectContaining({ value: free.value, hours: 1, quality: 'partial', backfilled: false }),
    ]);
    services = testServices(sim.url, { timing: SLOW, history: store.history });
  }, 300_000);
});

describe('the backfill', () => {
  it('fills 30 days from the upstreams, marked backfilled, and adds nothing when run again', async () => {
    const history = services.history!;
    const first = await history.backfill();
    expect(first.hourly).toBeGreaterThan(1000);
    const counts = await store.history.counts();
    expect(counts.backfilledHourly).toBe(first.hourly);
    expect(counts.backfilledDaily).toBeGreaterThan(0);

    // The county's air history: ~30 days of hourly AQI and daily HJ 633 AQI, marked as backfilled.
    const aqi = await store.history.hourly('eco.aqi', '331023', '2026-09-04T00:00Z', '2026-10-03T03:00Z');
    expect(aqi.length).toBeGreaterThan(24 * 25);
    expect(aqi.every((r) => r.backfilled)).toBe(true);
    const days = await store.history.daily('eco.aqi', '331023', '2026-01-01', '2026-12-31');
    expect(days.length).toBeGreaterThanOrEqual(29);
    // County statistics for a township, with the closure rate derived as closed ÷ reported.
    const town = services.snapshots.context.hierarchy.get('331023')!.childCodes[0]!;
    const reported = await store.history.hourly(
      'urban.casesReported',
      town,
      '2026-10-02T04:00Z',
      '2026-10-02T04:00Z',
    );
    const closed = await store.history.hourly(
      'urban.casesClosed',
      town,
      '2026-10-02T04:00Z',
      '2026-10-02T04:00Z',
    );
    const rate = await store.history.hourly(
      'urban.closureRate',
      town,
      '2026-10-02T04:00Z',
      '2026-10-02T04:00Z',
    );
    expect(reported).toHaveLength(1);
    if (reported[0]!.value)
      expect(rate[0]!.value).toBeCloseTo((closed[0]!.value ?? 0) / reported[0]!.value, 12);

    // The hour written live is kept (a backfill never replaces a stored row).
    const live = await store.history.hourly('eco.aqi', '331023', '2026-10-03T04:00Z', '2026-10-03T04:00Z');
    expect(live[0]?.backfilled).toBe(false);

    const second = await history.backfill();
    expect(second.hourly).toBe(0);
    expect(await store.history.counts()).toEqual(counts);
  }, 300_000);

  it('feeds the eco year to date: the snapshot counts the stored days', async () => {
    const eco = JSON.parse((await services.snapshots.get('eco', '331023')).body) as EcoSnapshot;
    const g = eco.air.goodDays!;
    const stored = await store.history.daily('eco.aqi', '331023', '2026-01-01', g.year.to);
    const counted = new Set([...stored.map((d) => d.day), ...eco.air.daily.map((d) => d.date)]);
    expect(stored.length).toBeGreaterThanOrEqual(29);
    expect(g.year.countedDays).toBe([...counted].filter((d) => d >= '2026-01-01' && d <= g.year.to).length);
    expect(g.historyFrom).toBe(stored[0]!.day);
  }, 120_000);
});
