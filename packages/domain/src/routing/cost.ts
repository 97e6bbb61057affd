import type { RoadGraph } from './graph';
import type { RoadClass } from './types';

/**
 * Multiplier on free-flow time for a road (e.g. time-of-day congestion).
 * Must return a number ≥ 1 (so the A* heuristic based on the maximum free-flow speed
 * stays admissible); `Infinity` is allowed and behaves like a closure.
 */
export type CostFactorFn = (roadClass: RoadClass, roadIndex: number) => number;

export interface SearchOptions {
  costFactor?: CostFactorFn;
  /** Road ids (`properties.id`) that cannot be used. */
  closedRoads?: ReadonlySet<string>;
}

/**
 * Time multiplier of road `r` under `opts`: `Infinity` when closed, otherwise the
 * validated cost factor (1 without one). Throws RangeError for a factor < 1 or NaN.
 */
export function roadFactor(graph: RoadGraph, opts: SearchOptions | undefined, r: number): number {
  const road = graph.roads[r]!;
  if (opts?.closedRoads?.has(road.id)) return Number.POSITIVE_INFINITY;
  const fn = opts?.costFactor;
  if (!fn) return 1;
  const f = fn(road.class, r);
  if (!(f >= 1)) {
    throw new RangeError(`costFactor must be >= 1 (got ${f} for road ${road.id}, class ${road.class})`);
  }
  return f;
}

/** True when `opts` changes edge costs (a factor function or a non-empty closure set). */
export function isWeighted(opts: SearchOptions | undefined): boolean {
  return (
    !!opts && (opts.costFactor !== undefined || (opts.closedRoads !== undefined && opts.closedRoads.size > 0))
  );
}

/** Factors for every road (see `roadFactor`), or null when `opts` changes nothing. */
export function roadFactors(graph: RoadGraph, opts: SearchOptions | undefined): Float64Array | null {
  if (!isWeighted(opts)) return null;
  const out = new Float64Array(graph.roads.length);
  for (let r = 0; r < out.length; r++) out[r] = roadFactor(graph, opts, r);
  return out;
}

/** Traversal time of the fraction `frac` (0..1) of edge `e` with factor `factor` (0 when frac is 0). */
export function partialCost(graph: RoadGraph, e: number, frac: number, factor: number): number {
  return frac <= 0 ? 0 : frac * graph.freeFlowS[e]! * factor;
}
