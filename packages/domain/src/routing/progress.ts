/**
 * Progress of a vehicle along its route polyline from GPS fixes.
 *
 * Each fix is projected onto the polyline (the closest point of the closest segment, in a local
 * equirectangular frame — exact enough over the few hundred metres of a segment). Progress is monotonic:
 * a projection behind the previous progress (GPS jitter, a fix taken at a red light) keeps the previous
 * progress. Only the part of the route from `previous − backtrackM` onwards is searched, and at most
 * `maxAdvanceM` beyond the previous progress, so a route passing near itself (a switchback, an out-and-back
 * street) cannot make progress jump ahead. A fix farther than `maxOffRouteM` from that part of the route
 * (the vehicle left the planned road) does not advance progress at all.
 */
import { EARTH_RADIUS_M, haversineM } from './graph';
import type { Coord } from './types';

export interface RouteTrack {
  readonly path: readonly Coord[];
  /** Cumulative distance from the start to each vertex, metres (haversine, like the route's length). */
  readonly cumM: readonly number[];
  readonly lengthM: number;
}

const RAD = Math.PI / 180;

const hav = (a: Coord, b: Coord): number => haversineM(a[0], a[1], b[0], b[1]);

/** A route polyline with its cumulative distances. Throws RangeError for an empty or non-finite path. */
export function routeTrack(path: readonly Coord[]): RouteTrack {
  if (path.length === 0) throw new RangeError('routeTrack: path must have at least one point');
  const cumM = [0];
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    if (![a[0], a[1], b[0], b[1]].every(Number.isFinite))
      throw new RangeError(`routeTrack: path[${i}] is not finite`);
    cumM.push(cumM[i - 1]! + hav(a, b));
  }
  return { path, cumM, lengthM: cumM[cumM.length - 1]! };
}

export interface Projection {
  /** Distance along the route of the closest point, metres. */
  alongM: number;
  /** Distance from the fix to that point, metres. */
  offsetM: number;
}

/** Closest point of the route to `p` among the part between `fromM` and `toM` (metres along). */
export function projectOnRoute(
  track: RouteTrack,
  p: Coord,
  fromM = 0,
  toM = Number.POSITIVE_INFINITY,
): Projection {
  if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]))
    throw new RangeError('projectOnRoute: point must be finite');
  const { path, cumM } = track;
  if (path.length === 1) return { alongM: 0, offsetM: hav(path[0]!, p) };
  const kx = Math.cos(p[1] * RAD) * RAD * EARTH_RADIUS_M;
  const ky = RAD * EARTH_RADIUS_M;
  let best: Projection = {
    alongM: Math.max(0, Math.min(fromM, track.lengthM)),
    offsetM: Number.POSITIVE_INFINITY,
  };
  for (let i = 1; i < path.length; i++) {
    const s0 = cumM[i - 1]!;
    const s1 = cumM[i]!;
    if (s1 < fromM || s0 > toM) continue;
    const a = path[i - 1]!;
    const b = path[i]!;
    const bx = (b[0] - a[0]) * kx;
    const by = (b[1] - a[1]) * ky;
    const px = (p[0] - a[0]) * kx;
    const py = (p[1] - a[1]) * ky;
    const len2 = bx * bx + by * by;
    let t = len2 === 0 ? 0 : (px * bx + py * by) / len2;
    // Clamp to the searched window within this segment.
    const segLen = s1 - s0;
    const tMin = segLen > 0 ? Math.max(0, (fromM - s0) / segLen) : 0;
    const tMax = segLen > 0 ? Math.min(1, (toM - s0) / segLen) : 1;
    t = Math.min(tMax, Math.max(tMin, t));
    const dx = px - t * bx;
    const dy = py - t * by;
    const off = Math.hypot(dx, dy);
    if (off < best.offsetM) best = { alongM: s0 + t * segLen, offsetM: off };
  }
  return best;
}

export interface ProgressOptions {
  /** A fix farther than this from the route does not advance progress. Default 100 m. */
  maxOffRouteM?: number;
  /** Search window behind the previous progress. Default 50 m. */
  backtrackM?: number;
  /** Search window ahead of the previous progress (e.g. time since the last fix × a top speed). Default ∞. */
  maxAdvanceM?: number;
}

/**
 * The new monotonic progress (metres along the route) after a fix at `p`, given the previous progress
 * (null before the first fix). Never less than `previousM`, never more than the route's length.
 */
export function advanceProgress(
  track: RouteTrack,
  previousM: number | null,
  p: Coord,
  opts: ProgressOptions = {},
): number {
  const prev = previousM ?? 0;
  const from = Math.max(0, prev - (opts.backtrackM ?? 50));
  const to = prev + (opts.maxAdvanceM ?? Number.POSITIVE_INFINITY);
  const proj = projectOnRoute(track, p, from, to);
  if (proj.offsetM > (opts.maxOffRouteM ?? 100)) return Math.min(prev, track.lengthM);
  return Math.min(track.lengthM, Math.max(prev, proj.alongM));
}
