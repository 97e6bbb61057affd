import {
  fetchCongestion,
  fetchHospitalActivity,
  fetchScenicSpots,
  fetchTownshipCases,
} from '../upstreams/county-services/adapter';
import { fetchIncidents } from '../upstreams/emergency-120/adapter';
import { fetchAirRealtime } from '../upstreams/env-monitor/adapter';
import { fetchLots } from '../upstreams/parking-platform/adapter';
import type { SystemId, Upstreams } from '../upstreams/systems';
import type { Dataset } from './dataset-cache';

/** How often each kind of data is refreshed; tests shorten these. */
export type Timing = { fastMs: number; mediumMs: number; slowMs: number };
export const DEFAULT_TIMING: Timing = timingFrom(10_000);

/** Live data every `fastMs`, county statistics 1.5× slower, hourly environment data 6× slower. */
export function timingFrom(fastMs: number): Timing {
  return { fastMs, mediumMs: Math.round(fastMs * 1.5), slowMs: fastMs * 6 };
}

function dataset<T>(id: string, system: SystemId, ttlMs: number, load: () => Promise<T>): Dataset<T> {
  // Reported stale once two refreshes in a row have been missed.
  return { id, system, ttlMs, freshnessMs: ttlMs * 2 + 5_000, load };
}

/** Every upstream dataset the snapshots are built from. One refresh serves every screen. */
export function createDatasets(up: Upstreams, timing: Timing = DEFAULT_TIMING) {
  return {
    lots: dataset('parking.lots', 'parking-platform', timing.fastMs, () => fetchLots(up['parking-platform'])),
    incidents: dataset('emergency.incidents', 'emergency-120', timing.fastMs, () =>
      fetchIncidents(up['emergency-120']),
    ),
    air: dataset('env.airRealtime', 'env-monitor', timing.slowMs, () => fetchAirRealtime(up['env-monitor'])),
    spots: dataset('county.scenicSpots', 'county-services', timing.mediumMs, () =>
      fetchScenicSpots(up['county-services']),
    ),
    cases: dataset('county.cases', 'county-services', timing.mediumMs, () =>
      fetchTownshipCases(up['county-services']),
    ),
    hospitals: dataset('county.hospitals', 'county-services', timing.mediumMs, () =>
      fetchHospitalActivity(up['county-services']),
    ),
    congestion: dataset('county.congestion', 'county-services', timing.mediumMs, () =>
      fetchCongestion(up['county-services']),
    ),
  };
}
export type Datasets = ReturnType<typeof createDatasets>;
