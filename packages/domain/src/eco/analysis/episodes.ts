/**
 * Pollution episodes (污染过程) and upwind stations.
 *
 * Episode rule: a run of consecutive hours with AQI strictly > `thresholdAqi` (default 100: AQI
 * exactly 100 is still good) lasting at least `minHours` (default 2) hours. Hours are consecutive when
 * their `atMs` differ by exactly one hour; a missing hour (no record, or `aqi: null`) ends the run —
 * an unknown hour is not assumed polluted. `atMs` is the start of the hour, so an episode covers
 * [startMs, endMs) with endMs = last hour's atMs + 1 h, and hours = (endMs − startMs) / 1 h.
 */
import { haversineM } from '../../routing/graph';
import { HOUR_MS } from './time';

export interface HourlyAqi {
  /** Start of the hour, epoch ms. */
  atMs: number;
  aqi: number | null;
}

export interface AqiEpisode {
  stationId: string;
  /** Start of the first hour. */
  startMs: number;
  /** End of the last hour (exclusive). */
  endMs: number;
  /** Start of the last hour. */
  lastHourMs: number;
  peakAqi: number;
  /** Start of the (first) peak hour. */
  peakAtMs: number;
  hours: number;
}

export interface EpisodeOptions {
  /** Default 100 (episode hours are > this). */
  thresholdAqi?: number;
  /** Default 2. */
  minHours?: number;
}

/**
 * Episodes of one station, in time order. The series may be unsorted; throws RangeError for a
 * duplicate hour or a non-finite time / negative AQI.
 */
export function detectEpisodes(
  stationId: string,
  series: readonly HourlyAqi[],
  opts: EpisodeOptions = {},
): AqiEpisode[] {
  const fn = 'detectEpisodes';
  const threshold = opts.thresholdAqi ?? 100;
  const minHours = opts.minHours ?? 2;
  if (!Number.isInteger(minHours) || minHours < 1)
    throw new RangeError(`${fn}: minHours must be an integer ≥ 1`);
  for (const h of series) {
    if (!Number.isFinite(h.atMs)) throw new RangeError(`${fn}: atMs must be finite, got ${h.atMs}`);
    if (h.aqi !== null && !(Number.isFinite(h.aqi) && h.aqi >= 0)) {
      throw new RangeError(`${fn}: aqi must be a finite number ≥ 0 or null, got ${String(h.aqi)}`);
    }
  }
  const sorted = [...series].sort((a, b) => a.atMs - b.atMs);
  const out: AqiEpisode[] = [];
  let run: HourlyAqi[] = [];
  const flush = () => {
    if (run.length >= minHours) {
      let peak = run[0]!;
      for (const h of run) if (h.aqi! > peak.aqi!) peak = h;
      const first = run[0]!;
      const last = run[run.length - 1]!;
      out.push({
        stationId,
        startMs: first.atMs,
        endMs: last.atMs + HOUR_MS,
        lastHourMs: last.atMs,
        peakAqi: peak.aqi!,
        peakAtMs: peak.atMs,
        hours: run.length,
      });
    }
    run = [];
  };
  for (let i = 0; i < sorted.length; i++) {
    const h = sorted[i]!;
    if (i > 0 && h.atMs === sorted[i - 1]!.atMs) {
      throw new RangeError(`${fn}: duplicate hour ${new Date(h.atMs).toISOString()} for ${stationId}`);
    }
    const polluted = h.aqi !== null && h.aqi > threshold;
    if (!polluted) {
      flush();
      continue;
    }
    const prev = run[run.length - 1];
    if (prev && h.atMs - prev.atMs !== HOUR_MS) flush();
    run.push(h);
  }
  flush();
  return out;
}

export interface UpwindOptions {
  /** Half-width of the upwind sector, degrees (inclusive). Default 45. */
  halfAngleDeg?: number;
  /** Default 50 000 m (the county is about 50 km across). */
  maxDistanceM?: number;
}

export interface UpwindStation<T> {
  station: T;
  distanceM: number;
  /** Bearing from the target to the station, degrees clockwise from north. */
  bearingDeg: number;
  /** Signed angle between that bearing and the wind-from direction, −180..180. */
  offsetDeg: number;
}

const RAD = Math.PI / 180;

function initialBearing(aLon: number, aLat: number, bLon: number, bLat: number): number {
  const f1 = aLat * RAD;
  const f2 = bLat * RAD;
  const dl = (bLon - aLon) * RAD;
  const y = Math.sin(dl) * Math.cos(f2);
  const x = Math.cos(f1) * Math.sin(f2) - Math.sin(f1) * Math.cos(f2) * Math.cos(dl);
  const deg = (Math.atan2(y, x) / RAD + 360) % 360;
  return deg >= 360 ? 0 : deg;
}

/**
 * Stations upwind of a target, nearest first. `windFromDeg` is meteorological: the direction the wind
 * blows FROM, degrees clockwise from north (90 = east wind → stations to the east are upwind). A
 * station is upwind when the bearing from the target to it is within ±`halfAngleDeg` of windFromDeg
 * and it lies within `maxDistanceM` (and is not at the target itself). Calm or variable wind has no
 * upwind direction: the caller should not call this then.
 */
export function upwindStations<T extends { readonly lon: number; readonly lat: number }>(
  target: { readonly lon: number; readonly lat: number },
  stations: readonly T[],
  windFromDeg: number,
  opts: UpwindOptions = {},
): UpwindStation<T>[] {
  const fn = 'upwindStations';
  if (!Number.isFinite(windFromDeg)) throw new RangeError(`${fn}: windFromDeg must be finite`);
  if (!Number.isFinite(target.lon) || !Number.isFinite(target.lat)) {
    throw new RangeError(`${fn}: target must have finite lon/lat`);
  }
  const half = opts.halfAngleDeg ?? 45;
  const maxD = opts.maxDistanceM ?? 50_000;
  if (!(half >= 0 && half <= 180)) throw new RangeError(`${fn}: halfAngleDeg must be within 0..180`);
  const from = ((windFromDeg % 360) + 360) % 360;
  const out: UpwindStation<T>[] = [];
  for (const s of stations) {
    const distanceM = haversineM(target.lon, target.lat, s.lon, s.lat);
    if (distanceM === 0 || distanceM > maxD) continue;
    const bearingDeg = initialBearing(target.lon, target.lat, s.lon, s.lat);
    const offsetDeg = ((bearingDeg - from + 540) % 360) - 180;
    if (Math.abs(offsetDeg) <= half + 1e-9) out.push({ station: s, distanceM, bearingDeg, offsetDeg });
  }
  return out.sort((a, b) => a.distanceM - b.distanceM);
}
