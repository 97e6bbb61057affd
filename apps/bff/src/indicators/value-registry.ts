import { type TraumaKpis, traumaKpis as traumaKpisOf } from '@cockpit/domain/trauma';
import { hourlyReading, meanConcentrations } from '../snapshots/eco/eco.compute';
import type {
  HospitalActivity,
  ScenicSpot,
  TownshipCases,
  TownshipCongestion,
} from '../upstreams/county-services/adapter';
import type { EmergencyHospital, Incident } from '../upstreams/emergency-120/adapter';
import type { AirObservation } from '../upstreams/env-monitor/adapter';
import type { ParkingLotState } from '../upstreams/parking-platform/adapter';
import { GRASSROOTS_VALUES, type GrassrootsUnits } from './grassroots-values';
import type { IndicatorId } from './registry';
import { inRegion } from './rollup';
import { meanOf, sumOf, type Units } from './value-functions';

/** A region's current air reading (AQI and PM2.5 from the pooled concentrations of its stations). */
export type AirNow = { aqi: number | null; pm25: number | null } | null;

/** Parking flows of a region from the last hour's records (see the parking builder's kpisOf). */
export type ParkingFlows = {
  turnoverRate: number | null;
  averageDwellMinutes: number | null;
  inflow: number | null;
  outflow: number | null;
};

/** The eco cockpit's per-region figures from the environment histories (eco.compute). */
export type EcoShares = {
  goodDayShareMonth: number | null;
  goodDayShareYear: number | null;
  waterCompliance: number | null;
  noiseNightCompliance: number | null;
};

/**
 * The datasets the value functions read, each indexed by the unit its entities lie in (or, for figures that
 * need a whole history, a function of the region). A snapshot builder gives the parts it has read; a value
 * function whose data is absent is not computable there (undefined).
 */
export type DatasetUnits = {
  /** The data's clock (ms), for "last 24 hours". */
  nowMs: number;
  lots?: Units<ParkingLotState> | undefined;
  parkingFlows?: ((regionCode: string) => ParkingFlows) | undefined;
  spots?: Units<ScenicSpot> | undefined;
  hospitals?: Units<HospitalActivity> | undefined;
  /** Township rows (cases, congestion): only for townships and the county. */
  cases?: Units<TownshipCases> | undefined;
  congestion?: Units<TownshipCongestion> | undefined;
  incidents?: Units<Incident> | undefined;
  emergencyHospitals?: Units<EmergencyHospital> | undefined;
  /** Green-channel transports under way by village: minutes saved by signal pre-emption. */
  transports?: Units<{ savedS: number }> | undefined;
  /** Villages by their 15-minute coverage (approximate road network). */
  coverage?: Units<{ gap: boolean }> | undefined;
  airNow?: ((regionCode: string) => AirNow) | undefined;
  eco?: ((regionCode: string) => EcoShares) | undefined;
  /** The grassroots platform's records by village (grids, events, patrols, basics, …). */
  grassroots?: GrassrootsUnits | undefined;
};

/**
 * A value function: how an indicator's value is computed from the datasets for one region. Undefined when
 * the datasets it needs were not given (not computable here); null when unknown.
 */
export type ValueFunction = (units: DatasetUnits, regionCode: string) => number | null | undefined;

/** A registry entry: the value function, and the dataset whose freshness it carries when that is not the
 * definition's source (the code knows what it reads). */
export type ValueEntry = { value: ValueFunction; freshnessDataset?: string };

const ACTIVE = new Set<Incident['status']>(['pending', 'dispatched', 'on_scene', 'transporting']);
const DAY_MS = 24 * 3600_000;

/**
 * HJ 633 hourly AQI from the mean concentration of each pollutant over the region's stations, computed the
 * same way as the eco cockpit (means rounded to published precision first), so both show the same figure.
 */
export function regionAqi(code: string, air: readonly AirObservation[]) {
  const stations = air.filter((a) => inRegion(code, a.villageCode));
  if (stations.length === 0) return null;
  return hourlyReading(meanConcentrations(stations));
}

/** The current air reading of any region from one hour's observations. */
export function airNowFrom(air: readonly AirObservation[]): (code: string) => AirNow {
  return (code) => {
    const stations = air.filter((a) => inRegion(code, a.villageCode));
    if (stations.length === 0) return null;
    const conc = meanConcentrations(stations);
    return { aqi: hourlyReading(conc)?.aqi ?? null, pm25: conc.pm25 };
  };
}

/** The trauma KPIs (medians over the last 24 h of calls) of a region's own incidents, memoised per region. */
const kpiMemo = new WeakMap<Units<Incident>, Map<string, TraumaKpis>>();
function traumaKpis(u: DatasetUnits, code: string): TraumaKpis | undefined {
  if (!u.incidents) return undefined;
  let memo = kpiMemo.get(u.incidents);
  if (!memo) {
    memo = new Map();
    kpiMemo.set(u.incidents, memo);
  }
  let k = memo.get(code);
  if (!k) {
    const recent = u.incidents(code).filter((i) => i.calledAt >= u.nowMs - DAY_MS);
    k = traumaKpisOf(
      recent.map((i) => ({
        incidentId: i.incidentId,
        regionCode: i.villageCode,
        callAtMs: i.calledAt,
        dispatchAtMs: i.dispatchedAt,
        sceneArrivalAtMs: i.arrivedSceneAt,
        sceneDepartureAtMs: i.departedSceneAt,
        hospitalArrivalAtMs: i.arrivedHospitalAt,
      })),
    );
    memo.set(code, k);
  }
  return k;
}
const minutes = (s: number | null | undefined) => (s === undefined ? undefined : s === null ? null : s / 60);

const fn = (value: ValueFunction): ValueEntry => ({ value });
const flow = (pick: (f: ParkingFlows) => number | null): ValueEntry => ({
  value: (u, code) => (u.parkingFlows ? pick(u.parkingFlows(code)) : undefined),
  freshnessDataset: 'parking.records',
});
const ecoShare =
  (pick: (e: EcoShares) => number | null): ValueFunction =>
  (u, code) =>
    u.eco ? pick(u.eco(code)) : undefined;

/**
 * THE registry of value functions, keyed by indicator id: every theme's snapshot (and the history) computes
 * an indicator's value at the lowest level it exists at (and at every level for rule none) with this one
 * function; above it the stored rule rolls it up (rollup.ts, createEvaluator). Derived indicators have no
 * entry: their formula is data.
 */
export const VALUE_FUNCTIONS: Partial<Record<IndicatorId, ValueEntry>> = {
  'traffic.congestionIndex': fn((u, code) => u.congestion && meanOf(u.congestion(code), (c) => c.index)),
  'parking.berthTotal': fn((u, code) => u.lots && sumOf(u.lots(code), (l) => l.berthTotal)),
  'parking.freeBerths': fn((u, code) => u.lots && sumOf(u.lots(code), (l) => l.berthFree)),
  'parking.berthOccupied': fn((u, code) => u.lots && sumOf(u.lots(code), (l) => l.berthOccupied)),
  'parking.occupancyRate': fn((u, code) => {
    if (!u.lots) return undefined;
    const lots = u.lots(code);
    const total = sumOf(lots, (l) => l.berthTotal);
    return total ? (sumOf(lots, (l) => l.berthOccupied) ?? 0) / total : null;
  }),
  'parking.turnoverRate': flow((f) => f.turnoverRate),
  'parking.averageDwellMinutes': flow((f) => f.averageDwellMinutes),
  'parking.inflowPerHour': flow((f) => f.inflow),
  'parking.outflowPerHour': flow((f) => f.outflow),
  'urban.casesReported': fn((u, code) => u.cases && sumOf(u.cases(code), (t) => t.reported)),
  'urban.casesClosed': fn((u, code) => u.cases && sumOf(u.cases(code), (t) => t.closed)),
  'urban.avgHandlingHours': fn((u, code) => {
    if (!u.cases) return undefined;
    const towns = u.cases(code).filter((t) => t.handlingMinutesClosed !== null);
    const closed = sumOf(towns, (t) => t.closed);
    const minutesClosed = sumOf(towns, (t) => t.handlingMinutesClosed!);
    return closed && minutesClosed !== null ? minutesClosed / 60 / closed : null;
  }),
  'health.outpatientVisits': fn(
    (u, code) => u.hospitals && sumOf(u.hospitals(code), (h) => h.outpatientVisitsToday),
  ),
  'health.edHospitals': fn((u, code) => u.hospitals?.(code).filter((h) => h.edLoad !== null).length),
  'health.edLoad': fn((u, code) => u.hospitals && meanOf(u.hospitals(code), (h) => h.edLoad)),
  'tourism.visitorsToday': fn((u, code) => u.spots && sumOf(u.spots(code), (s) => s.visitorsToday)),
  'tourism.spotFlow': fn((u, code) => u.spots && sumOf(u.spots(code), (s) => s.currentFlow)),
  'trauma.activeCases': fn((u, code) => u.incidents?.(code).filter((i) => ACTIVE.has(i.status)).length),
  'trauma.callToDispatchMinutes': fn((u, code) => minutes(traumaKpis(u, code)?.callToDispatch.medianS)),
  'trauma.medianResponseMinutes': fn((u, code) => minutes(traumaKpis(u, code)?.response.medianS)),
  'trauma.onSceneMinutes': fn((u, code) => minutes(traumaKpis(u, code)?.onScene.medianS)),
  'trauma.transportMinutes': fn((u, code) => minutes(traumaKpis(u, code)?.transport.medianS)),
  'trauma.preHospitalMinutes': fn((u, code) => minutes(traumaKpis(u, code)?.totalPreHospital.medianS)),
  'trauma.goldenHourShare': fn((u, code) => traumaKpis(u, code)?.goldenHour.share),
  'trauma.doorToCtMinutes': fn(
    (u, code) =>
      u.emergencyHospitals &&
      meanOf(
        u.emergencyHospitals(code).filter((h) => h.doorToCtMinutes !== null),
        (h) => h.doorToCtMinutes,
      ),
  ),
  'trauma.timeSavedMinutes': fn((u, code) =>
    u.transports ? u.transports(code).reduce((s, t) => s + t.savedS, 0) / 60 : undefined,
  ),
  'trauma.coverageGapVillages': fn((u, code) => u.coverage?.(code).filter((v) => v.gap).length),
  'eco.aqi': fn((u, code) => (u.airNow ? (u.airNow(code)?.aqi ?? null) : undefined)),
  'eco.pm25': fn((u, code) => (u.airNow ? (u.airNow(code)?.pm25 ?? null) : undefined)),
  'eco.goodDayShareMonth': fn(ecoShare((e) => e.goodDayShareMonth)),
  'eco.goodDayShareYear': fn(ecoShare((e) => e.goodDayShareYear)),
  'eco.waterCompliance': fn(ecoShare((e) => e.waterCompliance)),
  'eco.noiseNightCompliance': fn(ecoShare((e) => e.noiseNightCompliance)),
  // 基层治理: each village from its grids' records (grassroots-values.ts), above it the stored rule.
  ...(Object.fromEntries(
    Object.entries(GRASSROOTS_VALUES).map(([id, f]) => [
      id,
      fn((u, code) => (u.grassroots && f ? f(u.grassroots, code) : undefined)),
    ]),
  ) as Partial<Record<IndicatorId, ValueEntry>>),
};
