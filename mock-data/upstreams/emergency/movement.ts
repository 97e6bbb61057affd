/**
 * Vehicle movement. Today a leg is a straight line between two points driven at a constant speed (the
 * travel time includes a detour factor for the real road); a road network can later supply the `path`
 * through `RouteProvider` without touching the dispatch model.
 */
import { bearingDeg, distanceKm, type LonLat } from '../geo';

export interface Leg {
  /** polyline, at least two points */
  path: readonly LonLat[];
  depart: number;
  arrive: number;
  /** the speed shown on the vehicle's GPS while on this leg (km/h) */
  speedKmh: number;
}

export type RouteProvider = (from: LonLat, to: LonLat) => readonly LonLat[];

/** Straight line: the default until a road network exists. */
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
  const path = route(from, to);
  const roadKm = path.length > 2 ? pathLengthKm(path) : pathLengthKm(path) * DETOUR_FACTOR;
  const ms = Math.max(30_000, Math.round((roadKm / speedKmh) * 3_600_000));
  return { path, depart, arrive: depart + ms, speedKmh };
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
  const total = pathLengthKm(leg.path);
  let target = f * total;
  for (let i = 1; i < leg.path.length; i++) {
    const a = leg.path[i - 1];
    const b = leg.path[i];
    if (!a || !b) continue;
    const d = distanceKm(a, b);
    if (target <= d || i === leg.path.length - 1) {
      const g = d === 0 ? 1 : Math.min(1, target / d);
      return {
        lon: a[0] + (b[0] - a[0]) * g,
        lat: a[1] + (b[1] - a[1]) * g,
        headingDeg: bearingDeg(a, b),
        speedKmh: f > 0 && f < 1 ? leg.speedKmh : 0,
      };
    }
    target -= d;
  }
  return { lon: last[0], lat: last[1], headingDeg: bearingDeg(first, last), speedKmh: 0 };
}
