import type {
  Alarm,
  Breakdown,
  IndicatorDefinition,
  IndicatorValue,
  ParkingLot,
  ParkingSnapshot,
  Series,
} from '@cockpit/contracts';
import {
  aggregateLots,
  averageDwellMinutes,
  computeAlarms,
  type ParkingEvent,
  turnoverRate,
} from '@cockpit/domain/parking';
import { haversineM } from '@cockpit/domain/routing';
import type { Region } from '../../geo/hierarchy';
import type { Dataset, DatasetRead } from '../../indicators/dataset-cache';
import { seedDefinitions } from '../../indicators/definitions';
import { inRegion } from '../../indicators/rollup';
import { unitsBy } from '../../indicators/value-functions';
import type { DatasetUnits, ParkingFlows } from '../../indicators/value-registry';
import {
  fetchGuideScreens,
  fetchLotHistory,
  fetchLots,
  fetchRecords,
  type GuideScreenState,
  type LotHistory,
  type ParkingLotState,
  type RecordWindow,
} from '../../upstreams/parking-platform/adapter';
import { type BuilderContext, observeDataset, readOf, type ThemeBuilder, type ValueInputs } from '../builder';
import { indicatorValues } from '../indicator-values';
import { sourceStatus } from '../values';
import {
  dataTimeOf,
  domainScreen,
  type HistoryBundle,
  type LiveBuffer,
  liveBufferOf,
  lotStatus,
  lotView,
  type PredictContext,
  profilesOf,
  samplesBetween,
  screensDataTime,
  screenViews,
} from './parking.model';

const RECORD_WINDOW_MIN = 60;
const TOP_N = 10;
const DAY_MS = 86_400_000;

/** The parking theme's own datasets (shared by every scope, the guidance and the lot detail). */
export function parkingDatasets(ctx: BuilderContext) {
  const client = ctx.upstreams['parking-platform'];
  return {
    lots: ctx.datasets.lots,
    screens: ctx.dynamic('parking.screens', 'parking-platform', ctx.timing.fastMs, () =>
      fetchGuideScreens(client),
    ),
    records: ctx.dynamic('parking.records', 'parking-platform', ctx.timing.slowMs, () =>
      fetchRecords(client, { minutes: RECORD_WINDOW_MIN }),
    ),
    // Histories change slowly and are expensive (2 requests per lot): refreshed once an hour in production.
    history: ctx.dynamic('parking.history', 'parking-platform', ctx.timing.slowMs * 60, async () => {
      const lots = await fetchLots(client);
      const settled = await Promise.allSettled(lots.map((l) => fetchLotHistory(client, l.lotId)));
      const map = new Map<string, LotHistory>();
      for (const s of settled) if (s.status === 'fulfilled') map.set(s.value.lotId, s.value);
      if (lots.length > 0 && map.size === 0) {
        const first = settled.find((s) => s.status === 'rejected');
        throw first?.status === 'rejected' ? first.reason : new Error('no lot history could be loaded');
      }
      return { loadedAt: Date.now(), lots: map } satisfies HistoryBundle;
    }),
  };
}

export type ParkingDatasets = ReturnType<typeof parkingDatasets>;

export type ParkingReads = {
  lots: DatasetRead<ParkingLotState[]>;
  screens: DatasetRead<GuideScreenState[]>;
  records: DatasetRead<RecordWindow>;
  history: DatasetRead<HistoryBundle>;
};

export function parkingReads(
  ds: ParkingDatasets,
  reads: ReadonlyMap<string, DatasetRead<unknown>>,
): ParkingReads {
  return {
    lots: readOf(reads, ds.lots),
    screens: readOf(reads, ds.screens),
    records: readOf(reads, ds.records),
    history: readOf(reads, ds.history),
  };
}

/** What the predictions need; `live` (when given) is only read (it is fed at each refresh of the lots). */
export function predictContext(reads: ParkingReads, now: number, live?: LiveBuffer): PredictContext {
  const all = reads.lots.value ?? [];
  return {
    profiles: profilesOf(reads.history.value),
    histories: reads.history.value?.lots ?? new Map(),
    live,
    nowMs: dataTimeOf(all) ?? now,
  };
}

/** Screens in the region, or pointing to a lot in it. */
function regionScreens(code: string, screens: readonly GuideScreenState[], lotIds: ReadonlySet<string>) {
  return screens.filter((s) => inRegion(code, s.villageCode) || s.targets.some((t) => lotIds.has(t.lotId)));
}

type Kpis = {
  berthTotal: number;
  berthOccupied: number;
  berthFree: number;
  occupancyRate: number | null;
  turnoverRate: number | null;
  averageDwellMinutes: number | null;
  inflow: number | null;
  outflow: number | null;
};

/** A lot's occupied berths nearest to `t` in its history or live readings (within 10 min), or null. */
function occupiedNear(
  lotId: string,
  history: LotHistory | undefined,
  live: LiveBuffer | undefined,
  t: number,
) {
  let best: { d: number; occ: number } | null = null;
  for (const s of samplesBetween(lotId, history, live, t - 10 * 60_000, t + 10 * 60_000)) {
    const d = Math.abs(s.at - t);
    if (d <= 10 * 60_000 && (!best || d < best.d)) best = { d, occ: s.occupied };
  }
  return best?.occ ?? null;
}

/**
 * KPIs of a set of lots. Flows and dwell use the records of the last hour:
 * - inflow = entries in the window; turnover = entries ÷ berths (per hour);
 * - outflow = entries − (occupied at the end − occupied at the start) (conservation of vehicles: the
 *   records only list vehicles that ENTERED in the window, so their exits alone would undercount). Not
 *   clamped at 0 per set of lots: the stored rule sums the villages' values, and the sum of the villages'
 *   net figures is the region's (a clamp per village would count the same vehicles twice);
 * - average dwell = total parked time in the window ÷ parking events (entries) — the berth-minutes come
 *   from the mean occupancy (start and end), so long stays that began before the window count too
 *   (Little's law). Without the start occupancy it falls back to the completed sessions of the window,
 *   which is biased short.
 */
function kpisOf(
  lots: readonly ParkingLotState[],
  records: RecordWindow | undefined,
  history: HistoryBundle | undefined,
  live: LiveBuffer | undefined,
): Kpis {
  const totals = aggregateLots(lots);
  const ids = new Set(lots.map((l) => l.lotId));
  const mine = records?.records.filter((r) => ids.has(r.lotId)) ?? [];
  const window = records ? { startMs: records.fromMs, endMs: records.toMs + 1 } : null;
  const events: ParkingEvent[] = mine.map((r) => ({ at: Date.parse(r.inAt), kind: 'in' }));
  const inflow = window ? events.length : null;
  let startOccupied: number | null = window ? 0 : null;
  for (const l of lots) {
    const occ = window ? occupiedNear(l.lotId, history?.lots.get(l.lotId), live, window.startMs) : null;
    startOccupied = occ === null || startOccupied === null ? null : startOccupied + occ;
  }
  const minutes = window ? (window.endMs - window.startMs) / 60_000 : 0;
  let dwell: number | null = null;
  if (inflow && startOccupied !== null)
    dwell = (((startOccupied + totals.berthOccupied) / 2) * minutes) / inflow;
  else if (window) {
    const sessions = mine.map((r) => ({
      inAt: Date.parse(r.inAt),
      outAt: r.outAt ? Date.parse(r.outAt) : null,
    }));
    dwell = averageDwellMinutes(sessions);
  }
  return {
    berthTotal: totals.berthTotal,
    berthOccupied: totals.berthOccupied,
    berthFree: totals.berthFree,
    occupancyRate: totals.occupancyRate,
    turnoverRate: window ? turnoverRate(events, totals.berthTotal, window) : null,
    averageDwellMinutes: dwell,
    inflow,
    outflow:
      inflow !== null && startOccupied !== null ? inflow - (totals.berthOccupied - startOccupied) : null,
  };
}

const NO_FLOWS: ParkingFlows = { turnoverRate: null, averageDwellMinutes: null, inflow: null, outflow: null };

/** The parking datasets as the value functions read them, with their freshness and data times. */
function parkingValueInputs(reads: ParkingReads, nowMs: number, live: LiveBuffer | undefined): ValueInputs {
  const lotsAt = reads.lots.value?.length ? new Date(nowMs).toISOString() : undefined;
  const recordsAt = reads.records.value ? new Date(reads.records.value.toMs).toISOString() : undefined;
  return {
    units: parkingUnits(reads, nowMs, live),
    reads: new Map<string, DatasetRead<unknown>>([
      ['parking.lots', reads.lots],
      ['parking.records', reads.records],
      ['parking.history', reads.history],
      ['parking.screens', reads.screens],
    ]),
    observedAt: (id) => (id === 'parking.records' ? recordsAt : lotsAt),
  };
}

/**
 * The parking datasets for the value functions: the lots by village, and the flows of the last hour's
 * records of any region's lots (memoised per region).
 */
function parkingUnits(reads: ParkingReads, nowMs: number, live: LiveBuffer | undefined): DatasetUnits {
  const lots = reads.lots.value ? unitsBy(reads.lots.value, (l) => l.villageCode) : undefined;
  const records = reads.records.value;
  const byLot = new Map<string, RecordWindow['records']>();
  for (const r of records?.records ?? []) {
    const list = byLot.get(r.lotId);
    if (list) list.push(r);
    else byLot.set(r.lotId, [r]);
  }
  const flows = new Map<string, ParkingFlows>();
  return {
    nowMs,
    lots,
    parkingFlows: (code) => {
      let f = flows.get(code);
      if (!f) {
        const mine = lots?.(code) ?? [];
        // No lots, no flows (unknown, not 0): the sum over villages keeps only the villages with lots.
        if (mine.length === 0) return NO_FLOWS;
        const window = records && { ...records, records: mine.flatMap((l) => byLot.get(l.lotId) ?? []) };
        const k = kpisOf(mine, window, reads.history.value, live);
        f = {
          turnoverRate: k.turnoverRate,
          averageDwellMinutes: k.averageDwellMinutes,
          inflow: k.inflow,
          outflow: k.outflow,
        };
        flows.set(code, f);
      }
      return f;
    },
  };
}

const STEP_MS = 15 * 60_000;

/**
 * Region occupancy over the last 24 h in 15-min steps (each lot's latest observation at or before the step,
 * at most 15 min old: history, then live readings), then the live value. A step counts only when every lot
 * has a value, so the curve never dips because a lot is missing.
 */
function occupancyPoints(
  lots: readonly ParkingLotState[],
  history: HistoryBundle | undefined,
  live: LiveBuffer | undefined,
  nowMs: number,
  liveRate: number | null,
) {
  const occ = new Map<number, { occ: number; total: number; n: number }>();
  const first = Math.ceil((nowMs - DAY_MS) / STEP_MS) * STEP_MS;
  for (const lot of lots) {
    const samples = samplesBetween(lot.lotId, history?.lots.get(lot.lotId), live, first - STEP_MS, nowMs);
    let i = 0;
    for (let t = first; t <= nowMs; t += STEP_MS) {
      while (i + 1 < samples.length && samples[i + 1]!.at <= t) i++;
      const s = samples[i];
      if (!s || s.at > t || t - s.at > STEP_MS) continue;
      const acc = occ.get(t) ?? { occ: 0, total: 0, n: 0 };
      acc.occ += s.occupied;
      acc.total += lot.berthTotal;
      acc.n++;
      occ.set(t, acc);
    }
  }
  for (const [t, v] of occ) if (v.n < lots.length) occ.delete(t);
  const points = [...occ.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([at, v]) => ({ at: new Date(at).toISOString(), rate: v.total ? round4(v.occ / v.total) : null }));
  const last = points.at(-1);
  if (liveRate !== null && (!last || Date.parse(last.at) < nowMs))
    points.push({ at: new Date(nowMs).toISOString(), rate: round4(liveRate) });
  return points;
}

/**
 * Region forecast: Σ predicted occupied ÷ Σ berths; the band sums the lots' bands (as if their errors moved
 * together: a conservative, wide band).
 */
function occupancyForecast(views: readonly ParkingLot[]) {
  const total = views.reduce((a, l) => a + l.berthTotal, 0);
  if (total === 0) return [];
  return [15, 30, 60].flatMap((h) => {
    let free = 0;
    let lower = 0;
    let upper = 0;
    let at: string | undefined;
    for (const l of views) {
      const p = l.prediction.find((x) => x.horizonMin === h);
      if (!p) return [];
      free += p.free;
      lower += p.lower;
      upper += p.upper;
      at = p.at;
    }
    if (!at) return [];
    return [
      {
        at,
        rate: round4(1 - free / total),
        lower: round4(1 - upper / total),
        upper: round4(1 - lower / total),
      },
    ];
  });
}

const round4 = (v: number) => Math.round(v * 10000) / 10000;

function alarmsOf(
  code: string,
  lots: readonly ParkingLotState[],
  screens: readonly GuideScreenState[],
  nowMs: number,
  screensNowMs: number,
): Alarm[] {
  const where = new Map<string, string>([
    ...lots.map((l) => [l.lotId, l.villageCode] as const),
    ...screens.map((s) => [s.screenId, s.villageCode] as const),
  ]);
  // Lots are judged at the lots' data time, screens at the screens' (see screensDataTime).
  const lotStates = lots.map(lotStatus);
  const severity = { alarm: 0, warning: 1 } as const;
  const found = [
    ...computeAlarms(lotStates, [], nowMs),
    ...computeAlarms(lotStates, screens.map(domainScreen), screensNowMs).filter((a) =>
      a.kind.startsWith('SCREEN_'),
    ),
  ].sort((a, b) => severity[a.severity] - severity[b.severity] || a.id.localeCompare(b.id));
  return found.map((a) => ({
    id: a.id,
    kind: a.kind,
    severity: a.severity,
    title: a.message,
    regionCode: where.get(a.entityId) ?? code,
    entityId: a.entityId,
    since: a.sinceMs === undefined ? null : new Date(a.sinceMs).toISOString(),
  }));
}

export function buildParkingSnapshot(input: {
  region: Region;
  children: readonly Region[];
  /** Any region by code (the roll-up walks down to the villages). */
  regionOf: (code: string) => Region | undefined;
  /** The stored indicator definitions (default: the seed). */
  definitions?: readonly IndicatorDefinition[];
  reads: ParkingReads;
  now: number;
  /** Live readings kept across refreshes (see LiveBuffer); without it only the histories are used. */
  live?: LiveBuffer;
}): ParkingSnapshot {
  const { region, reads } = input;
  const code = region.code;
  const allLots = reads.lots.value ?? [];
  const lots = allLots.filter((l) => inRegion(code, l.villageCode));
  const ctx = predictContext(reads, input.now, input.live);
  const nowMs = ctx.nowMs;
  const views = lots.map((l) => lotView(l, ctx));
  const values = indicatorValues({
    definitions: input.definitions ?? seedDefinitions(),
    regionOf: input.regionOf,
    ...parkingValueInputs(reads, nowMs, input.live),
  });
  const indicators: IndicatorValue[] = values.ofTheme('parking', code);
  const flows = values.valueAt('parking.inflowPerHour', code);
  const liveRate = values.valueAt('parking.occupancyRate', code);

  const points = occupancyPoints(lots, reads.history.value, input.live, nowMs, liveRate);
  const series: Series[] = [
    {
      indicatorId: 'parking.occupancyRate',
      unit: '%',
      points: points.map((p) => ({ at: p.at, value: p.rate })),
      status: reads.history.status === 'error' ? reads.lots.status : reads.history.status,
    },
  ];

  const breakdowns: Breakdown[] = input.children.length
    ? (['parking.freeBerths', 'parking.occupancyRate'] as const).map((id) => ({
        indicatorId: id,
        unit: values.definition(id)?.unit ?? '',
        children: input.children.map((c) => {
          const value = values.valueAt(id, c.code);
          return { regionCode: c.code, name: c.name, value: value === null ? null : round4(value) };
        }),
      }))
    : [];

  const byOccupancy = [...views].sort(
    (a, b) => (b.occupancyRate ?? -1) - (a.occupancyRate ?? -1) || (a.lotId < b.lotId ? -1 : 1),
  );
  const lotIds = new Set(lots.map((l) => l.lotId));
  const screens = regionScreens(code, reads.screens.value ?? [], lotIds);
  const screensNowMs = screensDataTime(reads.screens.value ?? [], nowMs);

  return {
    theme: 'parking',
    regionCode: code,
    level: region.level,
    generatedAt: new Date(input.now).toISOString(),
    dataTime: allLots.length ? new Date(nowMs).toISOString() : null,
    indicators,
    series,
    breakdowns,
    sources: [sourceStatus('parking-platform', [reads.lots, reads.screens, reads.records, reads.history])],
    alarms: alarmsOf(code, lots, screens, nowMs, screensNowMs),
    lots: views,
    topLotIds: byOccupancy.slice(0, TOP_N).map((l) => l.lotId),
    scenicLotIds: byOccupancy.filter((l) => l.category === 'scenic').map((l) => l.lotId),
    occupancy: { points, forecast: occupancyForecast(views) },
    flows:
      reads.records.value && flows !== null
        ? {
            windowMinutes: RECORD_WINDOW_MIN,
            inflow: flows,
            outflow: values.valueAt('parking.outflowPerHour', code),
            truncated: reads.records.value.truncated,
          }
        : null,
    screens: screenViews(screens, allLots, screensNowMs),
    ...(lots.length === 0 && allLots.length > 0 ? { nearestLots: nearestLots(region, allLots) } : {}),
    demand: views.map((l) => {
      const p30 = l.prediction.find((p) => p.horizonMin === 30);
      return {
        lon: l.lon,
        lat: l.lat,
        weight: Math.max(l.berthOccupied, p30 ? l.berthTotal - p30.free : 0),
      };
    }),
  };
}

/** The three lots nearest to a region without lots of its own (straight line from its centroid). */
function nearestLots(region: Region, lots: readonly ParkingLotState[]) {
  const [lon, lat] = region.centroid;
  return lots
    .map((l) => ({ l, d: haversineM(lon, lat, l.lon, l.lat) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ l, d }) => ({
      lotId: l.lotId,
      name: l.name,
      villageCode: l.villageCode,
      distanceM: Math.round(d),
      berthFree: l.berthFree,
      berthTotal: l.berthTotal,
    }));
}

export const parkingBuilder: ThemeBuilder = {
  theme: 'parking',
  datasets: (ctx) => Object.values(parkingDatasets(ctx)) as Dataset<unknown>[],
  build: (ctx, region, reads, now): ParkingSnapshot =>
    buildParkingSnapshot({
      region,
      children: region.childCodes.map((c) => ctx.hierarchy.get(c)!),
      regionOf: (code) => ctx.hierarchy.get(code),
      definitions: ctx.indicators.list(),
      reads: parkingReads(parkingDatasets(ctx), reads),
      now,
      live: liveBufferOf(ctx.datasets.lots),
    }),
  valueInputs: async (ctx, read, now) => {
    const ds = parkingDatasets(ctx);
    const reads = parkingReads(ds, await read(Object.values(ds) as Dataset<unknown>[]));
    return parkingValueInputs(reads, predictContext(reads, now).nowMs, liveBufferOf(ctx.datasets.lots));
  },
  // The live buffer observes every value of the lots dataset as it arrives (building only reads it).
  observers: (ctx) => [
    observeDataset(ctx.datasets.lots, (lots) => liveBufferOf(ctx.datasets.lots).observe(lots)),
  ],
};
