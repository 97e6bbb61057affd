import { beijingDateOf } from '@cockpit/domain/eco';
import type { Dataset } from '../../indicators/dataset-cache';
import {
  type AirObservation,
  type AirStation,
  fetchAirHourly,
  fetchAirStations,
  fetchNoiseHourly,
  fetchNoisePoints,
  fetchWaterData,
  fetchWaterStations,
  fetchWindHourly,
  type NoiseObservation,
  type NoisePoint,
  type TimeRange,
  type WaterObservation,
  type WaterStation,
  type WindObservation,
} from '../../upstreams/env-monitor/adapter';
import type { BuilderContext } from '../builder';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
/** The monitoring platform serves the last 30 days: that is as far back as the cockpit can look. */
export const AIR_HISTORY_MS = 30 * DAY_MS;
export const WIND_HISTORY_MS = 72 * HOUR_MS;
export const WATER_HISTORY_MS = 30 * DAY_MS;
export const NOISE_HISTORY_MS = 7 * DAY_MS;

export type EcoSites = { air: AirStation[]; water: WaterStation[]; noise: NoisePoint[] };

/** Requests are cut into pieces of at most this span, so each stays small and quick. */
const CHUNK_MS = 5 * DAY_MS;
/** Recent time points are fetched again on every refresh (an upstream may revise its latest hours). */
const REVISE_MS = 3 * HOUR_MS;

type History<T> = { latestMs: number | null; rows: T[] };

/** Every time point from `fromMs` to `toMs` (inclusive), asked in pieces of at most CHUNK_MS, one after another. */
export async function fetchChunked<T>(
  fetch: (range: TimeRange) => Promise<T[]>,
  fromMs: number,
  toMs: number,
): Promise<T[]> {
  const fetched: T[] = [];
  for (let t = fromMs; t <= toMs; t += CHUNK_MS + 1) {
    fetched.push(...(await fetch({ startMs: t, endMs: Math.min(toMs, t + CHUNK_MS) })));
  }
  return fetched;
}

/**
 * A rolling window of `spanMs` of history ending at the upstream's latest time point. The upstream clock is
 * not ours (the simulator runs on its own time), so the latest point is asked first and the range is
 * anchored on it. After the first load only the new time points (plus the last few hours) are fetched.
 */
function rollingHistory<T extends { at: string }>(
  fetch: (range?: TimeRange) => Promise<T[]>,
  spanMs: number,
  keyOf: (row: T) => string,
): () => Promise<History<T>> {
  let last: History<T> | undefined;
  return async () => {
    const latest = await fetch();
    const latestMs = Math.max(...latest.map((r) => Date.parse(r.at)));
    if (!Number.isFinite(latestMs)) return { latestMs: null, rows: [] };
    const startMs = latestMs - spanMs;
    const fromMs =
      last?.latestMs != null && last.latestMs > startMs
        ? Math.max(startMs, last.latestMs - REVISE_MS)
        : startMs;
    const fetched = await fetchChunked(fetch, fromMs, latestMs);
    const byKey = new Map<string, T>();
    for (const r of last?.rows ?? []) if (Date.parse(r.at) >= startMs) byKey.set(keyOf(r), r);
    for (const r of fetched) byKey.set(keyOf(r), r);
    const rows = [...byKey.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    last = { latestMs, rows };
    return last;
  };
}

/** The eco cockpit's datasets: station lists rarely change; hourly data is refreshed every few minutes. */
export function ecoDatasets(ctx: BuilderContext) {
  const env = ctx.upstreams['env-monitor'];
  const slow = ctx.timing.slowMs;
  return {
    sites: ctx.dynamic<EcoSites>('eco.sites', 'env-monitor', slow * 10, async () => {
      const [air, water, noise] = await Promise.all([
        fetchAirStations(env),
        fetchWaterStations(env),
        fetchNoisePoints(env),
      ]);
      return { air, water, noise };
    }),
    airHistory: ctx.dynamic(
      'eco.air.hourly30d',
      'env-monitor',
      slow * 3,
      rollingHistory<AirObservation>(
        (r) => fetchAirHourly(env, r),
        AIR_HISTORY_MS,
        (o) => `${o.stationCode}@${o.at}`,
      ),
    ),
    wind: ctx.dynamic(
      'eco.wind.hourly72h',
      'env-monitor',
      slow,
      rollingHistory<WindObservation>(
        (r) => fetchWindHourly(env, r),
        WIND_HISTORY_MS,
        (o) => `${o.stationCode}@${o.at}`,
      ),
    ),
    water: ctx.dynamic(
      'eco.water.30d',
      'env-monitor',
      slow * 3,
      rollingHistory<WaterObservation>(
        (r) => fetchWaterData(env, r),
        WATER_HISTORY_MS,
        (o) => `${o.sectionCode}@${o.at}`,
      ),
    ),
    noise: ctx.dynamic(
      'eco.noise.hourly7d',
      'env-monitor',
      slow * 3,
      rollingHistory<NoiseObservation>(
        (r) => fetchNoiseHourly(env, r),
        NOISE_HISTORY_MS,
        (o) => `${o.pointCode}@${o.at}`,
      ),
    ),
  } satisfies Record<string, Dataset<unknown>>;
}
export type EcoDatasets = ReturnType<typeof ecoDatasets>;

/** Daily rows reach back this far for the year to date (the current year, whatever the upstream's clock). */
const STORED_DAYS_BACK = 400;

/**
 * The region's stored HJ 633 daily AQI (the BFF's indicator history, backfilled from the platform on first
 * start): the eco year to date counts it. Empty when the BFF runs without a store.
 */
export function storedDailyAqi(ctx: BuilderContext, regionCode: string) {
  return ctx.dynamic(
    `history.eco.aqi.daily:${regionCode}`,
    'env-monitor',
    ctx.timing.slowMs * 3,
    async () => {
      if (!ctx.history) return [];
      const from = beijingDateOf(Date.now() - STORED_DAYS_BACK * DAY_MS);
      const rows = await ctx.history.daily('eco.aqi', regionCode, from, '9999-12-31');
      return rows.map((r) => ({ date: r.day, aqi: r.value, complete: r.quality === 'complete' }));
    },
  );
}
