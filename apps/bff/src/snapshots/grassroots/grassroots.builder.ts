import type {
  Alarm,
  Breakdown,
  GrassrootsPart,
  GrassrootsSnapshot,
  IndicatorDefinition,
  IndicatorValue,
  Localized,
  Series,
} from '@cockpit/contracts';
import { GRASSROOTS_EVENT_TYPES, GRASSROOTS_STAGES } from '@cockpit/contracts';
import { isOverdueOpen } from '@cockpit/domain/grassroots';
import { haversineM } from '@cockpit/domain/routing';
import { beijingDateKey, beijingMidnight } from '@cockpit/domain/time';
import type { Region } from '../../geo/hierarchy';
import type { Dataset, DatasetRead } from '../../indicators/dataset-cache';
import {
  GRASSROOTS_VALUES,
  GRASSROOTS_WINDOW_MS,
  grassrootsUnits,
  gridEventOf,
} from '../../indicators/grassroots-values';
import { createEvaluator, inRegion } from '../../indicators/rollup';
import { directValues } from '../../indicators/value-functions';
import type { EmergencyHospital, Station } from '../../upstreams/emergency-120/adapter';
import { fetchEmergencyHospitals, fetchStations } from '../../upstreams/emergency-120/adapter';
import type {
  DeviceCount,
  FarmScanDay,
  FloodPointRow,
  GrassrootsEvent,
  Grid,
  HomestayDay,
  Patrol,
  ServicePoint,
  Timed,
  VillageBasicsRow,
} from '../../upstreams/grassroots/adapter';
import type { ParkingLotState } from '../../upstreams/parking-platform/adapter';
import { type BuilderContext, readOf, type ThemeBuilder } from '../builder';
import { sourceStatus, valueWithUnit } from '../values';
import { grassrootsDatasets } from './grassroots.data';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export type GrassrootsReads = {
  events: DatasetRead<Timed<GrassrootsEvent>>;
  grids: DatasetRead<Timed<Grid>>;
  patrols: DatasetRead<Timed<Patrol>>;
  basics: DatasetRead<Timed<VillageBasicsRow>>;
  homestays: DatasetRead<Timed<HomestayDay>>;
  farm: DatasetRead<Timed<FarmScanDay>>;
  servicePoints: DatasetRead<Timed<ServicePoint>>;
  devices: DatasetRead<Timed<DeviceCount>>;
  flood: DatasetRead<Timed<FloodPointRow>>;
  /** Village level only: other systems' places, for the nearest ones. */
  lots?: DatasetRead<ParkingLotState[]> | undefined;
  stations?: DatasetRead<{ asOf: number; items: Station[] }> | undefined;
  hospitals?: DatasetRead<{ asOf: number; items: EmergencyHospital[] }> | undefined;
};

/** The indicators the children (or a village's siblings) are ranked by, and the parent ranks shown. */
const RANKED = [
  'grassroots.onTimeRate',
  'grassroots.closureRate',
  'grassroots.eventsOverdue',
  'grassroots.villageSettlementRate',
  'grassroots.patrolCoverage',
  'grassroots.devicesOnlineRate',
  'grassroots.homestayOccupancy',
  'grassroots.collectiveIncome',
] as const;

const DEVICE_NAMES: Record<DeviceCount['kind'], Localized> = {
  camera: { zh: '视频监控', en: 'Cameras' },
  waterGauge: { zh: '水位计', en: 'Water gauges' },
  smoke: { zh: '烟感', en: 'Smoke sensors' },
  other: { zh: '其他', en: 'Other' },
};
const PRODUCT_EN: Record<string, string> = {
  TTHC: 'Tiantai yellow tea',
  TTWY: 'Tiantai lindera root (wuyao)',
  HDYW: 'Huading cloud-mist tea',
  TTMJ: 'Tiantai mandarin',
  TTHT: 'Tiantai brown sugar',
};
const TYPE_ZH: Record<string, string> = {
  dispute: '矛盾纠纷',
  safety: '安全隐患',
  sanitation: '环境卫生',
  livelihood: '民生诉求',
  petition: '信访',
  fire: '消防',
  flood: '防汛',
  other: '其他',
};

const within = (code: string) => (x: { villageCode: string }) => inRegion(code, x.villageCode);
const cap = <T>(xs: T[], n: number) => xs.slice(0, n);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** The grassroots snapshot of one region, pure. */
export function buildGrassroots(input: {
  region: Region;
  children: readonly Region[];
  parent?: Region | undefined;
  siblings: readonly Region[];
  regionOf: (code: string) => Region | undefined;
  definitions: readonly IndicatorDefinition[];
  reads: GrassrootsReads;
  now: number;
}): GrassrootsSnapshot {
  const { region, reads } = input;
  const code = region.code;
  const inside = within(code);
  const asOf = reads.events.value?.asOf ?? null;
  const nowMs = asOf ? Date.parse(asOf) : input.now;
  const todayStart = beijingMidnight(nowMs);
  const basicsAll = reads.basics.value?.items;
  const year = basicsAll?.length ? Math.max(...basicsAll.map((b) => b.year)) : undefined;
  const todayKey = beijingDateKey(nowMs);

  // ---- indicators through the stored definitions (grid → village by value function, above by rule)
  const units = unitsOf(reads, input.now);
  const defs = new Map(
    input.definitions.filter((d) => d.field === 'grassroots' && d.status === 'active').map((d) => [d.id, d]),
  );
  const evaluator = createEvaluator({
    definition: (id) => defs.get(id),
    region: input.regionOf,
    ...directValues(GRASSROOTS_VALUES, units),
  });
  const byDataset: Record<string, DatasetRead<unknown>> = {
    'grassroots.events': reads.events,
    'grassroots.grids': reads.grids,
    'grassroots.patrols': reads.patrols,
    'grassroots.basics': reads.basics,
    'grassroots.homestays': reads.homestays,
    'grassroots.devices': reads.devices,
    'grassroots.flood': reads.flood,
    'grassroots.farmCodes': reads.farm,
    'grassroots.servicePoints': reads.servicePoints,
  };
  const observed = (read: DatasetRead<unknown>) => (read.value as { asOf?: string } | undefined)?.asOf;
  const ind = (d: IndicatorDefinition, at = code): IndicatorValue | null => {
    const value = evaluator.value(d.id, at);
    const read = byDataset[d.source.dataset] ?? reads.events;
    return value === undefined ? null : valueWithUnit(d.id, d.unit, value, read, observed(read));
  };
  const indicators = [...defs.values()].flatMap((d) => ind(d) ?? []);
  const valueAt = (id: string, at: string) => {
    const v = evaluator.value(id, at) ?? null;
    return v === null ? null : round(v, 4);
  };

  // ---- rankings: the children, or for a village its township's villages (labelled as the township's)
  const rankHost = input.children.length ? region : input.parent;
  const rankRegions = input.children.length ? input.children : input.siblings;
  const breakdowns: Breakdown[] = rankHost
    ? RANKED.flatMap((id) => {
        const d = defs.get(id);
        if (!d) return [];
        return [
          {
            indicatorId: id,
            unit: d.unit,
            children: rankRegions.map((c) => ({
              regionCode: c.code,
              name: c.name,
              value: valueAt(id, c.code),
            })),
            ...(rankHost.code === code ? {} : { regionCode: rankHost.code, regionName: rankHost.name }),
          },
        ];
      })
    : [];
  const parentRanks = input.parent
    ? RANKED.flatMap((id) => {
        const d = defs.get(id);
        if (!d) return [];
        // A region without a value (no homestays, no events) has no place in the ranking: it is not last.
        const mine = valueAt(id, code);
        if (mine === null) return [];
        const values = input.siblings.flatMap((s) => valueAt(id, s.code) ?? []);
        const better = (v: number) => (d.direction === 'higherIsBetter' ? v > mine : v < mine);
        return [
          {
            indicatorId: id,
            parentCode: input.parent!.code,
            rank: 1 + values.filter(better).length,
            of: values.length,
            value: mine,
          },
        ];
      })
    : [];

  // ---- events
  const events = (reads.events.value?.items ?? []).filter(
    (e) => inside(e) && Date.parse(e.reportedAt) >= nowMs - GRASSROOTS_WINDOW_MS,
  );
  const life = new Map(events.map((e) => [e.eventId, gridEventOf(e)]));
  const reachedAt = (e: GrassrootsEvent) => GRASSROOTS_STAGES.indexOf(e.stage);
  const funnel = GRASSROOTS_STAGES.map((stage, i) => ({
    stage,
    count: events.filter((e) => reachedAt(e) === i).length,
  }));
  const days = Array.from({ length: 30 }, (_, k) => beijingDateKey(todayStart - (29 - k) * DAY_MS));
  const dayOf = (e: GrassrootsEvent) => beijingDateKey(Date.parse(e.reportedAt));
  const eventsByType = GRASSROOTS_EVENT_TYPES.map((type) => {
    const counts = new Map<string, number>();
    for (const e of events) if (e.type === type) counts.set(dayOf(e), (counts.get(dayOf(e)) ?? 0) + 1);
    return { type, daily: days.map((date) => ({ date, count: counts.get(date) ?? 0 })) };
  });
  const week = nowMs - 7 * DAY_MS;
  const villageName = (v: string) => input.regionOf(v)?.name ?? v;
  const eventPoints = cap(events.filter((e) => Date.parse(e.reportedAt) >= week).reverse(), 2000).map(
    (e) => ({
      id: e.eventId,
      type: e.type,
      stage: e.stage,
      severity: e.severity,
      villageCode: e.villageCode,
      lon: e.lon,
      lat: e.lat,
      reportedAt: e.reportedAt,
      overdue: isOverdueOpen(life.get(e.eventId)!, nowMs),
    }),
  );
  const overdueEvents = events.filter((e) => isOverdueOpen(life.get(e.eventId)!, nowMs));
  const overdue = cap(overdueEvents, 50).map((e) => {
    const reported = Date.parse(e.reportedAt);
    const deadline = reported + e.deadlineHours * HOUR_MS;
    return {
      id: e.eventId,
      type: e.type,
      severity: e.severity,
      villageCode: e.villageCode,
      villageName: villageName(e.villageCode),
      handlingLevel: e.handlingLevel,
      stage: e.stage,
      reportedAt: e.reportedAt,
      deadlineAt: new Date(deadline).toISOString(),
      ageHours: round((nowMs - reported) / HOUR_MS),
      overdueHours: round((nowMs - deadline) / HOUR_MS),
      summary: e.description,
      reporterMasked: e.reporterMasked,
    };
  });
  const escalations = cap(
    events
      .flatMap((e) =>
        e.escalations
          .filter((x) => Date.parse(x.at) >= week)
          .map((x) => ({
            eventId: e.eventId,
            type: e.type,
            villageCode: e.villageCode,
            villageName: villageName(e.villageCode),
            from: x.from,
            to: x.to,
            at: x.at,
          })),
      )
      .sort((a, b) => (a.at < b.at ? 1 : -1)),
    50,
  );

  // ---- grid workers (names masked here; the route reveals them to personal:view)
  const reportedToday = new Map<string, number>();
  for (const e of events)
    if (Date.parse(e.reportedAt) >= todayStart && e.reporterKind === 'gridWorker')
      reportedToday.set(e.gridId, (reportedToday.get(e.gridId) ?? 0) + 1);
  const patrolOf = new Map(
    (reads.patrols.value?.items ?? []).filter((p) => p.date === todayKey).map((p) => [p.gridId, p]),
  );
  const gridWorkers = cap(
    (reads.grids.value?.items ?? [])
      .filter(inside)
      .map((g) => {
        const p = patrolOf.get(g.gridId);
        return {
          gridId: g.gridId,
          gridName: g.name,
          villageCode: g.villageCode,
          workerName: g.workerNameMasked,
          checkInsToday: p?.checkIns ?? 0,
          patrolKmToday: p?.patrolKm ?? 0,
          visitsToday: p?.visits ?? 0,
          eventsReportedToday: reportedToday.get(g.gridId) ?? 0,
        };
      })
      .sort(
        (a, b) =>
          b.visitsToday +
            b.checkInsToday +
            b.eventsReportedToday -
            (a.visitsToday + a.checkInsToday + a.eventsReportedToday) || (a.gridId < b.gridId ? -1 : 1),
      ),
    50,
  );

  // ---- basics (summed over the region's villages)
  const basics = (() => {
    if (!basicsAll || year === undefined) return null;
    const mine = basicsAll.filter(inside);
    const ofYear = (y: number) => mine.filter((b) => b.year === y);
    const cur = ofYear(year);
    if (!cur.length) return null;
    const sum = (rows: VillageBasicsRow[], f: (b: VillageBasicsRow) => number) =>
      rows.reduce((s, b) => s + f(b), 0);
    const income = (y: number) => {
      const rows = ofYear(y);
      return rows.length === cur.length ? round(sum(rows, (b) => b.incomeWanYuan)) : null;
    };
    const now = income(year)!;
    const prev = income(year - 1);
    return {
      year,
      registeredPopulation: sum(cur, (b) => b.registered),
      residentPopulation: sum(cur, (b) => b.resident),
      households: sum(cur, (b) => b.households),
      aged60Plus: sum(cur, (b) => b.aged60Plus),
      elderlyLivingAlone: sum(cur, (b) => b.livingAlone),
      lowIncomeHouseholds: sum(cur, (b) => b.lowIncomeHouseholds),
      collectiveIncomeWanYuan: now,
      collectiveIncomeYoY: prev ? round(now / prev - 1, 4) : null,
      incomeTrend: [4, 3, 2, 1, 0].flatMap((k) => {
        const v = income(year - k);
        return v === null ? [] : [{ year: year - k, wanYuan: v }];
      }),
      areaKm2: round(
        sum(cur, (b) => b.areaKm2),
        2,
      ),
    };
  })();

  // ---- rural services, devices, flood
  const homestayRows = reads.homestays.value?.items.filter(inside);
  const homestays = homestayRows
    ? (() => {
        const byDate = new Map<string, { beds: number; occupied: number; count: number }>();
        for (const h of homestayRows) {
          const d = byDate.get(h.date) ?? { beds: 0, occupied: 0, count: 0 };
          d.beds += h.beds;
          d.occupied += h.occupiedBeds;
          d.count += h.count;
          byDate.set(h.date, d);
        }
        const today = byDate.get(todayKey);
        return {
          count: today?.count ?? 0,
          beds: today?.beds ?? 0,
          occupancyRate: today?.beds ? round(today.occupied / today.beds, 4) : null,
          daily: [...byDate]
            .filter(([, d]) => d.beds > 0)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([date, d]) => ({ date, occupancyRate: round(d.occupied / d.beds, 4) })),
        };
      })()
    : null;
  const deviceRows = reads.devices.value?.items.filter(inside);
  const devices = deviceRows
    ? {
        total: deviceRows.reduce((s, d) => s + d.total, 0),
        online: deviceRows.reduce((s, d) => s + d.online, 0),
        byKind: (Object.keys(DEVICE_NAMES) as DeviceCount['kind'][]).map((kind) => {
          const rows = deviceRows.filter((d) => d.kind === kind);
          return {
            kind,
            name: DEVICE_NAMES[kind],
            total: rows.reduce((s, d) => s + d.total, 0),
            online: rows.reduce((s, d) => s + d.online, 0),
          };
        }),
      }
    : null;
  const floodRows = reads.flood.value?.items.filter(inside);
  const above = (p: FloodPointRow) =>
    p.waterLevelM !== null && p.warningLevelM !== null && p.waterLevelM >= p.warningLevelM;
  const flood = floodRows
    ? {
        points: floodRows.map((p) => ({
          id: p.pointId,
          name: p.name,
          kind: p.kind,
          villageCode: p.villageCode,
          lon: p.lon,
          lat: p.lat,
          manned: p.manned,
          waterLevelM: p.waterLevelM,
          warningLevelM: p.warningLevelM,
          aboveWarning: above(p),
        })),
        dutyPoints: floodRows.filter((p) => p.kind === 'duty').length,
        manned: floodRows.filter((p) => p.kind === 'duty' && p.manned).length,
        aboveWarning: floodRows.filter(above).length,
      }
    : null;
  const serviceRows = reads.servicePoints.value?.items.filter(inside);
  const servicePoints = serviceRows
    ? { total: serviceRows.length, open: serviceRows.filter((p) => p.state === 'open').length }
    : null;
  // 浙农码 scans are kept per township: a village is shown its township's, labelled as such.
  const farmHost = region.level === 'village' ? input.parent : region;
  const farmRows = farmHost
    ? (reads.farm.value?.items ?? []).filter((f) => inRegion(farmHost.code, f.townshipCode))
    : [];
  const products = [...new Set(farmRows.map((f) => f.product))];
  const farmCodes = products.map((product) => {
    const rows = farmRows.filter((f) => f.product === product);
    return {
      product,
      name: { zh: rows[0]!.name, en: PRODUCT_EN[product] ?? rows[0]!.name },
      scansToday: rows.filter((f) => f.date === todayKey).reduce((s, f) => s + f.scans, 0),
      scans30d: rows.reduce((s, f) => s + f.scans, 0),
      ...(farmHost && farmHost.code !== code ? { regionCode: farmHost.code, regionName: farmHost.name } : {}),
    };
  });

  // ---- nearest places (village level; straight-line, approximate)
  const nearby = region.level === 'village' ? nearestPlaces(region, reads) : [];

  // ---- series: events per day, homestay occupancy per day (30 days)
  const dayIso = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
  const series: Series[] = [
    {
      indicatorId: 'grassroots.eventsReportedToday',
      unit: '件',
      points: days.map((date) => ({
        at: dayIso(date),
        value: reads.events.value ? events.filter((e) => dayOf(e) === date).length : null,
      })),
      status: reads.events.status,
    },
    ...(homestays
      ? [
          {
            indicatorId: 'grassroots.homestayOccupancy',
            unit: '%',
            points: homestays.daily.map((d) => ({ at: dayIso(d.date), value: d.occupancyRate })),
            status: reads.homestays.status,
          },
        ]
      : []),
  ];

  // ---- alarms
  const alarms: Alarm[] = [
    ...(floodRows ?? []).filter(above).map(
      (p): Alarm => ({
        id: `FLOOD_ABOVE_WARNING:${p.pointId}`,
        kind: 'FLOOD_ABOVE_WARNING',
        severity: p.waterLevelM! >= p.warningLevelM! + 0.5 ? 'alarm' : 'warning',
        title: {
          zh: `${p.name} 水位 ${p.waterLevelM!.toFixed(2)} 米，超警戒 ${(p.waterLevelM! - p.warningLevelM!).toFixed(2)} 米（警戒 ${p.warningLevelM!.toFixed(2)} 米）`,
          en: `${p.name}: water level ${p.waterLevelM!.toFixed(2)} m, ${(p.waterLevelM! - p.warningLevelM!).toFixed(2)} m above warning (${p.warningLevelM!.toFixed(2)} m)`,
        },
        regionCode: p.villageCode,
        entityId: p.pointId,
        since: null,
        theme: 'grassroots',
        system: 'grassroots',
      }),
    ),
    ...(floodRows ?? [])
      .filter((p) => p.kind === 'duty' && p.manned === false)
      .map(
        (p): Alarm => ({
          id: `FLOOD_DUTY_UNMANNED:${p.pointId}`,
          kind: 'FLOOD_DUTY_UNMANNED',
          severity: (floodRows ?? []).some(above) ? 'alarm' : 'warning',
          title: { zh: `${p.name} 无人在岗`, en: `${p.name}: nobody on duty` },
          regionCode: p.villageCode,
          entityId: p.pointId,
          since: null,
          theme: 'grassroots',
          system: 'grassroots',
        }),
      ),
    ...severeOverdueAlarms(
      overdueEvents.filter((e) => e.severity === 'high'),
      region,
      nowMs,
    ),
  ];
  // A village lists each serious overdue case; above it they are one alarm per region (a county with
  // thirty stuck cases must not bury every other cockpit's alarms on the overview): the overdue panel lists them.
  function severeOverdueAlarms(severe: typeof overdueEvents, at: Region, nowAt: number): Alarm[] {
    const pastHours = (e: (typeof overdueEvents)[number]) =>
      round((nowAt - Date.parse(e.reportedAt)) / HOUR_MS - e.deadlineHours);
    const deadlineOf = (e: (typeof overdueEvents)[number]) =>
      Date.parse(e.reportedAt) + e.deadlineHours * HOUR_MS;
    if (at.level !== 'village') {
      if (severe.length === 0) return [];
      const oldest = severe.reduce((a, b) => (deadlineOf(a) <= deadlineOf(b) ? a : b));
      return [
        {
          id: `GRASSROOTS_OVERDUE_SEVERE:${at.code}`,
          kind: 'GRASSROOTS_OVERDUE_SEVERE',
          severity: 'alarm',
          title: {
            zh: `${severe.length} 件严重事件超期未办结（最久超期 ${pastHours(oldest)} 小时，${villageName(oldest.villageCode)}）`,
            en: `${severe.length} serious cases past their deadline (longest ${pastHours(oldest)} h, ${villageName(oldest.villageCode)})`,
          },
          regionCode: at.code,
          entityId: null,
          since: new Date(deadlineOf(oldest)).toISOString(),
          theme: 'grassroots',
          system: 'grassroots',
        },
      ];
    }
    return severe.map(
      (e): Alarm => ({
        id: `GRASSROOTS_OVERDUE_SEVERE:${e.eventId}`,
        kind: 'GRASSROOTS_OVERDUE_SEVERE',
        severity: 'alarm',
        title: {
          zh: `${villageName(e.villageCode)} 严重${TYPE_ZH[e.type] ?? ''}事件超期 ${round((nowMs - Date.parse(e.reportedAt)) / HOUR_MS - e.deadlineHours)} 小时未办结`,
          en: `${villageName(e.villageCode)}: serious ${e.type} case ${round((nowMs - Date.parse(e.reportedAt)) / HOUR_MS - e.deadlineHours)} h past its deadline`,
        },
        regionCode: e.villageCode,
        entityId: e.eventId,
        since: new Date(Date.parse(e.reportedAt) + e.deadlineHours * HOUR_MS).toISOString(),
        theme: 'grassroots',
        system: 'grassroots',
      }),
    );
  }

  const grassrootsReads = [
    reads.events,
    reads.grids,
    reads.patrols,
    reads.basics,
    reads.homestays,
    reads.farm,
    reads.servicePoints,
    reads.devices,
    reads.flood,
  ];
  return {
    theme: 'grassroots',
    regionCode: code,
    level: region.level,
    generatedAt: new Date(input.now).toISOString(),
    indicators,
    series,
    breakdowns,
    sources: [
      sourceStatus('grassroots', grassrootsReads),
      ...(reads.lots ? [sourceStatus('parking-platform', [reads.lots])] : []),
      ...(reads.stations && reads.hospitals
        ? [sourceStatus('emergency-120', [reads.stations, reads.hospitals])]
        : []),
    ],
    alarms,
    asOf,
    simulated: true,
    funnel,
    eventsByType,
    eventPoints,
    overdue,
    escalations,
    gridWorkers,
    basics,
    homestays,
    devices,
    flood,
    servicePoints,
    farmCodes,
    nearby,
    parentRanks,
    unavailable: unavailableParts(reads),
  };
}

/** The parts whose dataset has never loaded: the screens say so instead of stating an absence. */
function unavailableParts(reads: GrassrootsReads): GrassrootsPart[] {
  const parts: [GrassrootsPart, DatasetRead<unknown> | undefined][] = [
    ['events', reads.events],
    ['grids', reads.grids],
    ['patrols', reads.patrols],
    ['basics', reads.basics],
    ['homestays', reads.homestays],
    ['devices', reads.devices],
    ['flood', reads.flood],
    ['servicePoints', reads.servicePoints],
    ['farmCodes', reads.farm],
    ['nearby.parkingLot', reads.lots],
    ['nearby.ambulanceStation', reads.stations],
    ['nearby.hospital', reads.hospitals],
  ];
  // A village-only read (lots, stations, hospitals) that this level does not make is not a missing one.
  return parts.filter(([, read]) => read !== undefined && read.value === undefined).map(([part]) => part);
}

/** The nearest car parks, 120 stations and hospitals to a village's position, straight-line (approximate). */
function nearestPlaces(region: Region, reads: GrassrootsReads): GrassrootsSnapshot['nearby'] {
  const [lon, lat] = region.centroid;
  const nearest = <T extends { lon: number; lat: number }>(items: readonly T[], n: number) =>
    items
      .map((item) => ({ item, km: haversineM(lon, lat, item.lon, item.lat) / 1000 }))
      .sort((a, b) => a.km - b.km)
      .slice(0, n);
  return [
    ...nearest(reads.lots?.value ?? [], 3).map(({ item, km }) => ({
      kind: 'parkingLot' as const,
      id: item.lotId,
      name: item.name,
      regionCode: item.villageCode,
      distanceKm: round(km),
    })),
    ...nearest(reads.stations?.value?.items ?? [], 2).map(({ item, km }) => ({
      kind: 'ambulanceStation' as const,
      id: item.stationId,
      name: item.name,
      regionCode: item.villageCode,
      distanceKm: round(km),
    })),
    ...nearest(reads.hospitals?.value?.items ?? [], 2).map(({ item, km }) => ({
      kind: 'hospital' as const,
      id: item.hospitalId,
      name: item.name,
      regionCode: item.villageCode,
      distanceKm: round(km),
    })),
  ];
}

/** Other systems' places, read for a village's nearest ones (the same datasets their cockpits use). */
function placeDatasets(ctx: BuilderContext) {
  const client = ctx.upstreams['emergency-120'];
  return {
    lots: ctx.datasets.lots,
    stations: ctx.dynamic('emergency.stations', 'emergency-120', ctx.timing.slowMs * 10, () =>
      fetchStations(client),
    ),
    hospitals: ctx.dynamic('emergency.hospitals', 'emergency-120', ctx.timing.fastMs, () =>
      fetchEmergencyHospitals(client),
    ),
  };
}

/** The grassroots records as the value functions read them, from the same reads a snapshot makes. */
function unitsOf(
  reads: Pick<
    GrassrootsReads,
    'events' | 'grids' | 'patrols' | 'basics' | 'homestays' | 'devices' | 'flood' | 'farm' | 'servicePoints'
  >,
  now: number,
) {
  const asOf = reads.events.value?.asOf ?? null;
  const basicsAll = reads.basics.value?.items;
  const year = basicsAll?.length ? Math.max(...basicsAll.map((b) => b.year)) : undefined;
  return grassrootsUnits({
    nowMs: asOf ? Date.parse(asOf) : now,
    events: reads.events.value?.items,
    grids: reads.grids.value?.items,
    patrols: reads.patrols.value?.items,
    basics: basicsAll?.filter((b) => b.year === year),
    homestays: reads.homestays.value?.items,
    devices: reads.devices.value?.items,
    flood: reads.flood.value?.items,
    farm: reads.farm.value?.items,
    servicePoints: reads.servicePoints.value?.items,
  });
}

export const grassrootsBuilder: ThemeBuilder = {
  theme: 'grassroots',
  // The history and inspection passes: the county's records read once, one evaluator for every region.
  valueInputs: async (ctx, read, now) => {
    const ds = grassrootsDatasets(ctx);
    const reads = await read(Object.values(ds) as Dataset<unknown>[]);
    const units = unitsOf(
      {
        events: readOf(reads, ds.events),
        grids: readOf(reads, ds.grids),
        patrols: readOf(reads, ds.patrols),
        basics: readOf(reads, ds.basics),
        homestays: readOf(reads, ds.homestays),
        devices: readOf(reads, ds.devices),
        flood: readOf(reads, ds.flood),
        farm: readOf(reads, ds.farm),
        servicePoints: readOf(reads, ds.servicePoints),
      },
      now,
    );
    return {
      units: { nowMs: units.nowMs, grassroots: units },
      reads,
      observedAt: (_id, r) => (r.value as { asOf?: string } | undefined)?.asOf,
    };
  },
  datasets: (ctx, region) => [
    ...Object.values(grassrootsDatasets(ctx)),
    ...(region.level === 'village' ? Object.values(placeDatasets(ctx)) : []),
  ],
  build: (ctx, region, reads, now): GrassrootsSnapshot => {
    const ds = grassrootsDatasets(ctx);
    const places = region.level === 'village' ? placeDatasets(ctx) : undefined;
    const parent = region.parentCode ? ctx.hierarchy.get(region.parentCode) : undefined;
    return buildGrassroots({
      region,
      children: region.childCodes.map((c) => ctx.hierarchy.get(c)!),
      parent,
      siblings: parent?.childCodes.map((c) => ctx.hierarchy.get(c)!) ?? [],
      regionOf: (c) => ctx.hierarchy.get(c),
      definitions: ctx.indicators.list(),
      reads: {
        events: readOf(reads, ds.events),
        grids: readOf(reads, ds.grids),
        patrols: readOf(reads, ds.patrols),
        basics: readOf(reads, ds.basics),
        homestays: readOf(reads, ds.homestays),
        farm: readOf(reads, ds.farm),
        servicePoints: readOf(reads, ds.servicePoints),
        devices: readOf(reads, ds.devices),
        flood: readOf(reads, ds.flood),
        ...(places
          ? {
              lots: readOf(reads, places.lots),
              stations: readOf(reads, places.stations),
              hospitals: readOf(reads, places.hospitals),
            }
          : {}),
      },
      now,
    });
  },
};
