import type { IndicatorDefinition } from '@cockpit/contracts';
import { beijingDateOf } from '@cockpit/domain/eco';
import type { Hierarchy } from '../geo/hierarchy';
import type { DatasetRead } from '../indicators/dataset-cache';
import { unitsBy } from '../indicators/value-functions';
import type { DatasetUnits, EcoShares } from '../indicators/value-registry';
import {
  dailyAqi,
  mergeAir,
  noise,
  noiseNightShare,
  regionAirHours,
  stationsIn,
  waterComplianceShare,
  waterSections,
} from '../snapshots/eco/eco.compute';
import { type EcoSites, ecoDatasets, fetchChunked, NOISE_HISTORY_MS } from '../snapshots/eco/eco.data';
import { registryEvaluator } from '../snapshots/indicator-values';
import { parkingDatasets } from '../snapshots/parking/parking.builder';
import type { HistoryBundle } from '../snapshots/parking/parking.model';
import type { SnapshotService } from '../snapshots/service';
import type { DailyRecord, HourlyValue } from '../store/history';
import { hourKey } from '../store/history';
import { fetchHistory } from '../upstreams/county-services/adapter';
import { fetchIncidents } from '../upstreams/emergency-120/adapter';
import {
  type AirObservation,
  fetchNoiseHourly,
  type NoiseObservation,
  type WaterObservation,
} from '../upstreams/env-monitor/adapter';
import type { ParkingLotState } from '../upstreams/parking-platform/adapter';
import type { Upstreams } from '../upstreams/systems';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

type BackfillRow = HourlyValue & { hour: string };
type AirHistory = { latestMs: number | null; rows: AirObservation[] };

/**
 * The region's hourly AQI and PM2.5 and its HJ 633 daily AQI, from the environment platform's hourly
 * history (the eco cockpit's own 30-day dataset and computation). Hours are labelled by their END
 * upstream; they are stored at their start. A region without a station has no air history.
 */
export async function airHistory(
  snapshots: SnapshotService,
  hierarchy: Hierarchy,
): Promise<{ hours: BackfillRow[]; days: DailyRecord[]; status: DatasetRead<unknown>['status'] }> {
  const ds = ecoDatasets(snapshots.context);
  const reads = await snapshots.read([ds.sites, ds.airHistory, snapshots.context.datasets.air]);
  const sites = reads.get(ds.sites.id)!.value as { air: { code: string; villageCode: string }[] } | undefined;
  const historyRead = reads.get(ds.airHistory.id)! as DatasetRead<AirHistory>;
  const realtime = (reads.get(snapshots.context.datasets.air.id)!.value ?? []) as AirObservation[];
  const air = mergeAir(historyRead.value?.rows ?? [], realtime);
  const hours: BackfillRow[] = [];
  const days: DailyRecord[] = [];
  if (!sites || air.length === 0) return { hours, days, status: historyRead.status };
  // Each station's observations once, so a region reads only its own stations' (not the whole county's).
  const byStation = new Map<string, number[]>();
  air.forEach((o, i) => {
    const list = byStation.get(o.stationCode);
    if (list) list.push(i);
    else byStation.set(o.stationCode, [i]);
  });
  for (const region of hierarchy.regions.values()) {
    const codes = new Set(stationsIn(region.code, sites.air).map((s) => s.code));
    if (codes.size === 0) continue;
    // Background work: let requests in between regions.
    await new Promise((r) => setImmediate(r));
    // In the county list's order (the same means, summed in the same order).
    const own = [...codes]
      .flatMap((c) => byStation.get(c) ?? [])
      .sort((a, b) => a - b)
      .map((i) => air[i]!);
    const regionHours = regionAirHours(own, codes);
    for (const h of regionHours) {
      const hour = hourKey(Date.parse(h.at) - HOUR_MS);
      const base = { regionCode: region.code, hour, status: 'ok' as const };
      hours.push({ ...base, indicatorId: 'eco.aqi', value: h.reading?.aqi ?? null });
      hours.push({ ...base, indicatorId: 'eco.pm25', value: h.conc.pm25 });
    }
    const counted = new Map<string, number>();
    for (const h of regionHours) {
      const day = beijingDateOf(Date.parse(h.at) - HOUR_MS);
      counted.set(day, (counted.get(day) ?? 0) + (h.reading ? 1 : 0));
    }
    for (const d of dailyAqi(regionHours)) {
      days.push({
        indicatorId: 'eco.aqi',
        regionCode: region.code,
        day: d.date,
        value: d.aqi,
        min: null,
        max: null,
        hours: counted.get(d.date) ?? 0,
        // HJ 663: a day short of valid hours for a pollutant is not a valid evaluation day.
        quality: d.aqi === null ? 'empty' : d.complete ? 'complete' : 'partial',
        backfilled: true,
      });
    }
  }
  return { hours, days, status: historyRead.status };
}

/** County-services indicators with an hourly history upstream (its id → ours), and where it has them. */
const COUNTY_SERIES = [
  { upstream: 'traffic.congestionIndex', id: 'traffic.congestionIndex', townships: true },
  { upstream: 'urban.casesReportedToday', id: 'urban.casesReported', townships: true },
  { upstream: 'urban.casesClosedToday', id: 'urban.casesClosed', townships: true },
  { upstream: 'health.outpatientVisitsToday', id: 'health.outpatientVisits', townships: true },
  { upstream: 'tourism.visitorsToday', id: 'tourism.visitorsToday', townships: false },
  { upstream: 'tourism.spotFlow', id: 'tourism.spotFlow', townships: false },
] as const;

/**
 * The county statistics' hourly history (30 days upstream) for the county and its townships, plus the
 * closure rate derived from it the way the cockpit derives it (closed ÷ reported). Points are instants on
 * the hour; each is stored as its hour. Series the system does not answer are left out (logged by the caller).
 */
export async function countyHistory(
  upstreams: Upstreams,
  hierarchy: Hierarchy,
  stopped: () => boolean = () => false,
): Promise<{ rows: BackfillRow[]; failed: string[] }> {
  const client = upstreams['county-services'];
  const county = hierarchy.get('331023')!;
  // The system's clock is not ours: its latest point anchors the 30-day window.
  const latest = await fetchHistory(client, 'traffic.congestionIndex', county.code);
  const latestMs = Math.max(...latest.map((p) => Date.parse(p.at)));
  if (!Number.isFinite(latestMs)) return { rows: [], failed: ['county-services: no history'] };
  const range = {
    from: new Date(latestMs - 30 * DAY_MS + HOUR_MS).toISOString(),
    to: new Date(latestMs).toISOString(),
  };
  const rows: BackfillRow[] = [];
  const failed: string[] = [];
  const byKey = new Map<string, number | null>();
  for (const s of COUNTY_SERIES) {
    for (const region of s.townships ? [county.code, ...county.childCodes] : [county.code]) {
      if (stopped()) return { rows: [], failed: ['stopped'] };
      try {
        for (const p of await fetchHistory(client, s.upstream, region, range)) {
          const hour = hourKey(p.at);
          rows.push({ indicatorId: s.id, regionCode: region, hour, value: p.value, status: 'ok' });
          byKey.set(`${s.id}|${region}|${hour}`, p.value);
        }
      } catch (err) {
        failed.push(`${s.upstream}@${region}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  for (const [key, reported] of byKey) {
    const [id, region, hour] = key.split('|') as [string, string, string];
    if (id !== 'urban.casesReported') continue;
    const closed = byKey.get(`urban.casesClosed|${region}|${hour}`);
    if (closed === undefined) continue;
    rows.push({
      indicatorId: 'urban.closureRate',
      regionCode: region,
      hour,
      value: reported ? (closed ?? 0) / reported : null,
      status: 'ok',
    });
  }
  return { rows, failed };
}

/**
 * Every active, non-derived indicator computed from one dataset, at every region where it exists, as the
 * registry's value functions and the stored roll-up give it for the datasets as they stood at one hour.
 * Unknown values (null) are not stored: there is nothing to backfill.
 */
function valuesAt(
  hourMs: number,
  datasetId: string,
  definitions: readonly IndicatorDefinition[],
  hierarchy: Hierarchy,
  units: DatasetUnits,
): BackfillRow[] {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const evaluator = registryEvaluator(byId, (code) => hierarchy.get(code), units);
  const hour = hourKey(hourMs);
  const rows: BackfillRow[] = [];
  for (const d of definitions) {
    if (d.status !== 'active' || d.formula || d.source.dataset !== datasetId) continue;
    for (const region of hierarchy.regions.values()) {
      if (!d.levels.includes(region.level)) continue;
      const value = evaluator.value(d.id, region.code);
      if (value === undefined || value === null) continue;
      rows.push({ indicatorId: d.id, regionCode: region.code, hour, value, status: 'ok' });
    }
  }
  return rows;
}

/**
 * Parking occupancy from the platform's per-lot history (the parking cockpit's own 28-day dataset, 15-min
 * samples): at each whole hour every lot reported at, the lots dataset's indicators (berths, free,
 * occupied, occupancy rate) at every region, computed as the cockpit computes them. An hour some lot has no
 * sample at is left out (a sum over fewer lots would read as a dip). Hours from the current one on are the
 * live writer's.
 */
export async function parkingHistory(
  snapshots: SnapshotService,
  hierarchy: Hierarchy,
  stopped: () => boolean = () => false,
): Promise<{ rows: BackfillRow[]; status: DatasetRead<unknown>['status'] }> {
  const ctx = snapshots.context;
  const ds = parkingDatasets(ctx);
  const reads = await snapshots.read([ds.lots, ds.history]);
  const lots = reads.get(ds.lots.id)!.value as ParkingLotState[] | undefined;
  const historyRead = reads.get(ds.history.id)! as DatasetRead<HistoryBundle>;
  const bundle = historyRead.value;
  const rows: BackfillRow[] = [];
  if (!lots?.length || !bundle) return { rows, status: historyRead.status };
  const withHistory = lots.filter((l) => bundle.lots.has(l.lotId));
  const atHour = new Map<number, Map<string, { occupied: number; free: number }>>();
  for (const lot of withHistory)
    for (const s of bundle.lots.get(lot.lotId)!.samples) {
      if (s.at % HOUR_MS !== 0) continue;
      let m = atHour.get(s.at);
      if (!m) {
        m = new Map();
        atHour.set(s.at, m);
      }
      m.set(lot.lotId, s);
    }
  const currentHour = Math.floor(Math.max(...lots.map((l) => Date.parse(l.updatedAt))) / HOUR_MS) * HOUR_MS;
  const definitions = ctx.indicators.list();
  for (const [hourMs, samples] of [...atHour].sort((a, b) => a[0] - b[0])) {
    if (hourMs >= currentHour || samples.size < withHistory.length) continue;
    if (stopped()) return { rows: [], status: historyRead.status };
    const states = withHistory.map((l) => {
      const s = samples.get(l.lotId)!;
      return { ...l, berthOccupied: s.occupied, berthFree: s.free };
    });
    const units = { nowMs: hourMs, lots: unitsBy(states, (l) => l.villageCode) };
    rows.push(...valuesAt(hourMs, ds.lots.id, definitions, hierarchy, units));
    await new Promise((r) => setImmediate(r));
  }
  return { rows, status: historyRead.status };
}

/**
 * The 120 dispatch figures (cases under way, the medians of the last 24 h of calls, the golden-hour share)
 * at each hour of the last `days` days, from the dispatch system's incidents as they stood at that hour
 * (its `since`/`until` query: one request per hour), computed as the trauma cockpit computes them.
 */
export async function emergencyHistory(
  upstreams: Upstreams,
  snapshots: SnapshotService,
  hierarchy: Hierarchy,
  opts: { days?: number; stopped?: () => boolean } = {},
): Promise<{ rows: BackfillRow[]; failed: string[] }> {
  const client = upstreams['emergency-120'];
  const datasetId = snapshots.context.datasets.incidents.id;
  const definitions = snapshots.context.indicators.list();
  // The system's clock is not ours: its own "now" anchors the window.
  const { asOf } = await fetchIncidents(client);
  const last = Math.floor(asOf / HOUR_MS) * HOUR_MS;
  const rows: BackfillRow[] = [];
  const failed: string[] = [];
  for (let h = last - (opts.days ?? 7) * DAY_MS + HOUR_MS; h < last; h += HOUR_MS) {
    if (opts.stopped?.()) return { rows: [], failed: ['stopped'] };
    try {
      const { items } = await fetchIncidents(client, { sinceMs: h - DAY_MS, untilMs: h });
      const units = { nowMs: h, incidents: unitsBy(items, (i) => i.villageCode) };
      rows.push(...valuesAt(h, datasetId, definitions, hierarchy, units));
    } catch (err) {
      failed.push(`incidents@${hourKey(h)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { rows, failed };
}

/** The environment platform keeps 30 days of every series. */
const ENV_HISTORY_MS = 30 * DAY_MS;
const NO_SHARES: EcoShares = {
  goodDayShareMonth: null,
  goodDayShareYear: null,
  waterCompliance: null,
  noiseNightCompliance: null,
};

/** Rows sorted by time; `upTo(ms)` gives those at or before ms (a moving index: ask in increasing order). */
function timeline<T extends { at: string }>(rows: readonly T[]) {
  const sorted = [...rows].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const ms = sorted.map((r) => Date.parse(r.at));
  let end = 0;
  return {
    firstMs: ms[0],
    lastMs: ms.at(-1),
    /** Rows with at in (fromMs, toMs]. */
    between(fromMs: number, toMs: number): T[] {
      while (end < ms.length && ms[end]! <= toMs) end++;
      let start = end;
      while (start > 0 && ms[start - 1]! > fromMs) start--;
      return sorted.slice(start, end);
    },
  };
}

/**
 * 断面水质达标率 and 夜间噪声达标率 at each hour of the environment platform's 30 days, as the eco cockpit
 * would have computed them then: water from each section's latest sample at or before the hour (the eco
 * cockpit's own 30-day dataset; a section's class is its latest sample's), night noise from the hourly Leq of
 * the 7 days before the hour (the cockpit's noise window: the latest full night 22–06 per point, GB 3096),
 * fetched here over 30 days from `/env-monitor/noise/hourly`. Each value goes through the registry's value
 * functions at every region where it exists; a region without sections or points has none. Hours from the
 * platform's current one on are the live writer's.
 */
export async function waterNoiseHistory(
  upstreams: Upstreams,
  snapshots: SnapshotService,
  hierarchy: Hierarchy,
  stopped: () => boolean = () => false,
): Promise<{ rows: BackfillRow[]; failed: string[] }> {
  const ctx = snapshots.context;
  const ds = ecoDatasets(ctx);
  const reads = await snapshots.read([ds.sites, ds.water]);
  const sites = reads.get(ds.sites.id)!.value as EcoSites | undefined;
  const water = (reads.get(ds.water.id)!.value as { rows: WaterObservation[] } | undefined)?.rows ?? [];
  if (!sites) return { rows: [], failed: ['env-monitor: no site list'] };
  const failed: string[] = [];
  const env = upstreams['env-monitor'];
  let noiseRows: NoiseObservation[] = [];
  try {
    // The platform's clock is not ours: its latest hour anchors the window.
    const latestMs = Math.max(...(await fetchNoiseHourly(env)).map((r) => Date.parse(r.at)));
    if (Number.isFinite(latestMs)) {
      const fetched = await fetchChunked(
        (r) => fetchNoiseHourly(env, r),
        latestMs - ENV_HISTORY_MS + HOUR_MS,
        latestMs,
      );
      // Pieces meet at a time point that both may hold: one row per point and hour.
      noiseRows = [...new Map(fetched.map((r) => [`${r.pointCode}@${r.at}`, r])).values()];
    }
  } catch (err) {
    failed.push(`noise hourly: ${err instanceof Error ? err.message : String(err)}`);
  }
  const definitions = ctx.indicators.list();
  const rows: BackfillRow[] = [];
  const waterAll = timeline(water);
  const noiseAll = timeline(noiseRows);
  // The platform's latest time point (its hourly noise; water is sampled every 4 hours).
  const latestMs = Math.max(noiseAll.lastMs ?? -Infinity, waterAll.lastMs ?? -Infinity);
  const hoursFrom = (first: number | undefined) => {
    const out: number[] = [];
    if (first === undefined) return out;
    // From the first whole hour with data to the hour before the platform's latest (that one is live).
    for (
      let h = Math.ceil(first / HOUR_MS) * HOUR_MS;
      h < Math.floor(latestMs / HOUR_MS) * HOUR_MS;
      h += HOUR_MS
    )
      out.push(h);
    return out;
  };

  // Water: each section's latest sample with a reading at or before the hour.
  const sections = new Map(
    sites.water.map((s) => [
      s.code,
      timeline(
        water.filter(
          (o) =>
            o.sectionCode === s.code && [o.ph, o.do, o.codMn, o.nh3n, o.tp, o.tn].some((v) => v !== null),
        ),
      ),
    ]),
  );
  for (const h of hoursFrom(waterAll.firstMs)) {
    if (stopped()) return { rows: [], failed: ['stopped'] };
    const latest = [...sections.values()].flatMap((t) => t.between(-Infinity, h).slice(-1));
    // Each section's class is its own: assessed once for the county, each region takes its sections.
    const assessed = waterSections(sites.water, latest);
    const eco = (code: string): EcoShares => ({
      ...NO_SHARES,
      waterCompliance: waterComplianceShare(stationsIn(code, assessed)),
    });
    rows.push(...valuesAt(h, 'eco.water', definitions, hierarchy, { nowMs: h, eco }));
    await new Promise((r) => setImmediate(r));
  }

  // Night noise: the cockpit's 7-day window before each hour.
  for (const h of hoursFrom(noiseAll.firstMs)) {
    if (stopped()) return { rows: [], failed: ['stopped'] };
    // Each point's nights are its own: assessed once for the county, each region takes its points.
    const assessed = noise(sites.noise, noiseAll.between(h - NOISE_HISTORY_MS, h)).points;
    const eco = (code: string): EcoShares => ({
      ...NO_SHARES,
      noiseNightCompliance: noiseNightShare(stationsIn(code, assessed)),
    });
    rows.push(...valuesAt(h, 'eco.noise', definitions, hierarchy, { nowMs: h, eco }));
    await new Promise((r) => setImmediate(r));
  }
  return { rows, failed };
}
