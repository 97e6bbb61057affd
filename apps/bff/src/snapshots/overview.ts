import type {
  Alarm,
  Breakdown,
  DepartmentSummary,
  IndicatorValue,
  OverviewSnapshot,
  Series,
  SourceStatus,
} from '@cockpit/contracts';
import type { Region } from '../geo/hierarchy';
import type { DatasetRead } from '../indicators/dataset-cache';
import type { IndicatorId } from '../indicators/registry';
import { inRegion, rollup } from '../indicators/rollup';
import type {
  HospitalActivity,
  ScenicSpot,
  Timed,
  TownshipCases,
  TownshipCongestion,
} from '../upstreams/county-services/adapter';
import { fetchHistory } from '../upstreams/county-services/adapter';
import type { Incident } from '../upstreams/emergency-120/adapter';
import type { AirObservation } from '../upstreams/env-monitor/adapter';
import type { ParkingLotState } from '../upstreams/parking-platform/adapter';
import type { SystemId } from '../upstreams/systems';
import { type BuilderContext, readOf, type ThemeBuilder } from './builder';
import { hourlyReading, meanConcentrations } from './eco/eco.compute';
import { indicatorValue, median, sourceStatus } from './values';

export type OverviewReads = {
  lots: DatasetRead<ParkingLotState[]>;
  incidents: DatasetRead<{ asOf: number; items: Incident[] }>;
  air: DatasetRead<AirObservation[]>;
  spots: DatasetRead<Timed<ScenicSpot>>;
  cases: DatasetRead<Timed<TownshipCases>>;
  hospitals: DatasetRead<Timed<HospitalActivity>>;
  congestion: DatasetRead<Timed<TownshipCongestion>>;
};

const ACTIVE = new Set<Incident['status']>(['pending', 'dispatched', 'on_scene', 'transporting']);
const DAY_MS = 24 * 3600_000;

/** The values of every overview indicator for one region, from the units inside it. */
export function regionValues(
  code: string,
  reads: OverviewReads,
): Partial<Record<IndicatorId, number | null>> {
  const lots = (reads.lots.value ?? []).filter((l) => inRegion(code, l.villageCode));
  const spots = (reads.spots.value?.items ?? []).filter((s) => inRegion(code, s.villageCode));
  const hospitals = (reads.hospitals.value?.items ?? []).filter((h) => inRegion(code, h.villageCode));
  const towns = (code.length <= 9 ? (reads.cases.value?.items ?? []) : []).filter((t) =>
    inRegion(code, t.townshipCode),
  );
  const congestion = (code.length <= 9 ? (reads.congestion.value?.items ?? []) : []).filter((t) =>
    inRegion(code, t.townshipCode),
  );
  const incidents = (reads.incidents.value?.items ?? []).filter((i) => inRegion(code, i.villageCode));
  const nowMs = reads.incidents.value?.asOf ?? Date.now();

  const sum = (xs: number[]) =>
    rollup(
      'sum',
      xs.map((value) => ({ value })),
    );
  const total = sum(lots.map((l) => l.berthTotal));
  const occupied = sum(lots.map((l) => l.berthOccupied));
  const reported = sum(towns.map((t) => t.reported));
  const closed = sum(towns.map((t) => t.closed));
  const responses = incidents
    .filter((i) => i.calledAt >= nowMs - DAY_MS && i.dispatchedAt !== null && i.arrivedSceneAt !== null)
    .map((i) => (i.arrivedSceneAt! - i.dispatchedAt!) / 60_000);

  return {
    'traffic.congestionIndex': rollup(
      'mean',
      congestion.map((c) => ({ value: c.index })),
    ),
    'parking.berthTotal': total,
    'parking.freeBerths': sum(lots.map((l) => l.berthFree)),
    'parking.occupancyRate': total ? (occupied ?? 0) / total : null,
    'urban.casesReported': reported,
    'urban.casesClosed': closed,
    'urban.closureRate': reported ? (closed ?? 0) / reported : null,
    'health.outpatientVisits': sum(hospitals.map((h) => h.outpatientVisitsToday)),
    'health.edLoad': rollup(
      'mean',
      hospitals.map((h) => ({ value: h.edLoad })),
    ),
    'tourism.visitorsToday': sum(spots.map((s) => s.visitorsToday)),
    'tourism.spotFlow': sum(spots.map((s) => s.currentFlow)),
    'trauma.activeCases': reads.incidents.value ? incidents.filter((i) => ACTIVE.has(i.status)).length : null,
    'trauma.medianResponseMinutes': median(responses),
    'eco.aqi': regionAqi(code, reads.air.value ?? [])?.aqi ?? null,
  };
}

/**
 * HJ 633 hourly AQI from the mean concentration of each pollutant over the region's stations, computed the
 * same way as the eco cockpit (means rounded to published precision first), so both show the same figure.
 */
export function regionAqi(code: string, air: readonly AirObservation[]) {
  const stations = air.filter((a) => inRegion(code, a.villageCode));
  if (stations.length === 0) return null;
  return hourlyReading(meanConcentrations(stations));
}

type Sources = { [K in IndicatorId]?: keyof OverviewReads };
const SOURCE_OF: Sources = {
  'traffic.congestionIndex': 'congestion',
  'parking.berthTotal': 'lots',
  'parking.freeBerths': 'lots',
  'parking.occupancyRate': 'lots',
  'urban.casesReported': 'cases',
  'urban.casesClosed': 'cases',
  'urban.closureRate': 'cases',
  'health.outpatientVisits': 'hospitals',
  'health.edLoad': 'hospitals',
  'tourism.visitorsToday': 'spots',
  'tourism.spotFlow': 'spots',
  'trauma.activeCases': 'incidents',
  'trauma.medianResponseMinutes': 'incidents',
  'eco.aqi': 'air',
};

function observedAt(key: keyof OverviewReads, reads: OverviewReads): string | undefined {
  const v = reads[key].value as unknown;
  if (!v) return undefined;
  if (key === 'incidents') return new Date((v as { asOf: number }).asOf).toISOString();
  if (key === 'lots') return latest((v as ParkingLotState[]).map((l) => l.updatedAt));
  if (key === 'air') return latest((v as AirObservation[]).map((a) => a.at));
  return (v as { asOf: string }).asOf;
}

/** The latest of ISO 8601 UTC instants (they sort as text). */
const latest = (isos: string[]) => [...isos].sort().at(-1);

const OVERVIEW_IDS: IndicatorId[] = [
  'traffic.congestionIndex',
  'parking.freeBerths',
  'parking.occupancyRate',
  'urban.casesReported',
  'urban.casesClosed',
  'urban.closureRate',
  'health.outpatientVisits',
  'health.edLoad',
  'tourism.visitorsToday',
  'tourism.spotFlow',
];
const BREAKDOWN_IDS: IndicatorId[] = [
  'parking.freeBerths',
  'tourism.visitorsToday',
  'urban.casesReported',
  'health.outpatientVisits',
  'traffic.congestionIndex',
];

export function buildOverview(input: {
  region: Region;
  children: readonly Region[];
  /** For a village: its township and the township's villages, to rank it among them. */
  parent?: Region | undefined;
  siblings?: readonly Region[];
  reads: OverviewReads;
  series: Series[];
  now: number;
}): OverviewSnapshot {
  const { region, children, reads } = input;
  const values = regionValues(region.code, reads);
  const ind = (id: IndicatorId): IndicatorValue | null => {
    const key = SOURCE_OF[id]!;
    const value = values[id];
    if (value === undefined) return null;
    return indicatorValue(id, value, reads[key], observedAt(key, reads));
  };
  const levelHas = (id: IndicatorId) =>
    region.level !== 'village' || (!id.startsWith('urban.') && id !== 'traffic.congestionIndex');

  const indicators = OVERVIEW_IDS.filter(levelHas).flatMap((id) => ind(id) ?? []);
  // A village (no children) is ranked among its township's villages, and the breakdown names the township.
  const ranked = children.length ? children : (input.siblings ?? []);
  const parent = children.length ? undefined : input.parent;
  const breakdowns: Breakdown[] = ranked.length
    ? BREAKDOWN_IDS.filter((id) => ranked[0]!.level !== 'village' || levelHas(id)).map((id) => ({
        indicatorId: id,
        unit: ind(id)?.unit ?? '',
        children: ranked.map((c) => ({
          regionCode: c.code,
          name: c.name,
          value: roundOrNull(regionValues(c.code, reads)[id] ?? null),
        })),
        ...(parent ? { regionCode: parent.code, regionName: parent.name } : {}),
      }))
    : [];

  const aqi = regionAqi(region.code, reads.air.value ?? []);
  const busiest = (reads.lots.value ?? [])
    .filter((l) => inRegion(region.code, l.villageCode) && l.berthTotal > 0)
    .sort((a, b) => b.berthOccupied / b.berthTotal - a.berthOccupied / a.berthTotal)[0];
  const summaries: DepartmentSummary[] = [
    {
      theme: 'parking',
      headline: ind('parking.freeBerths')!,
      secondary: [ind('parking.occupancyRate')!],
      note: busiest
        ? {
            zh: `最繁忙：${busiest.name}（${Math.round((busiest.berthOccupied / busiest.berthTotal) * 100)}%）`,
            en: `Busiest: ${busiest.name} (${Math.round((busiest.berthOccupied / busiest.berthTotal) * 100)}%)`,
          }
        : null,
    },
    {
      theme: 'trauma',
      headline: ind('trauma.activeCases')!,
      secondary: [ind('trauma.medianResponseMinutes')!],
      note: null,
    },
    {
      theme: 'eco',
      headline: ind('eco.aqi')!,
      secondary: [],
      note: aqi
        ? {
            zh: `${aqi.category}${aqi.primary.length ? `，首要污染物 ${aqi.primary.map(pollutantLabel).join('、')}` : ''}`,
            en: `${aqi.categoryEn}${aqi.primary.length ? `, primary pollutant ${aqi.primary.map(pollutantLabel).join(', ')}` : ''}`,
          }
        : null,
    },
  ];

  return {
    theme: 'overview',
    regionCode: region.code,
    level: region.level,
    generatedAt: new Date(input.now).toISOString(),
    indicators,
    series: input.series,
    breakdowns,
    sources: [
      sourceStatus('county-services', [reads.spots, reads.cases, reads.hospitals, reads.congestion]),
      sourceStatus('parking-platform', [reads.lots]),
      sourceStatus('emergency-120', [reads.incidents]),
      sourceStatus('env-monitor', [reads.air]),
    ],
    summaries,
    alarms: overviewAlarms(region.code, values),
  };
}

const POLLUTANT_LABELS: Record<string, string> = {
  pm25: 'PM2.5',
  pm10: 'PM10',
  so2: 'SO₂',
  no2: 'NO₂',
  co: 'CO',
  o3_1h: 'O₃',
  o3_8h: 'O₃-8h',
};
const pollutantLabel = (p: string) => POLLUTANT_LABELS[p] ?? p;

function roundOrNull(v: number | null): number | null {
  return v === null ? null : Math.round(v * 10000) / 10000;
}

function overviewAlarms(code: string, values: Partial<Record<IndicatorId, number | null>>): Alarm[] {
  const alarms: Alarm[] = [];
  const ed = values['health.edLoad'];
  if (ed != null && ed >= 0.85) {
    alarms.push({
      id: `ED_LOAD:${code}`,
      kind: 'ED_LOAD',
      severity: ed >= 0.95 ? 'alarm' : 'warning',
      title: { zh: `急诊负荷 ${Math.round(ed * 100)}%`, en: `ED load ${Math.round(ed * 100)}%` },
      regionCode: code,
      entityId: null,
      since: null,
      system: 'county-services',
    });
  }
  const cong = values['traffic.congestionIndex'];
  if (cong != null && cong >= 2.5) {
    alarms.push({
      id: `CONGESTION:${code}`,
      kind: 'CONGESTION',
      severity: cong >= 3.5 ? 'alarm' : 'warning',
      title: { zh: `交通拥堵指数 ${cong.toFixed(1)}`, en: `Congestion index ${cong.toFixed(1)}` },
      regionCode: code,
      entityId: null,
      since: null,
      system: 'county-services',
    });
  }
  const occ = values['parking.occupancyRate'];
  if (occ != null && occ >= 0.85) {
    alarms.push({
      id: `PARKING_BUSY:${code}`,
      kind: 'PARKING_BUSY',
      severity: occ >= 0.95 ? 'alarm' : 'warning',
      title: {
        zh: `泊位占用率 ${(occ * 100).toFixed(1)}%`,
        en: `Parking occupancy ${(occ * 100).toFixed(1)}%`,
      },
      regionCode: code,
      entityId: null,
      since: null,
      system: 'parking-platform',
    });
  }
  return alarms;
}

const SERIES_IDS = [
  { indicatorId: 'traffic.congestionIndex', unit: '' },
  { indicatorId: 'health.outpatientVisitsToday', unit: '人次', as: 'health.outpatientVisits' },
] as const;

function seriesDataset(ctx: BuilderContext, indicatorId: string, region: string) {
  const client = ctx.upstreams['county-services'];
  return ctx.dynamic(
    `county.history:${indicatorId}:${region}`,
    'county-services',
    ctx.timing.slowMs * 5,
    () => fetchHistory(client, indicatorId, region),
  );
}

const seriesRegion = (region: Region) => (region.level === 'village' ? region.parentCode! : region.code);

export const overviewBuilder: ThemeBuilder = {
  theme: 'overview',
  datasets: (ctx, region) => [
    ...Object.values(ctx.datasets),
    ...SERIES_IDS.map((s) => seriesDataset(ctx, s.indicatorId, seriesRegion(region))),
  ],
  build: (ctx, region, reads, now) => {
    const d = ctx.datasets;
    const overviewReads: OverviewReads = {
      lots: readOf(reads, d.lots),
      incidents: readOf(reads, d.incidents),
      air: readOf(reads, d.air),
      spots: readOf(reads, d.spots),
      cases: readOf(reads, d.cases),
      hospitals: readOf(reads, d.hospitals),
      congestion: readOf(reads, d.congestion),
    };
    // A village has no series of its own: it is shown its township's, and the series says whose it is.
    const owner = ctx.hierarchy.get(seriesRegion(region))!;
    const series: Series[] = SERIES_IDS.map((s) => {
      const read = readOf(reads, seriesDataset(ctx, s.indicatorId, owner.code));
      return {
        indicatorId: 'as' in s ? s.as : s.indicatorId,
        unit: s.unit,
        points: read.value ?? [],
        status: read.status,
        ...(owner.code === region.code ? {} : { regionCode: owner.code, regionName: owner.name }),
      };
    });
    const children = region.childCodes.map((c) => ctx.hierarchy.get(c)!);
    const parent = region.level === 'village' ? ctx.hierarchy.get(region.parentCode!) : undefined;
    const siblings = parent?.childCodes.map((c) => ctx.hierarchy.get(c)!) ?? [];
    return buildOverview({ region, children, parent, siblings, reads: overviewReads, series, now });
  },
};

/** What the overview rolls up from one department cockpit's snapshot of the same region. */
export type DepartmentAlarms = {
  theme: 'parking' | 'trauma' | 'eco';
  alarms: readonly Alarm[];
  sources: readonly SourceStatus[];
};

const THEME_SYSTEM: Record<DepartmentAlarms['theme'], SystemId> = {
  parking: 'parking-platform',
  trauma: 'emergency-120',
  eco: 'env-monitor',
};
const STATUS_RANK = { ok: 0, stale: 1, error: 2 } as const;

/**
 * The overview's 告警: its own alarms, every department cockpit's alarms for the region (tagged with the
 * cockpit and the system they come from) and one alarm per department system that is late or down. A
 * system is down (中断, alarm) when its last refresh failed or it never answered; late (延迟, warning) when
 * its data is older than the freshness target although it answers. Sources are merged per system, worst
 * status first, so a dataset only a department cockpit reads still shows on the overview. Sorted: alarms
 * before warnings, then the longest-standing first.
 */
export function rollupAlarms(
  overview: Pick<OverviewSnapshot, 'alarms' | 'sources'>,
  departments: readonly DepartmentAlarms[],
): Pick<OverviewSnapshot, 'alarms' | 'sources'> {
  const sources = new Map<string, SourceStatus>();
  for (const s of [...overview.sources, ...departments.flatMap((d) => d.sources)]) {
    const seen = sources.get(s.system);
    if (!seen) sources.set(s.system, s);
    else if (STATUS_RANK[s.status] > STATUS_RANK[seen.status]) sources.set(s.system, { ...s });
  }
  const outages: Alarm[] = [...sources.values()]
    .filter((s) => s.status !== 'ok')
    .map((s) => {
      const down = s.status === 'error' || s.error !== undefined;
      return {
        id: `SOURCE_${down ? 'DOWN' : 'LATE'}:${s.system}`,
        kind: down ? 'SOURCE_DOWN' : 'SOURCE_LATE',
        severity: down ? 'alarm' : 'warning',
        title: down
          ? { zh: `${s.name.zh} 数据中断`, en: `${s.name.en}: data down` }
          : { zh: `${s.name.zh} 数据延迟`, en: `${s.name.en}: data late` },
        regionCode: null,
        entityId: s.system,
        since: s.lastGoodAt,
        system: s.system,
      };
    });
  const own = overview.alarms.map((a) => ({ ...a, theme: 'overview' as const }));
  const rolled = departments.flatMap((d) =>
    d.alarms.map((a) => ({ ...a, theme: d.theme, system: a.system ?? THEME_SYSTEM[d.theme] })),
  );
  const byId = new Map<string, Alarm>();
  for (const a of [...outages, ...own, ...rolled]) if (!byId.has(a.id)) byId.set(a.id, a);
  const alarms = [...byId.values()].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'alarm' ? -1 : 1) ||
      (a.since ?? '\uffff').localeCompare(b.since ?? '\uffff') ||
      a.id.localeCompare(b.id),
  );
  return { alarms, sources: overview.sources.map((s) => sources.get(s.system) ?? s) };
}
