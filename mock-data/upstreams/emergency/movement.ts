/**
 * Vehicle movement. A leg is a polyline driven at a constant speed. The dispatch system uses the road
 * route (`./road-route`); a straight line (with a detour factor on its travel time) remains for tests.
 */
import { bearingDeg, distanceKm, type LonLat } from '../geo';

export interface Leg {
  /** polyline, at least two points */
  path: readonly LonLat[];
  depart: number;
  arrive: number;
  /** the speed shown on the vehicle's GPS while on this leg (km/h) */
  speedKmh: number;
  /** cumulative length at each vertex of `path`, km (computed by makeLeg; positions use a binary search) */
  cumKm?: readonly number[];
}

function cumulativeKm(path: readonly LonLat[]): number[] {
  const cum = [0];
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1];
    const b = path[i];
    cum.push(cum[i - 1]! + (a && b ? distanceKm(a, b) : 0));
  }
  return cum;
}

/** The path of a leg from `from` to `to`, leaving at `depart` (epoch ms; for time-of-day congestion). */
export type RouteProvider = (from: LonLat, to: LonLat, depart?: number) => readonly LonLat[];

/** Straight line (tests; and the fallback when a point is far from any road). */
export const straightLine: RouteProvider = (from, to) => [from, to];

/** Road distance over straight-line distance, used while legs are straight lines. */
export const DETOUR_FACTOR = 1.3;

export function pathLengthKm(path: readonly LonLat[]): number {
  let d = 0;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1];
    const b = path[i];
    if (a && b) d += distanceKm(a, b);
  }
  return d;
}

/** A leg from `from` to `to` departing at `depart`, at `speedKmh` along the (detour-corrected) road. */
export function makeLeg(
  from: LonLat,
  to: LonLat,
  depart: number,
  speedKmh: number,
  route: RouteProvider = straightLine,
): Leg {
  const path = route(from, to, depart);
  const cumKm = cumulativeKm(path);
  const lengthKm = cumKm[cumKm.length - 1] ?? 0;
  const roadKm = path.length > 2 ? lengthKm : lengthKm * DETOUR_FACTOR;
  const ms = Math.max(30_000, Math.round((roadKm / speedKmh) * 3_600_000));
  return { path, depart, arrive: depart + ms, speedKmh, cumKm };
}

export interface Fix {
  lon: number;
  lat: number;
  headingDeg: number;
  speedKmh: number;
}

/** Where a vehicle on the leg is at t (clamped to the ends). */
export function positionOnLeg(leg: Leg, t: number): Fix {
  const first = leg.path[0] ?? [0, 0];
  const last = leg.path[leg.path.length - 1] ?? first;
  const span = leg.arrive - leg.depart;
  const f = span <= 0 ? 1 : Math.min(1, Math.max(0, (t - leg.depart) / span));
  if (leg.path.length < 2) return { lon: last[0], lat: last[1], headingDeg: 0, speedKmh: 0 };
  const cum = leg.cumKm ?? cumulativeKm(leg.path);
  const target = f * (cum[cum.length - 1] ?? 0);
  // first vertex i ≥ 1 with cum[i] ≥ target
  let lo = 1;
  let hi = leg.path.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] ?? 0) >= target) hi = mid;
    else lo = mid + 1;
  }
  const a = leg.path[lo - 1]!;
  const b = leg.path[lo]!;
  const d = (cum[lo] ?? 0) - (cum[lo - 1] ?? 0);
  const g = d === 0 ? 1 : Math.min(1, Math.max(0, (target - (cum[lo - 1] ?? 0)) / d));
  return {
    lon: a[0] + (b[0] - a[0]) * g,
    lat: a[1] + (b[1] - a[1]) * g,
    headingDeg: bearingDeg(a, b),
    speedKmh: f > 0 && f < 1 ? leg.speedKmh : 0,
  };
}
