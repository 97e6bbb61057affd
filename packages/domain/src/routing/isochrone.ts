import { partialCost, roadFactor, type SearchOptions } from './cost';
import { type DijkstraSource, dijkstraAll } from './dijkstra';
import type { RoadGraph } from './graph';
import { snapToGraph } from './snap';
import type { Coord } from './types';

export interface IsochroneOptions extends SearchOptions {
  /** Stop the search at this many seconds (later nodes stay `Infinity`). */
  maxS?: number;
  /** Ignore points farther than this from any open road, metres. */
  maxSnapM?: number;
}

/** Default isochrone bands: 5, 10, 15, 30 minutes. */
export const DEFAULT_BANDS: readonly number[] = [300, 600, 900, 1800];

/**
 * Earliest arrival time (s) at every node from the nearest of `points` (e.g. fire stations,
 * hospitals): multi-source Dijkstra seeded from each point's snapped edge — the partial
 * edge to its head node, and to its tail node when two-way. Points that cannot be snapped
 * are ignored. `Infinity` = unreachable (or beyond `maxS`).
 */
export function travelTimesFrom(
  graph: RoadGraph,
  points: readonly Coord[],
  opts: IsochroneOptions = {},
): Float64Array {
  const snapOpts = { closedRoads: opts.closedRoads, maxDistanceM: opts.maxSnapM };
  const seeds: DijkstraSource[] = [];
  for (const p of points) {
    const s = snapToGraph(graph, p[0], p[1], snapOpts);
    if (!s) continue;
    const e = s.edge;
    const f = roadFactor(graph, opts, graph.edgeRoad[e]!);
    seeds.push({ node: graph.targets[e]!, initialS: partialCost(graph, e, 1 - s.t, f) });
    const r = graph.reverseEdge[e]!;
    if (r >= 0) seeds.push({ node: graph.sources[e]!, initialS: partialCost(graph, r, s.t, f) });
  }
  return dijkstraAll(graph, seeds, opts, opts.maxS);
}

/** Index of the first band with `seconds ≤ band`, or -1 (beyond the last band, NaN, Infinity). */
export function bandOf(seconds: number, bands: readonly number[] = DEFAULT_BANDS): number {
  for (let i = 0; i < bands.length; i++) if (seconds <= bands[i]!) return i;
  return -1;
}

/**
 * Travel time (s) to each query point (e.g. villages) given per-node `times` from
 * `travelTimesFrom`: the point is snapped and reached via its edge's tail node (plus the
 * partial edge) or, for two-way roads, its head node. `Infinity` when the point cannot be
 * snapped or is unreachable. Use the same `opts` as for `times`.
 *
 * Limitation: a query point on the very segment a source was snapped to is still reached
 * through the segment's end nodes (segments are short, so the over-estimate is small).
 */
export function nodeTimesAtPoints(
  graph: RoadGraph,
  times: Float64Array,
  points: readonly Coord[],
  opts: IsochroneOptions = {},
): Float64Array {
  const out = new Float64Array(points.length).fill(Number.POSITIVE_INFINITY);
  const snapOpts = { closedRoads: opts.closedRoads, maxDistanceM: opts.maxSnapM };
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const s = snapToGraph(graph, p[0], p[1], snapOpts);
    if (!s) continue;
    const e = s.edge;
    const f = roadFactor(graph, opts, graph.edgeRoad[e]!);
    let best = times[graph.sources[e]!]! + partialCost(graph, e, s.t, f);
    const r = graph.reverseEdge[e]!;
    if (r >= 0) {
      const viaHead = times[graph.targets[e]!]! + partialCost(graph, r, 1 - s.t, f);
      if (viaHead < best) best = viaHead;
    }
    out[i] = best;
  }
  return out;
}

/**
 * Band of every directed edge, from the later (worse) of its two endpoint times
 * (-1 = beyond the last band or unreachable). For colouring the network by isochrone.
 */
export function isochroneEdges(
  graph: RoadGraph,
  times: Float64Array,
  bands: readonly number[] = DEFAULT_BANDS,
): Int8Array {
  const out = new Int8Array(graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = times[graph.sources[e]!]!;
    const b = times[graph.targets[e]!]!;
    out[e] = bandOf(Math.max(a, b), bands);
  }
  return out;
}
