/**
 * Noding: wherever two roads cross or touch without a shared vertex, insert the meeting point as
 * a vertex into both, so they form a proper intersection (roads connect ONLY at shared vertices).
 * Crossing points are rounded to the micro-degree grid, which moves the lines by < 0.1 m and may
 * rarely create a new contact nearby; the sweep therefore repeats until nothing changes.
 */

import type { Pos } from '../types';
import { contact, distKm, same } from './geom';
import type { DraftRoad } from './types';

/** Grid cell size of the spatial hash, micro-degrees (~1 km). */
const CELL = 10_000;

export interface Segment {
  road: number;
  index: number;
  a: Pos;
  b: Pos;
}

/** All segments of the selected roads. */
export function segmentsOf(roads: readonly DraftRoad[], include: (r: DraftRoad) => boolean): Segment[] {
  const segs: Segment[] = [];
  roads.forEach((r, road) => {
    if (!include(r)) return;
    for (let index = 0; index + 1 < r.pts.length; index++) {
      segs.push({ road, index, a: r.pts[index]!, b: r.pts[index + 1]! });
    }
  });
  return segs;
}

/**
 * Call `visit` once for every pair of segments whose bounding boxes overlap (uniform grid hash;
 * a pair is reported only in the cell holding the lower-left corner of the boxes' intersection).
 */
export function forEachCandidatePair(
  segs: readonly Segment[],
  visit: (s: Segment, t: Segment) => void,
): void {
  const cells = new Map<string, number[]>();
  const box = segs.map((s) => [
    Math.min(s.a[0], s.b[0]),
    Math.min(s.a[1], s.b[1]),
    Math.max(s.a[0], s.b[0]),
    Math.max(s.a[1], s.b[1]),
  ]);
  segs.forEach((_, i) => {
    const [x0, y0, x1, y1] = box[i]! as [number, number, number, number];
    for (let cx = Math.floor(x0 / CELL); cx <= Math.floor(x1 / CELL); cx++) {
      for (let cy = Math.floor(y0 / CELL); cy <= Math.floor(y1 / CELL); cy++) {
        const key = `${cx},${cy}`;
        const list = cells.get(key);
        if (list) list.push(i);
        else cells.set(key, [i]);
      }
    }
  });
  for (const [key, list] of cells) {
    const [cx, cy] = key.split(',').map(Number) as [number, number];
    for (let j = 0; j < list.length; j++) {
      const bj = box[list[j]!]! as [number, number, number, number];
      for (let k = j + 1; k < list.length; k++) {
        const bk = box[list[k]!]! as [number, number, number, number];
        if (bj[2] < bk[0] || bk[2] < bj[0] || bj[3] < bk[1] || bk[3] < bj[1]) continue;
        if (
          Math.floor(Math.max(bj[0], bk[0]) / CELL) !== cx ||
          Math.floor(Math.max(bj[1], bk[1]) / CELL) !== cy
        ) {
          continue;
        }
        visit(segs[list[j]!]!, segs[list[k]!]!);
      }
    }
  }
}

/** Contacts without a shared vertex between the selected roads: [segment, point to insert into it]. */
export function findContacts(
  roads: readonly DraftRoad[],
  include: (r: DraftRoad) => boolean,
): { seg: Segment; at: Pos }[] {
  const found: { seg: Segment; at: Pos }[] = [];
  forEachCandidatePair(segmentsOf(roads, include), (s, t) => {
    const c = contact(s.a, s.b, t.a, t.b);
    if (c.kind === 'cross') {
      found.push({ seg: s, at: c.at }, { seg: t, at: c.at });
    } else if (c.kind === 'touch') {
      for (const p of c.onAB) found.push({ seg: s, at: p });
      for (const p of c.onCD) found.push({ seg: t, at: p });
    }
  });
  return found;
}

/**
 * Insert a shared vertex at every crossing/touch among the selected roads, in place. Returns the
 * number of vertices inserted. Throws if the sweep does not settle.
 */
export function nodeRoads(roads: DraftRoad[], include: (r: DraftRoad) => boolean, maxRounds = 12): number {
  let inserted = 0;
  for (let round = 0; round < maxRounds; round++) {
    const found = findContacts(roads, include);
    if (found.length === 0) return inserted;
    inserted += insertPoints(roads, found);
  }
  throw new Error(`noding did not settle after ${maxRounds} rounds`);
}

/** Insert points into segments (points equal to an endpoint are ignored). Returns the number inserted. */
export function insertPoints(roads: DraftRoad[], found: readonly { seg: Segment; at: Pos }[]): number {
  const bySeg = new Map<number, Map<number, Pos[]>>();
  for (const { seg, at } of found) {
    let perRoad = bySeg.get(seg.road);
    if (!perRoad) {
      perRoad = new Map();
      bySeg.set(seg.road, perRoad);
    }
    const list = perRoad.get(seg.index);
    if (list) list.push(at);
    else perRoad.set(seg.index, [at]);
  }
  let inserted = 0;
  for (const [roadIndex, perRoad] of bySeg) {
    const road = roads[roadIndex]!;
    const out: Pos[] = [];
    road.pts.forEach((p, i) => {
      out.push(p);
      const extra = perRoad.get(i);
      const next = road.pts[i + 1];
      if (!extra || next === undefined) return;
      const sorted = [...extra].sort((u, v) => distKm(p, u) - distKm(p, v) || u[0] - v[0] || u[1] - v[1]);
      for (const q of sorted) {
        const last = out[out.length - 1]!;
        if (same(q, last) || same(q, next)) continue;
        out.push(q);
        inserted++;
      }
    });
    road.pts = out;
  }
  return inserted;
}

/**
 * Merge vertices closer than `tolKm` (clusters of crossings a few metres apart, where several roads
 * meet near one point) into one shared vertex, in place. `pinned` vertices (village positions,
 * facilities) absorb their cluster and never move; `frozen` vertices (interchanges) take no part.
 * Otherwise the most used vertex of a cluster wins. Returns the number of vertices moved.
 */
export function mergeCloseVertices(
  roads: DraftRoad[],
  include: (r: DraftRoad) => boolean,
  tolKm: number,
  pinned: ReadonlySet<string>,
  frozen: ReadonlySet<string>,
): number {
  const uses = new Map<string, number>();
  const pos = new Map<string, Pos>();
  for (const r of roads) {
    if (!include(r)) continue;
    for (const p of r.pts) {
      const k = `${p[0]},${p[1]}`;
      if (frozen.has(k)) continue;
      uses.set(k, (uses.get(k) ?? 0) + 1);
      pos.set(k, p);
    }
  }
  const keys = [...pos.keys()].sort();
  const parent = new Map(keys.map((k) => [k, k]));
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const cell = 2000; // micro-degrees, > tolerance
  const grid = new Map<string, string[]>();
  for (const k of keys) {
    const p = pos.get(k)!;
    const g = `${Math.floor(p[0] / cell)},${Math.floor(p[1] / cell)}`;
    const list = grid.get(g);
    if (list) list.push(k);
    else grid.set(g, [k]);
  }
  for (const k of keys) {
    const p = pos.get(k)!;
    const gx = Math.floor(p[0] / cell);
    const gy = Math.floor(p[1] / cell);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const other of grid.get(`${gx + dx},${gy + dy}`) ?? []) {
          if (other <= k || distKm(p, pos.get(other)!) > tolKm) continue;
          const a = find(k);
          const b = find(other);
          if (a === b) continue;
          if (pinned.has(a) && pinned.has(b)) continue; // two pinned points never merge
          parent.set(pinned.has(b) ? a : b, pinned.has(b) ? b : a);
        }
      }
    }
  }
  // representative: the pinned member, else the most used, else the smallest key
  const members = new Map<string, string[]>();
  for (const k of keys) {
    const root = find(k);
    const list = members.get(root);
    if (list) list.push(k);
    else members.set(root, [k]);
  }
  const target = new Map<string, Pos>();
  let moved = 0;
  for (const list of members.values()) {
    if (list.length < 2) continue;
    const pin = list.find((k) => pinned.has(k));
    const best =
      pin ??
      list.reduce((b, k) =>
        (uses.get(k) ?? 0) > (uses.get(b) ?? 0) || ((uses.get(k) ?? 0) === (uses.get(b) ?? 0) && k < b)
          ? k
          : b,
      );
    for (const k of list) {
      if (k === best) continue;
      target.set(k, pos.get(best)!);
      moved++;
    }
  }
  if (moved === 0) return 0;
  for (const r of roads) {
    if (!include(r)) continue;
    const out: Pos[] = [];
    for (const p of r.pts) {
      const q = target.get(`${p[0]},${p[1]}`) ?? p;
      const last = out[out.length - 1];
      if (last === undefined || !same(last, q)) out.push(q);
    }
    r.pts = out;
  }
  return moved;
}
