import { hourlyReading, meanConcentrations } from '../snapshots/eco/eco.compute';
import { median } from '../snapshots/values';
import type {
  HospitalActivity,
  ScenicSpot,
  TownshipCases,
  TownshipCongestion,
} from '../upstreams/county-services/adapter';
import type { Incident } from '../upstreams/emergency-120/adapter';
import type { AirObservation } from '../upstreams/env-monitor/adapter';
import type { ParkingLotState } from '../upstreams/parking-platform/adapter';
import type { IndicatorId } from './registry';
import { inRegion } from './rollup';
import { meanOf, sumOf, type Units, type ValueFunction } from './value-functions';

/** The county-wide datasets the overview reads, indexed by the unit each entity lies in. */
export type OverviewUnits = {
  lots: Units<ParkingLotState>;
  spots: Units<ScenicSpot>;
  hospitals: Units<HospitalActivity>;
  /** Township rows (cases, congestion): only for townships and the county. */
  cases: Units<TownshipCases>;
  congestion: Units<TownshipCongestion>;
  incidents: Units<Incident> | undefined;
  air: readonly AirObservation[];
  /** The dispatch system's clock (ms), for "last 24 hours". */
  nowMs: number;
};

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

/** The value function of each indicator the overview's datasets can give, for one region. */
export const OVERVIEW_VALUES: Partial<Record<IndicatorId, ValueFunction<OverviewUnits>>> = {
  'traffic.congestionIndex': (u, code) => meanOf(u.congestion(code), (c) => c.index),
  'parking.berthTotal': (u, code) => sumOf(u.lots(code), (l) => l.berthTotal),
  'parking.freeBerths': (u, code) => sumOf(u.lots(code), (l) => l.berthFree),
  'parking.berthOccupied': (u, code) => sumOf(u.lots(code), (l) => l.berthOccupied),
  'parking.occupancyRate': (u, code) => {
    const lots = u.lots(code);
    const total = sumOf(lots, (l) => l.berthTotal);
    return total ? (sumOf(lots, (l) => l.berthOccupied) ?? 0) / total : null;
  },
  'urban.casesReported': (u, code) => sumOf(u.cases(code), (t) => t.reported),
  'urban.casesClosed': (u, code) => sumOf(u.cases(code), (t) => t.closed),
  'urban.avgHandlingHours': (u, code) => {
    const towns = u.cases(code).filter((t) => t.handlingMinutesClosed !== null);
    const closed = sumOf(towns, (t) => t.closed);
    const minutes = sumOf(towns, (t) => t.handlingMinutesClosed!);
    return closed && minutes !== null ? minutes / 60 / closed : null;
  },
  'health.outpatientVisits': (u, code) => sumOf(u.hospitals(code), (h) => h.outpatientVisitsToday),
  'health.edHospitals': (u, code) => u.hospitals(code).filter((h) => h.edLoad !== null).length,
  'health.edLoad': (u, code) => meanOf(u.hospitals(code), (h) => h.edLoad),
  'tourism.visitorsToday': (u, code) => sumOf(u.spots(code), (s) => s.visitorsToday),
  'tourism.spotFlow': (u, code) => sumOf(u.spots(code), (s) => s.currentFlow),
  'trauma.activeCases': (u, code) =>
    u.incidents ? u.incidents(code).filter((i) => ACTIVE.has(i.status)).length : null,
  'trauma.medianResponseMinutes': (u, code) =>
    median(
      (u.incidents?.(code) ?? [])
        .filter((i) => i.calledAt >= u.nowMs - DAY_MS && i.dispatchedAt !== null && i.arrivedSceneAt !== null)
        .map((i) => (i.arrivedSceneAt! - i.dispatchedAt!) / 60_000),
    ),
  'eco.aqi': (u, code) => regionAqi(code, u.air)?.aqi ?? null,
};
