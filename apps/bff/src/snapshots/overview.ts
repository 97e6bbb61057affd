import type {
  Alarm,
  Breakdown,
  DepartmentSummary,
  IndicatorDefinition,
  IndicatorValue,
  OverviewSnapshot,
  Series,
  SourceStatus,
} from '@cockpit/contracts';
import { thresholdBandOf } from '@cockpit/contracts';
import type { Region } from '../geo/hierarchy';
import type { DatasetRead } from '../indicators/dataset-cache';
import type { IndicatorId } from '../indicators/registry';
import { inRegion } from '../indicators/rollup';
import { latestIso, unitsBy } from '../indicators/value-functions';
import { airNowFrom, type DatasetUnits, regionAqi } from '../indicators/value-registry';
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
import { airHost, parkingReason, traumaReason } from './department-reasons';
import { indicatorValues } from './indicator-values';
import { sourceStatus, valueWithUnit } from './values';

export type OverviewReads = {
  lots: DatasetRead<ParkingLotState[]>;
  incidents: DatasetRead<{ asOf: number; items: Incident[] }>;
  air: DatasetRead<AirObservation[]>;
  spots: DatasetRead<Timed<ScenicSpot>>;
  cases: DatasetRead<Timed<TownshipCases>>;
  hospitals: DatasetRead<Timed<HospitalActivity>>;
  congestion: DatasetRead<Timed<TownshipCongestion>>;
};

/** The county-wide datasets indexed by unit, for the value functions (indicators/value-registry.ts). */
export function overviewUnits(reads: OverviewReads): DatasetUnits {
  return {
    lots: unitsBy(reads.lots.value, (l) => l.villageCode),
    spots: unitsBy(reads.spots.value?.items, (s) => s.villageCode),
    hospitals: unitsBy(reads.hospitals.value?.items, (h) => h.villageCode),
    cases: unitsBy(reads.cases.value?.items, (t) => t.townshipCode),
    congestion: unitsBy(reads.congestion.value?.items, (t) => t.townshipCode),
    incidents: reads.incidents.value ? unitsBy(reads.incidents.value.items, (i) => i.villageCode) : undefined,
    airNow: airNowFrom(reads.air.value ?? []),
    nowMs: reads.incidents.value?.asOf ?? Date.now(),
  };
}

/** When the upstream observed a dataset's value (ISO 8601 UTC), by dataset id. */
function observedAt(datasetId: string, read: DatasetRead<unknown> | undefined): string | undefined {
  const v = read?.value as unknown;
  if (!v) return undefined;
  if (datasetId === 'emergency.incidents') return new Date((v as { asOf: number }).asOf).toISOString();
  if (datasetId === 'parking.lots') return latestIso((v as ParkingLotState[]).map((l) => l.updatedAt));
  if (datasetId === 'env.airRealtime') return latestIso((v as AirObservation[]).map((a) => a.at));
  return (v as { asOf?: string }).asOf;
}

/** The rankings the overview shows (its presentation choice; each exists where its definition says). */
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
  /** Any region by code (the roll-up walks down to the villages). */
  regionOf: (code: string) => Region | undefined;
  /** The stored indicator definitions, in catalogue order. */
  definitions: readonly IndicatorDefinition[];
  reads: OverviewReads;
  /** The same reads by dataset id: a definition names its dataset (source.dataset). */
  readsByDataset: ReadonlyMap<string, DatasetRead<unknown>>;
  series: Series[];
  now: number;
}): OverviewSnapshot {
  const { region, children, reads } = input;
  const defs = new Map(input.definitions.map((d) => [d.id, d]));
  const values = indicatorValues({
    definitions: input.definitions,
    regionOf: input.regionOf,
    units: overviewUnits(reads),
    reads: input.readsByDataset,
    observedAt,
  });
  const byDataset = input.readsByDataset;
  const ind = (id: string, code = region.code): IndicatorValue | null => values.indicator(id, code);
  const valueAt = (id: string, code = region.code) => values.valueAt(id, code);
  const observedOnce = (datasetId: string, read: DatasetRead<unknown> | undefined) =>
    read ? observedAt(datasetId, read) : undefined;

  // Every active indicator the overview's datasets can give at this level, in catalogue order.
  const indicators = input.definitions.flatMap((d) => (d.status === 'active' ? (ind(d.id) ?? []) : []));
  // A village (no children) is ranked among its township's villages, and the breakdown names the township.
  const ranked = children.length ? children : (input.siblings ?? []);
  const parent = children.length ? undefined : input.parent;
  const breakdowns: Breakdown[] = ranked.length
    ? BREAKDOWN_IDS.flatMap((id) => {
        const d = defs.get(id);
        if (!d || d.status !== 'active' || !d.levels.includes(ranked[0]!.level)) return [];
        return [
          {
            indicatorId: id,
            unit: d.unit,
            children: ranked.map((c) => ({
              regionCode: c.code,
              name: c.name,
              value: roundOrNull(valueAt(id, c.code)),
            })),
            ...(parent ? { regionCode: parent.code, regionName: parent.name } : {}),
          },
        ];
      })
    : [];

  // The department tiles always carry their figures, whatever a definition's status or levels say.
  const tile = (id: IndicatorId, datasetId: string, code = region.code): IndicatorValue =>
    ind(id, code) ??
    valueWithUnit(
      id,
      defs.get(id)?.unit ?? '',
      null,
      byDataset.get(datasetId)!,
      observedOnce(datasetId, byDataset.get(datasetId)),
    );
  // A region without a station of its own is shown the nearest enclosing region's air, named as such.
  const air = airHost(
    region,
    reads.air.value?.map((a) => a.villageCode),
    input.regionOf,
  );
  const airCode = air?.host.code ?? region.code;
  const aqi = regionAqi(airCode, reads.air.value ?? []);
  const response = tile('trauma.medianResponseMinutes', 'emergency.incidents');
  const busiest = (reads.lots.value ?? [])
    .filter((l) => inRegion(region.code, l.villageCode) && l.berthTotal > 0)
    .sort((a, b) => b.berthOccupied / b.berthTotal - a.berthOccupied / a.berthTotal)[0];
  const summaries: DepartmentSummary[] = [
    {
      theme: 'parking',
      headline: tile('parking.freeBerths', 'parking.lots'),
      secondary: [tile('parking.occupancyRate', 'parking.lots')],
      note: busiest
        ? {
            zh: `最繁忙：${busiest.name}（${Math.round((busiest.berthOccupied / busiest.berthTotal) * 100)}%）`,
            en: `Busiest: ${busiest.name} (${Math.round((busiest.berthOccupied / busiest.berthTotal) * 100)}%)`,
          }
        : null,
      reason: parkingReason(region, reads.lots.value),
    },
    {
      theme: 'trauma',
      headline: tile('trauma.activeCases', 'emergency.incidents'),
      secondary: [response],
      note: null,
      reason: traumaReason(
        region,
        reads.incidents.value?.items,
        reads.incidents.value?.asOf ?? input.now,
        response.value !== null,
      ),
    },
    {
      theme: 'eco',
      headline: tile('eco.aqi', 'env.airRealtime', airCode),
      secondary: [],
      reason: air?.reason ?? null,
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
    alarms: overviewAlarms(region.code, (id) => defs.get(id), valueAt),
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

function overviewAlarms(
  code: string,
  definition: (id: string) => IndicatorDefinition | undefined,
  valueAt: (id: string) => number | null,
): Alarm[] {
  const alarms: Alarm[] = [];
  const check = (id: IndicatorId) => {
    const value = valueAt(id);
    const severity = thresholdBandOf(definition(id), value);
    return severity && value !== null ? { severity, value } : null;
  };
  const ed = check('health.edLoad');
  if (ed) {
    alarms.push({
      id: `ED_LOAD:${code}`,
      kind: 'ED_LOAD',
      severity: ed.severity,
      title: { zh: `急诊负荷 ${Math.round(ed.value * 100)}%`, en: `ED load ${Math.round(ed.value * 100)}%` },
      regionCode: code,
      entityId: null,
      since: null,
      system: 'county-services',
    });
  }
  const cong = check('traffic.congestionIndex');
  if (cong) {
    alarms.push({
      id: `CONGESTION:${code}`,
      kind: 'CONGESTION',
      severity: cong.severity,
      title: {
        zh: `交通拥堵指数 ${cong.value.toFixed(1)}`,
        en: `Congestion index ${cong.value.toFixed(1)}`,
      },
      regionCode: code,
      entityId: null,
      since: null,
      system: 'county-services',
    });
  }
  const occ = check('parking.occupancyRate');
  if (occ) {
    alarms.push({
      id: `PARKING_BUSY:${code}`,
      kind: 'PARKING_BUSY',
      severity: occ.severity,
      title: {
        zh: `泊位占用率 ${(occ.value * 100).toFixed(1)}%`,
        en: `Parking occupancy ${(occ.value * 100).toFixed(1)}%`,
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

function overviewReadsOf(
  ctx: BuilderContext,
  reads: ReadonlyMap<string, DatasetRead<unknown>>,
): OverviewReads {
  const d = ctx.datasets;
  return {
    lots: readOf(reads, d.lots),
    incidents: readOf(reads, d.incidents),
    air: readOf(reads, d.air),
    spots: readOf(reads, d.spots),
    cases: readOf(reads, d.cases),
    hospitals: readOf(reads, d.hospitals),
    congestion: readOf(reads, d.congestion),
  };
}

export const overviewBuilder: ThemeBuilder = {
  theme: 'overview',
  valueInputs: async (ctx, read) => {
    const reads = await read(Object.values(ctx.datasets));
    return { units: overviewUnits(overviewReadsOf(ctx, reads)), reads, observedAt };
  },
  datasets: (ctx, region) => [
    ...Object.values(ctx.datasets),
    ...SERIES_IDS.map((s) => seriesDataset(ctx, s.indicatorId, seriesRegion(region))),
  ],
  build: (ctx, region, reads, now) => {
    const overviewReads = overviewReadsOf(ctx, reads);
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
    return buildOverview({
      region,
      children,
      parent,
      siblings,
      regionOf: (code) => ctx.hierarchy.get(code),
      definitions: ctx.indicators.list(),
      reads: overviewReads,
      readsByDataset: reads,
      series,
      now,
    });
  },
};

/** What the overview rolls up from one department cockpit's snapshot of the same region. */
export type DepartmentAlarms = {
  theme: 'parking' | 'trauma' | 'eco' | 'grassroots';
  alarms: readonly Alarm[];
  sources: readonly SourceStatus[];
};

const THEME_SYSTEM: Record<DepartmentAlarms['theme'], SystemId> = {
  parking: 'parking-platform',
  trauma: 'emergency-120',
  eco: 'env-monitor',
  grassroots: 'grassroots',
};
const STATUS_RANK = { ok: 0, stale: 1, error: 2 } as const;

/**
 * The overview's 告警: its own alarms, every department cockpit's alarms for the region (tagged with the
 * cockpit and the system they come from) and one alarm per department system that is late or down. A
 * system is down (中断, alarm) when its last refresh failed or it never answered; late (延迟, warning) when
 * its data is older than the freshness target although it answers. Sources are merged per system, worst
 * status first, so a dataset only a department cockpit reads still shows on the overview. Sorted: outages
 * (down, then late) first, then alarms
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
  // A department system that is down or late comes first: it says which figures on the screen to distrust.
  const outageFirst = (a: Alarm) => (a.kind === 'SOURCE_DOWN' ? 0 : a.kind === 'SOURCE_LATE' ? 1 : 2);
  const alarms = [...byId.values()].sort(
    (a, b) =>
      outageFirst(a) - outageFirst(b) ||
      (a.severity === b.severity ? 0 : a.severity === 'alarm' ? -1 : 1) ||
      (a.since ?? '\uffff').localeCompare(b.since ?? '\uffff') ||
      a.id.localeCompare(b.id),
  );
  return { alarms, sources: overview.sources.map((s) => sources.get(s.system) ?? s) };
}
