/**
 * Geometry primitives of the road builder. All topology work happens on integer micro-degree
 * positions (`[round(lon·1e6), round(lat·1e6)]`), i.e. exactly the 6-decimal coordinates that are
 * written out: two vertices are "shared" when their integers are equal, and orientation tests on
 * integer differences (< 1e6 within the county) are exact in double arithmetic. Metric quantities
 * (distances, nearest points) use the local equirectangular scale of `../planar.ts`.
 */
import { KM_PER_DEG_LAT, KM_PER_DEG_LON, pointInRings } from '../planar';
import type { Pos, Ring } from '../types';

/** Integer micro-degrees per degree. */
export const MICRO = 1_000_000;
/** km per micro-degree, east and north. */
export const KX = KM_PER_DEG_LON / MICRO;
export const KY = KM_PER_DEG_LAT / MICRO;

/** Degrees → integer micro-degrees. */
export function toMicro(p: Pos): Pos {
  return [Math.round(p[0] * MICRO), Math.round(p[1] * MICRO)];
}
/** Integer micro-degrees → degrees (the exact double nearest the 6-decimal value). */
export function fromMicro(p: Pos): Pos {
  return [p[0] / MICRO, p[1] / MICRO];
}
export function keyOf(p: Pos): string {
  return `${p[0]},${p[1]}`;
}
export function same(a: Pos, b: Pos): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Distance in km between two micro-degree positions. */
export function distKm(a: Pos, b: Pos): number {
  return Math.hypot((a[0] - b[0]) * KX, (a[1] - b[1]) * KY);
}

/** Sign of the cross product (b − a) × (c − a): 1 left turn, −1 right turn, 0 collinear. Exact on integers. */
export function orient(a: Pos, b: Pos, c: Pos): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** True when p (collinear with a–b) lies within the closed bounding box of a–b. */
function withinBox(a: Pos, b: Pos, p: Pos): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** True when p lies on segment a–b strictly between its endpoints. */
export function strictlyInside(a: Pos, b: Pos, p: Pos): boolean {
  return orient(a, b, p) === 0 && withinBox(a, b, p) && !same(a, p) && !same(b, p);
}

/** The kind of contact between segments a–b and c–d. */
export type Contact =
  | { kind: 'none' }
  /** They cross at a point interior to both. */
  | { kind: 'cross'; at: Pos }
  /** Touch without a shared vertex: `points` lie on the interior of the other segment. */
  | { kind: 'touch'; onAB: Pos[]; onCD: Pos[] };

/**
 * Classify how two segments meet. Sharing an endpoint (and nothing else) is `none`: that is a
 * proper junction. The crossing point of a `cross` is rounded to integers.
 */
export function contact(a: Pos, b: Pos, c: Pos, d: Pos): Contact {
  if (
    Math.max(a[0], b[0]) < Math.min(c[0], d[0]) ||
    Math.max(c[0], d[0]) < Math.min(a[0], b[0]) ||
    Math.max(a[1], b[1]) < Math.min(c[1], d[1]) ||
    Math.max(c[1], d[1]) < Math.min(a[1], b[1])
  ) {
    return { kind: 'none' };
  }
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
    const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den;
    return {
      kind: 'cross',
      at: [Math.round(a[0] + t * (b[0] - a[0])), Math.round(a[1] + t * (b[1] - a[1]))],
    };
  }
  const onAB = [c, d].filter((p) => strictlyInside(a, b, p));
  const onCD = [a, b].filter((p) => strictlyInside(c, d, p));
  if (onAB.length > 0 || onCD.length > 0) return { kind: 'touch', onAB, onCD };
  return { kind: 'none' };
}

/** Nearest point (real-valued micro-degrees) on segment a–b to p in the metric frame, and its parameter. */
export function nearestOnSegment(p: Pos, a: Pos, b: Pos): { at: Pos; t: number; km: number } {
  const dx = (b[0] - a[0]) * KX;
  const dy = (b[1] - a[1]) * KY;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * KX * dx + (p[1] - a[1]) * KY * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const at: Pos = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  return { at, t, km: distKm(p, at) };
}

/** Polyline length in km. */
export function lineKm(pts: readonly Pos[]): number {
  let s = 0;
  for (let i = 1; i < pts.length; i++) s += distKm(pts[i - 1]!, pts[i]!);
  return s;
}

/** Point-in-county test for a micro-degree position against rings given in degrees. */
export function insideRings(p: Pos, rings: readonly Ring[]): boolean {
  return pointInRings(fromMicro(p), rings);
}

/** True when the polyline stays inside the rings, sampled every `stepKm`. */
export function lineInside(pts: readonly Pos[], rings: readonly Ring[], stepKm = 0.1): boolean {
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i]!;
    if (!insideRings(a, rings)) return false;
    const b = pts[i + 1];
    if (b === undefined) break;
    const n = Math.ceil(distKm(a, b) / stepKm);
    for (let k = 1; k < n; k++) {
      const t = k / n;
      if (!insideRings([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], rings)) return false;
    }
  }
  return true;
}

/** Remove consecutive duplicate positions. */
export function dedupe(pts: readonly Pos[]): Pos[] {
  const out: Pos[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last === undefined || !same(last, p)) out.push(p);
  }
  return out;
}

/**
 * A gently bending polyline from a to b (both kept exactly), in micro-degrees: intermediate
 * vertices every ~`stepKm`, displaced sideways by a smooth random profile (three sine harmonics
 * with seeded weights, zero at both ends) of amplitude `ampKm`, plus optional serpentine wiggles
 * of `wiggleKm` with a wavelength of ~`wiggleWaveKm` (mountain roads).
 */
export function bendyLine(
  a: Pos,
  b: Pos,
  rng: () => number,
  opts: { stepKm: number; ampKm: number; wiggleKm?: number; wiggleWaveKm?: number },
): Pos[] {
  const lenKm = distKm(a, b);
  const n = Math.max(1, Math.ceil(lenKm / opts.stepKm));
  // unit normal in the metric frame, converted back to micro-degrees per km
  const ex = ((b[0] - a[0]) * KX) / (lenKm || 1);
  const ey = ((b[1] - a[1]) * KY) / (lenKm || 1);
  const nx = -ey / KX;
  const ny = ex / KY;
  const w1 = rng() * 2 - 1;
  const w2 = rng() * 2 - 1;
  const w3 = rng() * 2 - 1;
  const phase = rng() * Math.PI * 2;
  const wiggle = opts.wiggleKm ?? 0;
  const waves = opts.wiggleWaveKm ? Math.max(1, Math.round(lenKm / opts.wiggleWaveKm)) : 0;
  const out: Pos[] = [a];
  for (let k = 1; k < n; k++) {
    const t = k / n;
    const envelope = Math.sin(Math.PI * t);
    let off =
      opts.ampKm *
      (w1 * Math.sin(Math.PI * t) +
        0.5 * w2 * Math.sin(2 * Math.PI * t) +
        0.3 * w3 * Math.sin(3 * Math.PI * t));
    if (waves > 0) off += wiggle * envelope * (0.6 + 0.4 * rng()) * Math.sin(2 * Math.PI * waves * t + phase);
    off += opts.ampKm * 0.08 * envelope * (rng() * 2 - 1);
    out.push([
      Math.round(a[0] + t * (b[0] - a[0]) + off * nx),
      Math.round(a[1] + t * (b[1] - a[1]) + off * ny),
    ]);
  }
  out.push(b);
  return dedupe(out);
}
