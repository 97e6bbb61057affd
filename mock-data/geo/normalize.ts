/**
 * Output normalisation, so the written GeoJSON is valid (RFC 7946) and byte-stable: coordinates
 * rounded to 6 decimals (~0.1 m), consecutive duplicates and zero-width spikes removed, rings closed,
 * exterior rings counter-clockwise and holes clockwise, slivers dropped, polygons in a stable order.
 * Also the one-off cleaning of the source county outline (see cleanOutline).
 */
import { closeRing, ringArea, samePos } from './planar';
import type { Areal, PolygonCoords, Pos, Ring } from './types';

export const DECIMALS = 6;
const SCALE = 10 ** DECIMALS;
/** Rings smaller than this (in square degrees, ≈ 1 m²) are slivers and are dropped. */
const MIN_RING_AREA_DEG2 = 1e-10;

export function roundCoord(v: number): number {
  const r = Math.round(v * SCALE) / SCALE;
  return r === 0 ? 0 : r; // never -0
}
export function roundPos(p: Pos): Pos {
  return [roundCoord(p[0]), roundCoord(p[1])];
}

/** Convert a position as returned by Turf (`number[]`) to a checked `Pos`. */
export function toPos(p: readonly number[]): Pos {
  const [x, y] = p;
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw new Error(`invalid position ${JSON.stringify(p)}`);
  }
  return [x, y];
}

/** True when b is a zero-width back-track between a and c (a, b, c collinear and c turns back). */
function isBacktrack(a: Pos, b: Pos, c: Pos): boolean {
  const ux = b[0] - a[0];
  const uy = b[1] - a[1];
  const vx = c[0] - b[0];
  const vy = c[1] - b[1];
  return ux * vy - uy * vx === 0 && ux * vx + uy * vy < 0;
}

/**
 * Remove consecutive duplicate positions and zero-width spikes or back-tracks (A, B, A → A; and
 * A, B, C collinear with C between A and B → A, C), cyclically. Takes and returns an open ring (no
 * closing position).
 */
export function removeDuplicatesAndSpikes(open: readonly Pos[]): Pos[] {
  let pts = [...open];
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    const out: Pos[] = [];
    for (const p of pts) {
      let skip = false;
      for (;;) {
        const last = out[out.length - 1];
        const beforeLast = out[out.length - 2];
        if (last !== undefined && samePos(last, p)) {
          skip = true;
        } else if (last !== undefined && beforeLast !== undefined && isBacktrack(beforeLast, last, p)) {
          out.pop();
          changed = true;
          continue;
        }
        break;
      }
      if (skip) changed = true;
      else out.push(p);
    }
    pts = out;
    const n = pts.length;
    if (n < 3) break;
    if (samePos(pts[0]!, pts[n - 1]!)) {
      pts.pop();
      changed = true;
    } else if (isBacktrack(pts[n - 2]!, pts[n - 1]!, pts[0]!)) {
      pts.pop();
      changed = true;
    } else if (isBacktrack(pts[n - 1]!, pts[0]!, pts[1]!)) {
      pts.shift();
      changed = true;
    }
  }
  return pts;
}

function openRing(ring: readonly Pos[]): Pos[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first !== undefined && last !== undefined && ring.length > 1 && samePos(first, last)
    ? ring.slice(0, -1)
    : [...ring];
}

/** Round, clean, close and orient one ring; returns null for degenerate rings and slivers. */
export function normaliseRing(ring: readonly Pos[], exterior: boolean): Ring | null {
  const open = removeDuplicatesAndSpikes(openRing(ring).map(roundPos));
  if (open.length < 3) return null;
  const closed = closeRing(open);
  const area = ringArea(closed);
  if (Math.abs(area) < MIN_RING_AREA_DEG2) return null;
  return area > 0 === exterior ? closed : closed.reverse();
}

/**
 * Normalise polygons given in lon/lat to a Polygon (one part) or MultiPolygon (several parts,
 * largest first). Returns null when nothing but slivers is left.
 */
export function normaliseAreal(polygons: readonly (readonly (readonly Pos[])[])[]): Areal | null {
  const parts: { coords: PolygonCoords; area: number }[] = [];
  for (const polygon of polygons) {
    const [shell, ...holes] = polygon;
    if (shell === undefined) continue;
    const outer = normaliseRing(shell, true);
    if (outer === null) continue;
    const inner = holes.map((h) => normaliseRing(h, false)).filter((h): h is Ring => h !== null);
    const area = ringArea(outer) + inner.reduce((s, h) => s + ringArea(h), 0);
    parts.push({ coords: [outer, ...inner], area });
  }
  if (parts.length === 0) return null;
  parts.sort((a, b) => b.area - a.area || comparePos(a.coords[0]![0]!, b.coords[0]![0]!));
  if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0]!.coords };
  return { type: 'MultiPolygon', coordinates: parts.map((p) => p.coords) };
}

function comparePos(a: Pos, b: Pos): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** The polygons of an areal geometry, as a list of polygons (rings of positions). */
export function arealPolygons(geometry: Areal): PolygonCoords[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Turf output (`number[]` positions) → areal polygons of `Pos`. */
export function turfPolygons(
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] },
): Pos[][][] {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polys.map((rings) => rings.map((ring) => ring.map(toPos)));
}

export interface OutlineCleaning {
  polygons: Pos[][][];
  /** Vertices removed as consecutive duplicates, zero-width spikes or collinear back-tracks. */
  verticesRemoved: number;
  /** Number of closed sub-loops cut off at repeated vertices (pinches and zero-width spikes). */
  loopsRemoved: number;
  /** Of those, loops enclosing a non-zero area, with their areas in square degrees. */
  areaLoops: number[];
}

/**
 * Split a ring at repeated vertices into simple loops (a walk A…X…X…A becomes A…X…A plus X…X), keep
 * the largest loop and drop the rest. The source outline is quantised to 1/1024° and retraces itself
 * in places (spikes A,B,A and tiny lobes hanging off a single vertex); those make the polygon invalid
 * ("kinks") and would break polygon clipping.
 */
export function splitAtRepeats(ring: readonly Pos[]): { keep: Pos[]; dropped: Pos[][] } {
  const loops: Pos[][] = [];
  const stack: Pos[] = [];
  const index = new Map<string, number>();
  for (const p of openRing(ring)) {
    const key = `${p[0]},${p[1]}`;
    const j = index.get(key);
    if (j === undefined) {
      index.set(key, stack.length);
      stack.push(p);
      continue;
    }
    const cut = stack.splice(j + 1);
    for (const q of cut) index.delete(`${q[0]},${q[1]}`);
    loops.push([stack[j]!, ...cut]);
  }
  loops.push(stack);
  const areaOf = (loop: Pos[]) => (loop.length >= 3 ? Math.abs(ringArea(closeRing(loop))) : 0);
  let best = 0;
  loops.forEach((loop, i) => {
    if (areaOf(loop) > areaOf(loops[best]!)) best = i;
  });
  return { keep: loops[best]!, dropped: loops.filter((_, i) => i !== best) };
}

export function cleanOutline(outline: Areal): OutlineCleaning {
  let loopsRemoved = 0;
  let verticesRemoved = 0;
  const areaLoops: number[] = [];
  const polygons = arealPolygons(outline).map((rings) =>
    rings.map((ring) => {
      const open = openRing(ring.map(toPos));
      const clean = removeDuplicatesAndSpikes(open);
      verticesRemoved += open.length - clean.length;
      const { keep, dropped } = splitAtRepeats(clean);
      loopsRemoved += dropped.length;
      for (const loop of dropped) {
        if (loop.length >= 3) {
          const a = Math.abs(ringArea(closeRing(loop)));
          if (a > 0) areaLoops.push(a);
        }
      }
      const final = removeDuplicatesAndSpikes(keep);
      verticesRemoved += keep.length - final.length;
      return final;
    }),
  );
  return { polygons, verticesRemoved, loopsRemoved, areaLoops };
}
