import { haversineM, type RoadGraph } from './graph';
import type { Coord } from './types';

/** A signal-controlled intersection: `[id, lon, lat]`, expected at a graph vertex. */
export type SignalPoint = readonly [id: string, lon: number, lat: number];

export interface SignalOnPath {
  id: string;
  lon: number;
  lat: number;
  /** Index of the matching vertex in `path`. */
  pathIndex: number;
  /** Distance along the path from its start, metres. */
  distanceM: number;
  /** Free-flow travel time from the start of the path, seconds. */
  etaS: number;
}

export interface SignalsAlongOptions {
  /**
   * Match a signal to a path vertex within this distance (metres). Default 0: exact
   * coordinate equality, as signals are graph vertices.
   */
  toleranceM?: number;
}

/**
 * Signals met along a route, in path order, with cumulative distance and free-flow ETA
 * from the start. `route.path` / `route.edges` follow the `PathResult` invariant
 * (`edges[i]` leads from `path[i]` to `path[i + 1]`); each step's time is its haversine
 * length at the free-flow speed of that edge's road. Each path vertex matches at most one
 * signal (the first listed, or the nearest when `toleranceM > 0`).
 */
export function signalsAlongPath(
  graph: RoadGraph,
  route: { readonly path: readonly Coord[]; readonly edges: readonly number[] },
  signals: readonly SignalPoint[],
  opts: SignalsAlongOptions = {},
): SignalOnPath[] {
  const { path, edges } = route;
  if (path.length === 0 || signals.length === 0) return [];
  if (edges.length !== path.length - 1) {
    throw new RangeError(
      `route.edges must have path.length - 1 entries (got ${edges.length} for ${path.length})`,
    );
  }
  const tol = opts.toleranceM ?? 0;
  const exact = new Map<string, SignalPoint>();
  for (const s of signals) {
    const key = `${s[1]},${s[2]}`;
    if (!exact.has(key)) exact.set(key, s);
  }
  const out: SignalOnPath[] = [];
  let distanceM = 0;
  let etaS = 0;
  for (let i = 0; i < path.length; i++) {
    const p = path[i]!;
    if (i > 0) {
      const q = path[i - 1]!;
      const step = haversineM(q[0], q[1], p[0], p[1]);
      const speedMps = graph.roads[graph.edgeRoad[edges[i - 1]!]!]!.speedKph / 3.6;
      distanceM += step;
      etaS += step / speedMps;
    }
    let match = exact.get(`${p[0]},${p[1]}`);
    if (!match && tol > 0) {
      let bestD = tol;
      for (const s of signals) {
        const d = haversineM(p[0], p[1], s[1], s[2]);
        if (d <= bestD) {
          bestD = d;
          match = s;
        }
      }
    }
    if (match) out.push({ id: match[0], lon: match[1], lat: match[2], pathIndex: i, distanceM, etaS });
  }
  return out;
}
