/**
 * Small planar geometry helpers. The derivation works in a local equirectangular frame in kilometres
 * centred on the county (so Voronoi cells and Lloyd centroids are not stretched by the lon/lat aspect
 * ratio at 29° N), and converts back to lon/lat only for output.
 */
import type { Pos, Ring } from './types';

/** Centre of the working frame (roughly the county centre). */
export const ORIGIN: Pos = [121.0, 29.15];
export const KM_PER_DEG_LAT = 110.574;
export const KM_PER_DEG_LON = 111.32 * Math.cos((ORIGIN[1] * Math.PI) / 180);

export function project(p: Pos): Pos {
  return [(p[0] - ORIGIN[0]) * KM_PER_DEG_LON, (p[1] - ORIGIN[1]) * KM_PER_DEG_LAT];
}
export function unproject(p: Pos): Pos {
  return [ORIGIN[0] + p[0] / KM_PER_DEG_LON, ORIGIN[1] + p[1] / KM_PER_DEG_LAT];
}

export function samePos(a: Pos, b: Pos): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Close a ring (append the first position) if it is open. */
export function closeRing(ring: Pos[]): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first === undefined || last === undefined) return [];
  return samePos(first, last) ? ring : [...ring, first];
}

/** Signed shoelace area of a closed ring: positive when counter-clockwise (x east, y north). */
export function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/** Signed area and first moments of a set of closed rings (holes must be oriented opposite to shells). */
export function ringsMoments(rings: readonly Ring[]): { area: number; mx: number; my: number } {
  let area = 0;
  let mx = 0;
  let my = 0;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      const cross = a[0] * b[1] - b[0] * a[1];
      area += cross / 2;
      mx += ((a[0] + b[0]) * cross) / 6;
      my += ((a[1] + b[1]) * cross) / 6;
    }
  }
  return { area, mx, my };
}

/** Even-odd point-in-polygon over any set of closed rings (shells and holes of one or more polygons). */
export function pointInRings(p: Pos, rings: readonly Ring[]): boolean {
  let inside = false;
  const [x, y] = p;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  }
  return inside;
}

function segmentDistance(p: Pos, a: Pos, b: Pos): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance from `p` to the nearest edge of any of the rings. */
export function distanceToRings(p: Pos, rings: readonly Ring[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const d = segmentDistance(p, ring[i]!, ring[i + 1]!);
      if (d < best) best = d;
    }
  }
  return best;
}

export type BBox = [minX: number, minY: number, maxX: number, maxY: number];

export function ringsBBox(rings: readonly Ring[]): BBox {
  const b: BBox = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

/**
 * Sutherland–Hodgman: clip a closed ring (any shape) by a convex, counter-clockwise closed ring.
 * With a non-convex subject the result may contain zero-width bridges, but its signed area and
 * moments are exact, which is all the Lloyd relaxation needs. Returns a closed ring or [].
 */
export function clipRingByConvex(subject: Ring, clip: Ring): Ring {
  let out: Pos[] = subject.slice(0, -1);
  for (let e = 0; e + 1 < clip.length && out.length > 0; e++) {
    const a = clip[e]!;
    const b = clip[e + 1]!;
    const side = (p: Pos) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      const sc = side(cur);
      const sp = side(prev);
      if (sc >= 0) {
        if (sp < 0) out.push(intersection(prev, cur, sp, sc));
        out.push(cur);
      } else if (sp >= 0) {
        out.push(intersection(prev, cur, sp, sc));
      }
    }
  }
  return out.length >= 3 ? closeRing(out) : [];
}

function intersection(p: Pos, q: Pos, sp: number, sq: number): Pos {
  const t = sp / (sp - sq);
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

/** A regular counter-clockwise closed polygon approximating a circle. */
export function circleRing(center: Pos, radius: number, steps = 48): Ring {
  const ring: Pos[] = [];
  for (let i = 0; i < steps; i++) {
    const t = (2 * Math.PI * i) / steps;
    ring.push([center[0] + radius * Math.cos(t), center[1] + radius * Math.sin(t)]);
  }
  return closeRing(ring);
}
