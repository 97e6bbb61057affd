import { describe, expect, it } from 'vitest';
import { type Dataset, DatasetCache, type DatasetRead } from '../../indicators/dataset-cache';
import { testGeography } from '../../test/create-test-app';
import type {
  GuideScreenState,
  LotHistory,
  ParkingLotState,
  RecordWindow,
} from '../../upstreams/parking-platform/adapter';
import type { BuilderContext } from '../builder';
import { buildParkingSnapshot, type ParkingReads, parkingBuilder } from './parking.builder';
import { type HistoryBundle, LiveBuffer, liveBufferOf } from './parking.model';

// A fixed, hand-made dataset: two lots in 赤城街道 (331023001), one in 平桥镇 (331023002), one screen.
const NOW = Date.parse('2026-10-03T04:00:00Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const lot = (
  lotId: string,
  villageCode: string,
  total: number,
  occupied: number,
  ageMin = 0,
): ParkingLotState => ({
  lotId,
  name: lotId,
  kind: 'off-street',
  category: lotId === 'A' ? 'scenic' : 'general',
  lon: 121.04,
  lat: 29.17,
  villageCode,
  townshipCode: villageCode.slice(0, 9),
  berthTotal: total,
  berthFree: total - occupied,
  berthOccupied: occupied,
  pricePerHour: 5,
  updatedAt: iso(NOW - ageMin * MIN),
});

const LOTS = [
  lot('A', '331023001047', 100, 98), // 98 % → full, alarm
  lot('B', '331023001049', 200, 100, 30), // silent sensor for 30 min
  lot('C', '331023002001', 300, 150),
];

/** 2 days of 15-min history: occupancy rises from 40 % (an hour ago 90 % for A). */
function history(l: ParkingLotState): LotHistory {
  const samples = [];
  for (let t = NOW - 2 * 86_400_000; t <= NOW - 15 * MIN; t += 15 * MIN) {
    const occ = Math.round(l.berthTotal * (t >= NOW - 60 * MIN && l.lotId === 'A' ? 0.9 : 0.4));
    samples.push({ at: t, occupied: occ, free: l.berthTotal - occ });
  }
  return { lotId: l.lotId, berthTotal: l.berthTotal, samples };
}

const records: RecordWindow = {
  fromMs: NOW - 60 * MIN,
  toMs: NOW,
  truncated: false,
  records: [
    // 20 entries at A in the last hour, 10 at B, 5 at C.
    ...Array.from({ length: 20 }, (_, i) => ({ lotId: 'A', i })),
    ...Array.from({ length: 10 }, (_, i) => ({ lotId: 'B', i })),
    ...Array.from({ length: 5 }, (_, i) => ({ lotId: 'C', i })),
  ].map(({ lotId, i }) => ({
    recordId: `${lotId}${i}`,
    lotId,
    plateMasked: '浙J·***12',
    inAt: iso(NOW - (i + 1) * 2 * MIN),
    outAt: null,
    villageCode: LOTS.find((l) => l.lotId === lotId)!.villageCode,
  })),
};

const screen: GuideScreenState = {
  screenId: 'S1',
  name: 'S1',
  lon: 121.04,
  lat: 29.17,
  villageCode: '331023001047',
  townshipCode: '331023001',
  tier: 2,
  targets: [{ lotId: 'C', direction: '左', displayFree: 150 }],
  online: false,
  lastHeartbeatAt: iso(NOW - 90 * MIN),
};

const ok = <T>(value: T): DatasetRead<T> => ({ value, status: 'ok', fetchedAt: NOW, version: 1 });
const reads: ParkingReads = {
  lots: ok(LOTS),
  screens: ok([screen]),
  records: ok(records),
  history: ok<HistoryBundle>({ loadedAt: NOW, lots: new Map(LOTS.map((l) => [l.lotId, history(l)])) }),
};

const h = testGeography();
const build = (code: string) =>
  buildParkingSnapshot({
    regionOf: h.get,
    region: h.get(code)!,
    children: h.get(code)!.childCodes.map((c) => h.get(c)!),
    reads,
    now: NOW + 5000,
  });
const value = (s: ReturnType<typeof build>, id: string) =>
  s.indicators.find((i) => i.indicatorId === id)?.value;

describe('buildParkingSnapshot', () => {
  it('computes the region KPIs by their definitions', () => {
    const s = build('331023001');
    expect(s.lots.map((l) => l.lotId)).toEqual(['A', 'B']);
    expect(value(s, 'parking.berthTotal')).toBe(300);
    expect(value(s, 'parking.freeBerths')).toBe(102);
    expect(value(s, 'parking.occupancyRate')).toBeCloseTo(198 / 300, 4);
    // turnover = 30 entries ÷ 300 berths in the hour
    expect(value(s, 'parking.turnoverRate')).toBeCloseTo(0.1, 4);
    expect(value(s, 'parking.inflowPerHour')).toBe(30);
    // an hour ago: A 90, B 80 = 170 occupied; now 198 → exits = 30 − 28 = 2
    expect(value(s, 'parking.outflowPerHour')).toBe(2);
    // dwell = mean occupied (170 + 198) / 2 × 60 min ÷ 30 entries
    expect(value(s, 'parking.averageDwellMinutes')).toBeCloseTo((184 * 60) / 30, 1);
  });

  it('uses the data time (latest lot report), not the wall clock, as now', () => {
    const s = build('331023');
    expect(s.dataTime).toBe(iso(NOW));
    expect(s.lots.find((l) => l.lotId === 'A')!.prediction[0]!.at).toBe(iso(NOW + 15 * MIN));
    expect(s.lots.find((l) => l.lotId === 'B')!.sensorSilent).toBe(true);
  });

  it('ranks the busiest lots first and lists the scenic ones', () => {
    const s = build('331023');
    expect(s.topLotIds).toEqual(['A', 'B', 'C']);
    expect(s.scenicLotIds).toEqual(['A']);
    expect(s.lots.find((l) => l.lotId === 'A')!.level).toBe('full');
  });

  it('raises alarms for a full lot, a silent sensor and an offline screen, booked to their villages', () => {
    const s = build('331023');
    const ids = s.alarms.map((a) => a.id);
    expect(ids).toEqual(
      expect.arrayContaining(['LOT_NEARLY_FULL:A', 'SENSOR_SILENT:B', 'SCREEN_OFFLINE:S1']),
    );
    expect(s.alarms.find((a) => a.id === 'LOT_NEARLY_FULL:A')!.regionCode).toBe('331023001047');
  });

  it('keeps a screen in a township that it sits in, or that its lots are in', () => {
    expect(build('331023001').screens.map((x) => x.screenId)).toEqual(['S1']);
    expect(build('331023002').screens.map((x) => x.screenId)).toEqual(['S1']);
    expect(build('331023003').screens).toEqual([]);
    const s1 = build('331023').screens[0]!;
    expect(s1.directions[0]).toMatchObject({ direction: '左', displayed: 150, expectedFree: 150 });
    expect(s1.issues.map((i) => i.code)).toEqual(['OFFLINE']);
  });

  it('gives a 24 h curve and a forecast whose band contains it', () => {
    const s = build('331023');
    expect(s.occupancy.points.length).toBe(96 + 1);
    expect(s.occupancy.points.at(-1)!.at).toBe(iso(NOW));
    expect(s.occupancy.forecast.map((f) => f.at)).toEqual([15, 30, 60].map((m) => iso(NOW + m * MIN)));
    for (const f of s.occupancy.forecast) {
      expect(f.lower).toBeLessThanOrEqual(f.rate);
      expect(f.rate).toBeLessThanOrEqual(f.upper);
    }
    expect(
      s.breakdowns
        .find((b) => b.indicatorId === 'parking.freeBerths')!
        .children.find((c) => c.regionCode === '331023001')!.value,
    ).toBe(102);
  });
});

describe('a region without lots', () => {
  it('names the nearest lots outside it with their distance, nearest first', () => {
    const s = build('331023105200');
    expect(s.lots).toEqual([]);
    const near = s.nearestLots!;
    expect(near.map((l) => l.lotId).sort()).toEqual(['A', 'B', 'C']);
    expect(near.map((l) => l.distanceM)).toEqual([...near.map((l) => l.distanceM)].sort((a, b) => a - b));
    expect(near[0]!.distanceM).toBeGreaterThan(0);
    // A region with lots of its own gets none.
    expect(build('331023001').nearestLots).toBeUndefined();
  });
});

describe('guide-screen heartbeats', () => {
  // 14 screens, all online with fresh heartbeats as the platform reported them; the screens dataset was
  // refreshed 10 minutes (of platform time) before the lots dataset, as happens when the BFF is busy.
  const screensAt = NOW - 10 * MIN;
  const fleet = Array.from({ length: 14 }, (_, i) => ({
    ...screen,
    screenId: `S${i + 1}`,
    name: `S${i + 1}`,
    online: true,
    targets: [{ lotId: 'C', direction: '左' as const, displayFree: 150 }],
    lastHeartbeatAt: iso(screensAt - (i % 3) * 20_000),
  }));
  const withScreens = (screens: GuideScreenState[]) =>
    buildParkingSnapshot({
      regionOf: h.get,
      region: h.get('331023')!,
      children: [],
      reads: { ...reads, screens: ok(screens) },
      now: NOW + 5000,
    });

  it('are judged by the platform’s data time, not the lots’ data time or the BFF clock', () => {
    const s = withScreens(fleet);
    expect(s.alarms.filter((a) => a.kind === 'SCREEN_OFFLINE')).toEqual([]);
    expect(s.screens.flatMap((x) => x.issues.map((i) => i.code))).not.toContain('STALE_HEARTBEAT');
  });

  it('still flag one screen whose heartbeat lags the others by more than 5 minutes', () => {
    const lagging = fleet.map((x, i) => (i === 4 ? { ...x, lastHeartbeatAt: iso(screensAt - 8 * MIN) } : x));
    const s = withScreens(lagging);
    expect(s.alarms.filter((a) => a.kind === 'SCREEN_OFFLINE').map((a) => [a.id, a.severity])).toEqual([
      ['SCREEN_OFFLINE:S5', 'warning'],
    ]);
  });
});

describe('live buffer', () => {
  it('fills the hour the (hourly) history has not reached yet', () => {
    const old = (l: ParkingLotState) => ({
      ...history(l),
      samples: history(l).samples.filter((x) => x.at <= NOW - 3 * 3600_000),
    });
    const stale: ParkingReads = {
      ...reads,
      history: ok<HistoryBundle>({ loadedAt: NOW, lots: new Map(LOTS.map((l) => [l.lotId, old(l)])) }),
    };
    const live = new LiveBuffer();
    // What the lots dataset said an hour ago (A 90, B 80 occupied), then now.
    const hourAgo = LOTS.map((l) => ({
      ...l,
      berthOccupied: l.lotId === 'A' ? 90 : l.lotId === 'B' ? 80 : 120,
      updatedAt: iso(NOW - 60 * MIN),
    }));
    live.observe(hourAgo);
    live.observe(hourAgo);
    expect(live.samples('A')).toHaveLength(1);
    const region = h.get('331023001')!;
    const withLive = buildParkingSnapshot({
      region,
      regionOf: h.get,
      children: [],
      reads: stale,
      now: NOW,
      live,
    });
    expect(value(withLive, 'parking.outflowPerHour')).toBe(2);
    expect(withLive.occupancy.points.some((p) => p.at === iso(NOW - 60 * MIN))).toBe(true);
    const without = buildParkingSnapshot({ region, regionOf: h.get, children: [], reads: stale, now: NOW });
    expect(value(without, 'parking.outflowPerHour')).toBeNull();
  });
});

describe('building is pure: the live buffer is fed on refresh, never by a build', () => {
  it('gives equal snapshots from the same datasets and changes no state; a refresh of the lots feeds the buffer', async () => {
    // The lots dataset as the service has it, with the parking theme's observer attached to the cache.
    const values = [
      LOTS.map((l) => ({ ...l, berthOccupied: l.berthOccupied - 10, updatedAt: iso(NOW - 30 * MIN) })),
      LOTS,
    ];
    const lotsDs: Dataset<ParkingLotState[]> = {
      id: 'parking.lots',
      system: 'parking-platform',
      ttlMs: 10_000,
      freshnessMs: 25_000,
      load: async () => values.shift()!,
    };
    const ctx = { datasets: { lots: lotsDs } } as unknown as BuilderContext;
    const cache = new DatasetCache(() => NOW);
    for (const o of parkingBuilder.observers!(ctx)) cache.observe(o.dataset, o.onRefresh);
    const live = liveBufferOf(lotsDs);
    await cache.refresh(lotsDs);
    expect(live.samples('A').map((x) => x.at)).toEqual([NOW - 30 * MIN]);

    // Building from a lots value the buffer has not seen (the next refresh's) leaves the buffer as it was.
    const next: ParkingReads = { ...reads, lots: ok(values[0]!) };
    const region = h.get('331023001')!;
    const before = structuredClone(['A', 'B', 'C'].map((id) => live.samples(id)));
    const once = buildParkingSnapshot({ region, regionOf: h.get, children: [], reads: next, now: NOW, live });
    const twice = buildParkingSnapshot({
      region,
      regionOf: h.get,
      children: [],
      reads: next,
      now: NOW,
      live,
    });
    expect(twice).toEqual(once);
    expect(['A', 'B', 'C'].map((id) => live.samples(id))).toEqual(before);

    // The refresh that brings that value is what records it.
    await cache.refresh(lotsDs);
    expect(live.samples('A').map((x) => x.at)).toEqual([NOW - 30 * MIN, NOW]);
  });
});
