/**
 * Ambulance animation between two GPS fixes. Positions are interpolated linearly in lon/lat, which
 * is indistinguishable from the great circle over the few hundred metres between consecutive fixes;
 * the heading is the initial great-circle bearing from the earlier fix to the later one.
 */
import { haversineM } from '../routing/graph';

export interface GpsFix {
  lon: number;
  lat: number;
  /** Fix time, epoch ms. */
  atMs: number;
}

export interface InterpolatedPosition {
  lon: number;
  lat: number;
  /** Degrees clockwise from north, [0, 360). */
  headingDeg: number;
  /** Interpolation fraction actually used, clamped to 0..1. */
  t: number;
  /** The two fixes are (almost) at the same place: the heading is the fallback. */
  stationary: boolean;
}

export interface InterpolateOptions {
  /** Heading to show when the fixes are less than `minMoveM` apart (e.g. the last heading). Default 0. */
  fallbackHeadingDeg?: number;
  /** Default 0.5 m. */
  minMoveM?: number;
}

const RAD = Math.PI / 180;

function checkPoint(fn: string, name: string, p: { lon: number; lat: number }): void {
  if (!Number.isFinite(p?.lon) || !Number.isFinite(p?.lat) || Math.abs(p.lat) > 90) {
    throw new RangeError(`${fn}: ${name} must have a finite lon and a lat within ±90`);
  }
}

/**
 * Initial great-circle bearing from a to b, degrees clockwise from north in [0, 360).
 * 0 when the points coincide.
 */
export function bearingDeg(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  checkPoint('bearingDeg', 'a', a);
  checkPoint('bearingDeg', 'b', b);
  const f1 = a.lat * RAD;
  const f2 = b.lat * RAD;
  const dl = (b.lon - a.lon) * RAD;
  const y = Math.sin(dl) * Math.cos(f2);
  const x = Math.cos(f1) * Math.sin(f2) - Math.sin(f1) * Math.cos(f2) * Math.cos(dl);
  if (y === 0 && x === 0) return 0;
  const deg = Math.atan2(y, x) / RAD;
  const norm = (deg + 360) % 360;
  // (−tiny + 360) % 360 can round to 360.
  return norm >= 360 ? 0 : norm;
}

/**
 * Position and heading at `renderMs` between fixes `a` (earlier) and `b` (later); times before `a`
 * or after `b` are clamped (no extrapolation). Equal fix times give `b`. Throws RangeError when
 * `b` is earlier than `a` or a coordinate / time is not finite.
 */
export function interpolateFix(
  a: GpsFix,
  b: GpsFix,
  renderMs: number,
  opts: InterpolateOptions = {},
): InterpolatedPosition {
  const fn = 'interpolateFix';
  checkPoint(fn, 'a', a);
  checkPoint(fn, 'b', b);
  if (!Number.isFinite(a.atMs) || !Number.isFinite(b.atMs) || !Number.isFinite(renderMs)) {
    throw new RangeError(`${fn}: times must be finite`);
  }
  if (b.atMs < a.atMs) throw new RangeError(`${fn}: fix b (${b.atMs}) is earlier than fix a (${a.atMs})`);
  const span = b.atMs - a.atMs;
  const t = span === 0 ? 1 : Math.min(1, Math.max(0, (renderMs - a.atMs) / span));
  const stationary = haversineM(a.lon, a.lat, b.lon, b.lat) < (opts.minMoveM ?? 0.5);
  return {
    lon: a.lon + (b.lon - a.lon) * t,
    lat: a.lat + (b.lat - a.lat) * t,
    headingDeg: stationary ? (((opts.fallbackHeadingDeg ?? 0) % 360) + 360) % 360 : bearingDeg(a, b),
    t,
    stationary,
  };
}
