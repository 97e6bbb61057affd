/**
 * Attaching points (villages, facilities, interchanges) to the network with short roads: the
 * nearest point of the selected roads is made a shared vertex (splitting the segment it lies on,
 * unless an existing vertex is within a few metres) and a road is laid from there to the point.
 * A straight connection to the nearest point of a network can never cross that network.
 */
import type { Pos, Ring } from '../types';
import { bendyLine, distKm, lineInside, nearestOnSegment, same } from './geom';
import type { DraftRoad, RoadClass } from './types';

/** Reuse an existing vertex when the nearest point is this close to it (km). */
const SNAP_KM = 0.02;

export interface NearestHit {
  road: number;
  index: number;
  at: Pos;
  km: number;
}

/** Nearest point of the selected roads to `p` (full scan). */
export function nearestOnRoads(
  p: Pos,
  roads: readonly DraftRoad[],
  include: (r: DraftRoad) => boolean,
): NearestHit | undefined {
  let best: NearestHit | undefined;
  roads.forEach((r, road) => {
    if (!include(r)) return;
    for (let index = 0; index + 1 < r.pts.length; index++) {
      const hit = nearestOnSegment(p, r.pts[index]!, r.pts[index + 1]!);
      if (best === undefined || hit.km < best.km) best = { road, index, at: hit.at, km: hit.km };
    }
  });
  return best;
}

/** Make the hit a vertex of its road (or return a vertex within SNAP_KM) and return it. */
export function ensureVertex(roads: DraftRoad[], hit: NearestHit): Pos {
  const road = roads[hit.road]!;
  const a = road.pts[hit.index]!;
  const b = road.pts[hit.index + 1]!;
  const at: Pos = [Math.round(hit.at[0]), Math.round(hit.at[1])];
  const da = distKm(at, a);
  const db = distKm(at, b);
  if (da <= SNAP_KM || db <= SNAP_KM) return da <= db ? a : b;
  road.pts.splice(hit.index + 1, 0, at);
  return at;
}

export interface SpurSpec {
  id: string;
  name?: string;
  class: RoadClass;
  speedKph: number;
  /** Target point, micro-degrees; it becomes the last vertex of the new road. */
  to: Pos;
}

export interface SpurOptions {
  include: (r: DraftRoad) => boolean;
  /** County rings (degrees) that a bent spur must stay inside; straight spurs are used otherwise. */
  county?: readonly Ring[];
  /** Seeded PRNG for bends; omit for straight spurs. */
  rng?: () => number;
}

/**
 * Connect `spec.to` to the nearest point of the selected roads with a new two-way road. Returns the
 * new road (already pushed onto `roads`) or undefined when the point already is a vertex.
 */
export function addSpur(roads: DraftRoad[], spec: SpurSpec, opts: SpurOptions): DraftRoad | undefined {
  const hit = nearestOnRoads(spec.to, roads, opts.include);
  if (!hit) throw new Error(`no road to attach ${spec.id} to`);
  const from = ensureVertex(roads, hit);
  if (same(from, spec.to)) return undefined;
  let pts: Pos[] = [from, spec.to];
  const km = distKm(from, spec.to);
  if (opts.rng && km > 1.2) {
    const bent = bendyLine(from, spec.to, opts.rng, { stepKm: 0.6, ampKm: Math.min(0.3, 0.08 * km) });
    if (!opts.county || lineInside(bent, opts.county)) pts = bent;
  }
  const road: DraftRoad = {
    id: spec.id,
    ...(spec.name !== undefined ? { name: spec.name } : {}),
    class: spec.class,
    speedKph: spec.speedKph,
    oneway: false,
    pts,
  };
  roads.push(road);
  return road;
}

/**
 * Connect many points, nearest-first (Prim-like growth: a point may attach to the road of a point
 * attached before it, so remote villages chain along a valley instead of each running to the trunk).
 */
export function addSpursGrowing(
  roads: DraftRoad[],
  specs: readonly SpurSpec[],
  opts: SpurOptions & { rngFor?: (id: string) => () => number },
): number {
  const best = specs.map((s) => nearestOnRoads(s.to, roads, opts.include)?.km ?? Number.POSITIVE_INFINITY);
  const done = specs.map(() => false);
  let added = 0;
  for (let step = 0; step < specs.length; step++) {
    let pick = -1;
    for (let i = 0; i < specs.length; i++) {
      if (done[i]) continue;
      if (pick < 0 || best[i]! < best[pick]! || (best[i] === best[pick] && specs[i]!.id < specs[pick]!.id))
        pick = i;
    }
    if (pick < 0) break;
    done[pick] = true;
    const spec = specs[pick]!;
    const road = addSpur(roads, spec, { ...opts, ...(opts.rngFor ? { rng: opts.rngFor(spec.id) } : {}) });
    if (!road) continue;
    added++;
    for (let i = 0; i < specs.length; i++) {
      if (done[i]) continue;
      const p = specs[i]!.to;
      for (let k = 0; k + 1 < road.pts.length; k++) {
        const km = nearestOnSegment(p, road.pts[k]!, road.pts[k + 1]!).km;
        if (km < best[i]!) best[i] = km;
      }
    }
  }
  return added;
}
