import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EcoSnapshot } from '@cockpit/contracts';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createServices } from '../services';
import { parkingDatasets } from '../snapshots/parking/parking.builder';
import type { HistoryBundle } from '../snapshots/parking/parking.model';
import { openStore } from '../store/sqlite';
import type { Store } from '../store/types';
import { testServices } from '../test/create-test-app';
import { fetchIncidents } from '../upstreams/emergency-120/adapter';

/**
 * The history against the real simulator (over HTTP) and a real store file: an hour written through the
 * cockpits' own computation and read back after the store is closed and opened again; the backfill from
 * the upstreams' 30 days, twice, adding nothing the second time; water and night-noise compliance checked
 * against the environment platform's raw rows.
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
    // The grassroots figures (one evaluator over the county's records) are the ones its cockpit shows.
    const grassroots = JSON.parse((await services.snapshots.get('grassroots', '331023105')).body) as {
      indicators: { indicatorId: string; value: number | null }[];
    };
    for (const id of ['grassroots.onTimeRate', 'grassroots.eventsOverdue', 'grassroots.collectiveIncome']) {
      const shown = grassroots.indicators.find((i) => i.indicatorId === id)?.value;
      expect(shown, id).toEqual(expect.any(Number));
      const [stored] = await history.hourly(id, '331023105', hour, hour);
      expect(stored?.value, id).toBeCloseTo(shown!, 3);
    }
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

    // Parking occupancy from the platform's per-lot history: the county's free berths at a past hour are the
    // sum of every lot's sample at that hour, and the townships add up to the county.
    const ctx = services.snapshots.context;
    const lotsHistory = (await services.snapshots.read([parkingDatasets(ctx).history])).values().next().value!
      .value as HistoryBundle;
    const past = Date.parse('2026-10-01T06:00:00Z');
    const freeThen = [...lotsHistory.lots.values()].reduce(
      (sum, l) => sum + l.samples.find((x) => x.at === past)!.free,
      0,
    );
    const pastHour = '2026-10-01T06:00Z';
    const free = await store.history.hourly('parking.freeBerths', '331023', '2026-09-01T00:00Z', pastHour);
    expect(free.length).toBeGreaterThan(24 * 20);
    expect(free.every((r) => r.backfilled)).toBe(true);
    expect(free.at(-1)).toMatchObject({ hour: pastHour, value: freeThen });
    let townships = 0;
    for (const t of ctx.hierarchy.get('331023')!.childCodes)
      townships += (await store.history.hourly('parking.freeBerths', t, pastHour, pastHour))[0]?.value ?? 0;
    expect(townships).toBe(freeThen);

    // The 120 figures at each hour of the last 7 days, from the incidents as the dispatch system had them then.
    const hourMs = Date.parse('2026-09-30T15:00:00Z');
    // The system's own rows as they stood then (through its adapter; the count is made here, not by the registry).
    const then = await fetchIncidents(ctx.upstreams['emergency-120'], {
      sinceMs: hourMs - 24 * 3600_000,
      untilMs: hourMs,
    });
    const under = then.items.filter((r) =>
      ['pending', 'dispatched', 'on_scene', 'transporting'].includes(r.status),
    ).length;
    const active = await store.history.hourly(
      'trauma.activeCases',
      '331023',
      '2026-09-30T15:00Z',
      '2026-09-30T15:00Z',
    );
    expect(active).toEqual([expect.objectContaining({ value: under, backfilled: true })]);
    const responses = await store.history.hourly(
      'trauma.medianResponseMinutes',
      '331023',
      '2026-09-26T00:00Z',
      '2026-10-03T03:00Z',
    );
    expect(responses.length).toBeGreaterThan(24 * 5);

    // The hour written live is kept (a backfill never replaces a stored row).
    const live = await store.history.hourly('eco.aqi', '331023', '2026-10-03T04:00Z', '2026-10-03T04:00Z');
    expect(live[0]?.backfilled).toBe(false);

    const second = await history.backfill();
    expect(second.hourly).toBe(0);
    expect(await store.history.counts()).toEqual(counts);
  }, 300_000);

  it('backfills water and night-noise compliance as they stood at each hour, from the platform’s own rows', async () => {
    // After the backfill above. The simulator's own rows, read raw (its format, not through the BFF's code).
    const env = async (path: string, start: string, end: string) => {
      const q = new URLSearchParams({ start, end });
      const body = (await (await fetch(`${sim.url}/env-monitor/${path}?${q}`)).json()) as {
        result: Record<string, string>[];
      };
      return body.result;
    };
    // 12:00 Beijing on 30 September: water sampled at 12:00, the night before (22–06 h) complete.
    const hour = '2026-09-30T04:00Z';
    const CLASSES = ['I', 'II', 'III', 'IV', 'V', '劣V'];
    const latest = new Map<string, Record<string, string>>();
    for (const r of await env('water/data', '2026-09-30 04:00:00', '2026-09-30 12:00:00'))
      if (!latest.has(r.SectionCode!) || r.TimePoint! > latest.get(r.SectionCode!)!.TimePoint!)
        latest.set(r.SectionCode!, r);
    expect(latest.size).toBeGreaterThan(0);
    const meets = [...latest.values()].filter(
      (r) => CLASSES.indexOf(r.ActualClass!) <= CLASSES.indexOf(r.TargetClass!),
    ).length;
    const [water] = await store.history.hourly('eco.waterCompliance', '331023', hour, hour);
    expect(water).toMatchObject({ backfilled: true, status: 'ok' });
    expect(water!.value).toBeCloseTo(meets / latest.size, 12);

    // Night noise: each point's energy-average Leq over the night's 8 hours (time points 23:00 … 06:00)
    // against the night limit the platform gives with them.
    const night = await env('noise/hourly', '2026-09-29 23:00:00', '2026-09-30 06:00:00');
    const byPoint = new Map<string, Record<string, string>[]>();
    for (const r of night) byPoint.set(r.PointCode!, [...(byPoint.get(r.PointCode!) ?? []), r]);
    const within = [...byPoint.values()].filter((rows) => {
      expect(rows).toHaveLength(8);
      const energy = rows.reduce((sum, r) => sum + 10 ** (Number(r.Leq) / 10), 0) / rows.length;
      return 10 * Math.log10(energy) <= Number(rows[0]!.Limit);
    }).length;
    const [noise] = await store.history.hourly('eco.noiseNightCompliance', '331023', hour, hour);
    expect(noise).toMatchObject({ backfilled: true, status: 'ok' });
    expect(noise!.value).toBeCloseTo(within / byPoint.size, 12);

    // Every hour of the platform's 30 days up to the live one, for the county; nothing where there is no
    // section or point (a village without one), and the daily rows made from the hours.
    for (const id of ['eco.waterCompliance', 'eco.noiseNightCompliance']) {
      const all = await store.history.hourly(id, '331023', '2026-09-01T00:00Z', '2026-10-03T03:00Z');
      expect(all.length, id).toBeGreaterThan(24 * 27);
      expect(all.every((r) => r.backfilled && r.value !== null && r.value >= 0 && r.value <= 1)).toBe(true);
    }
    const sites = new Set(
      [...latest.values(), ...night].map((r) => r.VillageCode!).filter((c) => c.length === 12),
    );
    const bare = [...services.snapshots.context.hierarchy.regions.values()].find(
      (r) => r.level === 'village' && !sites.has(r.code),
    )!;
    expect(await store.history.hourly('eco.waterCompliance', bare.code, hour, hour)).toEqual([]);
    expect(await store.history.hourly('eco.noiseNightCompliance', bare.code, hour, hour)).toEqual([]);
    const days = await store.history.daily('eco.waterCompliance', '331023', '2026-09-05', '2026-10-02');
    expect(days.length).toBeGreaterThanOrEqual(27);
  }, 120_000);

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
