import {
  type Alarm,
  type Breakdown,
  COUNTY_CODE,
  type HospitalReadiness,
  type IndicatorValue,
  type NearbyFacility,
  type NearestFacilities,
  type Series,
  type TraumaCoverage,
  type TraumaSnapshot,
} from '@cockpit/contracts';
import { bandOf, DEFAULT_BANDS } from '@cockpit/domain/routing';
import { coverageSummary } from '@cockpit/domain/trauma';
import type { Region } from '../../geo/hierarchy';
import type { RoadNetwork } from '../../geo/roads';
import type { DatasetRead } from '../../indicators/dataset-cache';
import { inRegion } from '../../indicators/rollup';
import { unitsBy } from '../../indicators/value-functions';
import {
  type Ambulance,
  type EmergencyHospital,
  fetchAmbulances,
  fetchEmergencyHospitals,
  fetchStations,
  type Incident,
  type Station,
} from '../../upstreams/emergency-120/adapter';
import {
  type BuilderContext,
  type DatasetObserver,
  observeDataset,
  readOf,
  type ThemeBuilder,
  type ValueInputs,
} from '../builder';
import { indicatorValues } from '../indicator-values';
import { median, round, sourceStatus } from '../values';
import { facilitiesByDriveTime, type VillageTime, villageTimes } from './trauma.routing';
import { isActive, observeTransports, type PlanStore, viewTransports } from './trauma.transports';

type Timed<T> = { asOf: number; items: T[] };

function traumaDatasets(ctx: BuilderContext) {
  const client = ctx.upstreams['emergency-120'];
  return {
    incidents: ctx.datasets.incidents,
    ambulances: ctx.dynamic('emergency.ambulances', 'emergency-120', ctx.timing.fastMs, () =>
      fetchAmbulances(client),
    ),
    hospitals: ctx.dynamic('emergency.hospitals', 'emergency-120', ctx.timing.fastMs, () =>
      fetchEmergencyHospitals(client),
    ),
    stations: ctx.dynamic('emergency.stations', 'emergency-120', ctx.timing.slowMs * 10, () =>
      fetchStations(client),
    ),
  };
}

export type TraumaReads = {
  incidents: DatasetRead<Timed<Incident>>;
  ambulances: DatasetRead<Timed<Ambulance>>;
  hospitals: DatasetRead<Timed<EmergencyHospital>>;
  stations: DatasetRead<Timed<Station>>;
};

const stores = new WeakMap<BuilderContext, PlanStore>();
function storeOf(ctx: BuilderContext): PlanStore {
  let s = stores.get(ctx);
  if (!s) {
    s = new Map();
    stores.set(ctx, s);
  }
  return s;
}

/**
 * The green channels' plans follow the dispatch data as it arrives: each refresh of the incidents, the
 * ambulances or the hospitals steps every active leg of the county with the latest of the three (building a
 * snapshot only reads the plans). Nothing is observed until the ambulances have come (no trauma screen yet).
 */
function transportObservers(ctx: BuilderContext): DatasetObserver[] {
  const d = traumaDatasets(ctx);
  const latest: {
    incidents?: Timed<Incident>;
    ambulances?: Timed<Ambulance>;
    hospitals?: Timed<EmergencyHospital>;
  } = {};
  const step = () => {
    if (!latest.ambulances) return;
    const incidents = latest.incidents?.items ?? [];
    observeTransports({
      network: ctx.network(),
      store: storeOf(ctx),
      incidents: incidents.filter(isActive),
      ambulances: latest.ambulances.items,
      hospitals: latest.hospitals?.items ?? [],
      asOfMs: latest.ambulances.asOf,
    });
  };
  return [
    observeDataset(d.incidents, (v) => {
      latest.incidents = v;
      step();
    }),
    observeDataset(d.ambulances, (v) => {
      latest.ambulances = v;
      step();
    }),
    observeDataset(d.hospitals, (v) => {
      latest.hospitals = v;
      step();
    }),
  ];
}

const HOUR = 3_600_000;

export function readinessOf(h: EmergencyHospital): HospitalReadiness['readiness'] {
  if (h.edLoad >= 0.95) return 'overloaded';
  if (h.edLoad >= 0.85) return 'limited';
  if (h.receivesAmbulances && h.capabilities.ct && !h.ctAvailable) return 'limited';
  if (h.capabilities.traumaCenter && !h.traumaTeamReady) return 'limited';
  return 'ready';
}

function coverageFor(
  region: Region,
  villages: readonly VillageTime[],
  names: (code: string) => string,
): TraumaCoverage {
  const inside = villages.filter((v) => inRegion(region.code, v.villageCode));
  const summary = coverageSummary(
    inside.map((v) => ({ villageCode: v.villageCode, townshipCode: v.townshipCode, seconds: v.seconds })),
  );
  const finiteMin = (s: number | null | undefined) =>
    s === null || s === undefined || !Number.isFinite(s) ? null : round(s / 60, 1);
  return {
    thresholdMinutes: summary.thresholdS / 60,
    bandsMinutes: DEFAULT_BANDS.map((b) => b / 60),
    villages: inside.map((v) => ({
      villageCode: v.villageCode,
      name: v.name,
      townshipCode: v.townshipCode,
      lon: v.lon,
      lat: v.lat,
      minutes: finiteMin(v.seconds),
      band: bandOf(v.seconds),
      gap: !(v.seconds <= summary.thresholdS),
    })),
    townships: summary.townships
      .map((t) => ({
        townshipCode: t.townshipCode,
        name: names(t.townshipCode),
        villages: t.villages,
        gaps: t.gaps,
        coveredShare: t.coveredShare === null ? null : round(t.coveredShare, 4),
        worstMinutes: finiteMin(t.worst?.seconds),
      }))
      .sort((a, b) => b.gaps - a.gaps || a.townshipCode.localeCompare(b.townshipCode)),
    gaps: summary.county.gaps,
    coveredShare: summary.county.coveredShare === null ? null : round(summary.county.coveredShare, 4),
  };
}

function hourlySeries(incidents: readonly Incident[], nowMs: number, read: DatasetRead<unknown>): Series[] {
  const end = Math.floor(nowMs / HOUR) * HOUR;
  const hours = Array.from({ length: 24 }, (_, i) => end - (23 - i) * HOUR);
  const inHour = (h: number) => incidents.filter((i) => i.calledAt >= h && i.calledAt < h + HOUR);
  return [
    {
      indicatorId: 'trauma.callsPerHour',
      unit: '起',
      status: read.status,
      points: hours.map((h) => ({ at: new Date(h).toISOString(), value: inHour(h).length })),
    },
    {
      indicatorId: 'trauma.medianResponseMinutes',
      unit: '分钟',
      status: read.status,
      points: hours.map((h) => {
        const rs = inHour(h)
          .filter((i) => i.dispatchedAt !== null && i.arrivedSceneAt !== null)
          .map((i) => (i.arrivedSceneAt! - i.dispatchedAt!) / 60_000);
        const m = median(rs);
        return { at: new Date(h).toISOString(), value: m === null ? null : round(m, 1) };
      }),
    },
  ];
}

/** The dispatch data as the value functions read it (transports and coverage as the region's view has them). */
function traumaValueInputs(
  ctx: BuilderContext,
  reads: TraumaReads,
  transports: readonly { villageCode: string; eta: { savedS: number } | null }[],
  coverage: readonly { villageCode: string; gap: boolean }[],
  incidentsAsOf: number,
): ValueInputs {
  const observed = reads.incidents.value ? new Date(reads.incidents.value.asOf).toISOString() : undefined;
  const ds = traumaDatasets(ctx);
  const byVillage = <T extends { villageCode: string }>(items: readonly T[]) =>
    unitsBy(items, (t) => t.villageCode);
  return {
    units: {
      nowMs: incidentsAsOf,
      incidents: reads.incidents.value ? byVillage(reads.incidents.value.items) : undefined,
      emergencyHospitals: reads.hospitals.value ? byVillage(reads.hospitals.value.items) : undefined,
      transports: reads.ambulances.value
        ? byVillage(transports.map((t) => ({ villageCode: t.villageCode, savedS: t.eta?.savedS ?? 0 })))
        : undefined,
      coverage: byVillage(coverage),
    },
    reads: new Map(Object.entries(reads).map(([k, r]) => [ds[k as keyof TraumaReads].id, r])),
    // The KPIs are read at the dispatch system's clock.
    observedAt: () => observed,
  };
}

export function buildTrauma(input: {
  ctx: BuilderContext;
  region: Region;
  reads: TraumaReads;
  now: number;
}): TraumaSnapshot {
  const { ctx, region, reads, now } = input;
  const network = ctx.network();
  const names = (code: string) => ctx.hierarchy.get(code)?.name ?? code;
  const incidents = reads.incidents.value?.items ?? [];
  const ambulances = reads.ambulances.value?.items ?? [];
  const hospitals = reads.hospitals.value?.items ?? [];
  const stations = reads.stations.value?.items ?? [];
  const asOfMs = reads.ambulances.value?.asOf ?? reads.incidents.value?.asOf ?? now;
  const incidentsAsOf = reads.incidents.value?.asOf ?? asOfMs;

  const regional = incidents.filter((i) => inRegion(region.code, i.villageCode));
  const transports = viewTransports({
    network,
    store: stores.get(ctx) ?? new Map(),
    incidents: regional,
    ambulances,
    hospitals,
    asOfMs,
  });

  const villages = villageTimes(network, ctx.hierarchy);
  const coverage = coverageFor(region, villages, names);

  const values = indicatorValues({
    definitions: ctx.indicators.list(),
    regionOf: (code) => ctx.hierarchy.get(code),
    ...traumaValueInputs(ctx, reads, transports, coverage.villages, incidentsAsOf),
  });
  const indicators: IndicatorValue[] = values.ofTheme('trauma', region.code);

  const children = region.childCodes.map((c) => ctx.hierarchy.get(c)!).filter(Boolean);
  const breakdowns: Breakdown[] = children.length
    ? (['trauma.activeCases', 'trauma.medianResponseMinutes', 'trauma.preHospitalMinutes'] as const).map(
        (id) => ({
          indicatorId: id,
          unit: values.definition(id)?.unit ?? '',
          children: children.map((c) => {
            const v = values.valueAt(id, c.code);
            return { regionCode: c.code, name: c.name, value: v === null ? null : round(v, 2) };
          }),
        }),
      )
    : [];

  const hospitalRows: HospitalReadiness[] = hospitals.map((h) => ({
    hospitalId: h.hospitalId,
    name: h.name,
    kind: h.hospitalId === 'H01' || h.hospitalId === 'H02' ? 'hospital' : 'health_center',
    lon: h.lon,
    lat: h.lat,
    villageCode: h.villageCode,
    receivesAmbulances: h.receivesAmbulances,
    capabilities: h.capabilities,
    edLoad: round(h.edLoad, 3),
    ctAvailable: h.ctAvailable,
    traumaTeamReady: h.traumaTeamReady,
    doorToCtMinutes: h.doorToCtMinutes,
    readiness: readinessOf(h),
    updatedAt: new Date(h.updatedAt).toISOString(),
  }));
  const kindOf = new Map(network.facilities.map((f) => [f.id, f.kind]));
  for (const row of hospitalRows) {
    const k = kindOf.get(row.hospitalId);
    if (k === 'hospital' || k === 'health_center') row.kind = k;
  }

  const alarms: Alarm[] = [];
  for (const t of transports) {
    if (t.severity === 'severe' || t.severity === 'critical') {
      alarms.push({
        id: `SEVERE_CASE:${t.incidentId}`,
        kind: 'SEVERE_CASE',
        severity: 'alarm',
        title: {
          zh: `重症创伤转运中：${names(t.townshipCode)}${t.hospital ? ` → ${t.hospital.name}` : ''}`,
          en: `Severe trauma under way: ${names(t.townshipCode)}${t.hospital ? ` → ${t.hospital.name}` : ''}`,
        },
        regionCode: t.villageCode,
        entityId: t.incidentId,
        since: t.calledAt,
      });
    }
  }
  for (const h of hospitalRows) {
    if (h.receivesAmbulances && h.readiness === 'overloaded') {
      alarms.push({
        id: `ED_OVERLOADED:${h.hospitalId}`,
        kind: 'ED_OVERLOADED',
        severity: 'warning',
        title: {
          zh: `${h.name} 急诊满负荷（${Math.round((h.edLoad ?? 0) * 100)}%）`,
          en: `${h.name}: ED overloaded (${Math.round((h.edLoad ?? 0) * 100)}%)`,
        },
        regionCode: h.villageCode,
        entityId: h.hospitalId,
        since: null,
      });
    }
  }

  return {
    theme: 'trauma',
    regionCode: region.code,
    level: region.level,
    generatedAt: new Date(now).toISOString(),
    asOf: reads.ambulances.value || reads.incidents.value ? new Date(asOfMs).toISOString() : null,
    indicators,
    series: hourlySeries(regional, incidentsAsOf, reads.incidents),
    breakdowns,
    sources: [
      sourceStatus('emergency-120', [reads.incidents, reads.ambulances, reads.hospitals, reads.stations]),
    ],
    alarms,
    transports,
    ambulances: ambulances.map((a) => ({
      ambulanceId: a.ambulanceId,
      plate: a.plate,
      stationId: a.stationId,
      status: a.status,
      incidentId: a.incidentId,
      lon: a.lon,
      lat: a.lat,
      headingDeg: a.headingDeg,
      speedKmh: a.speedKmh,
      fixAt: new Date(a.fixAt).toISOString(),
      villageCode: a.villageCode,
    })),
    hospitals: hospitalRows,
    stations: stations.map((s) => ({
      stationId: s.stationId,
      name: s.name,
      lon: s.lon,
      lat: s.lat,
      ambulanceIds: s.ambulanceIds,
    })),
    coverage,
    networkAccuracy: network.accuracy,
    ...(region.level === 'village' ? { nearest: nearestFor(region, network, hospitalRows) } : {}),
  };
}

/** The trauma cockpit's snapshot: green channels, fleet, hospital readiness, KPIs and coverage. */
export const traumaBuilder: ThemeBuilder = {
  theme: 'trauma',
  datasets: (ctx) => Object.values(traumaDatasets(ctx)),
  build: (ctx, region, reads, now): TraumaSnapshot => {
    const d = traumaDatasets(ctx);
    return buildTrauma({
      ctx,
      region,
      now,
      reads: {
        incidents: readOf(reads, d.incidents),
        ambulances: readOf(reads, d.ambulances),
        hospitals: readOf(reads, d.hospitals),
        stations: readOf(reads, d.stations),
      },
    });
  },
  observers: transportObservers,
  // The whole county at once: every incident's transport, every village's coverage.
  valueInputs: async (ctx, read, now) => {
    const d = traumaDatasets(ctx);
    const all = await read(Object.values(d));
    const reads: TraumaReads = {
      incidents: readOf(all, d.incidents),
      ambulances: readOf(all, d.ambulances),
      hospitals: readOf(all, d.hospitals),
      stations: readOf(all, d.stations),
    };
    const network = ctx.network();
    const asOfMs = reads.ambulances.value?.asOf ?? reads.incidents.value?.asOf ?? now;
    const transports = viewTransports({
      network,
      store: stores.get(ctx) ?? new Map(),
      incidents: reads.incidents.value?.items ?? [],
      ambulances: reads.ambulances.value?.items ?? [],
      hospitals: reads.hospitals.value?.items ?? [],
      asOfMs,
    });
    const county = ctx.hierarchy.get(COUNTY_CODE)!;
    const coverage = coverageFor(county, villageTimes(network, ctx.hierarchy), (c) => c);
    return traumaValueInputs(
      ctx,
      reads,
      transports,
      coverage.villages,
      reads.incidents.value?.asOf ?? asOfMs,
    );
  },
};

/**
 * What serves a village that has no station or hospital of its own: the three nearest 120 stations and the
 * three nearest facilities that receive ambulances (from the hospitals' own data when it has arrived).
 */
function nearestFor(
  region: Region,
  network: RoadNetwork,
  hospitals: readonly HospitalReadiness[],
): NearestFacilities {
  const receiving = new Map(hospitals.map((h) => [h.hospitalId, h.receivesAmbulances]));
  const all = facilitiesByDriveTime(network, region.code, region.centroid);
  const row = (f: (typeof all)[number]): NearbyFacility => ({
    id: f.facility.id,
    name: f.facility.name,
    kind: f.facility.kind,
    driveMinutes: f.seconds === null ? null : round(f.seconds / 60, 1),
    straightKm: round(f.straightM / 1000, 1),
  });
  return {
    from: { regionCode: region.code, lon: region.centroid[0], lat: region.centroid[1] },
    stations: all
      .filter((f) => f.facility.kind === 'ambulance_station')
      .slice(0, 3)
      .map(row),
    hospitals: all
      .filter((f) => f.facility.kind !== 'ambulance_station' && receiving.get(f.facility.id) !== false)
      .slice(0, 3)
      .map(row),
  };
}
