import { beijingDateOf } from '@cockpit/domain/eco';
import type { Hierarchy } from '../geo/hierarchy';
import type { DatasetRead } from '../indicators/dataset-cache';
import { dailyAqi, mergeAir, regionAirHours, stationsIn } from '../snapshots/eco/eco.compute';
import { ecoDatasets } from '../snapshots/eco/eco.data';
import type { SnapshotService } from '../snapshots/service';
import type { DailyRecord, HourlyValue } from '../store/history';
import { hourKey } from '../store/history';
import { fetchHistory } from '../upstreams/county-services/adapter';
import type { AirObservation } from '../upstreams/env-monitor/adapter';
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
  for (const region of hierarchy.regions.values()) {
    const codes = new Set(stationsIn(region.code, sites.air).map((s) => s.code));
    if (codes.size === 0) continue;
    // Background work: let requests in between regions.
    await new Promise((r) => setImmediate(r));
    const regionHours = regionAirHours(air, codes);
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
