import { isWeighted, partialCost, roadFactor, type SearchOptions } from './cost';
import { EARTH_RADIUS_M, type RoadGraph } from './graph';
import { MinHeap } from './heap';
import { type PathResult, pathFromParents, unwindParents } from './path';
import { type SnapResult, snapToGraph } from './snap';
import type { Coord, LonLat } from './types';

export interface RouteOptions extends SearchOptions {
  /** Reject (return null) when either end is farther than this from any open road, metres. */
  maxSnapM?: number;
}

export interface RouteResult extends PathResult {
  from: SnapResult;
  to: SnapResult;
}

/**
 * Per-graph reusable search arrays. A node's `dist`/`hval`/`parent` are valid only when
 * `mark[node] === gen`, so a new query just bumps `gen` instead of re-filling arrays.
 */
class SearchState {
  readonly dist: Float64Array;
  readonly hval: Float64Array;
  readonly parent: Int32Array;
  readonly mark: Uint32Array;
  readonly roadFac: Float64Array;
  readonly roadMark: Uint32Array;
  readonly heap: MinHeap;
  gen = 0;
  busy = false;
  bestCost = Number.POSITIVE_INFINITY;

  constructor(graph: RoadGraph) {
    const n = graph.nodeCount;
    this.dist = new Float64Array(n);
    this.hval = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.mark = new Uint32Array(n);
    this.roadFac = new Float64Array(graph.roads.length);
    this.roadMark = new Uint32Array(graph.roads.length);
    this.heap = new MinHeap(Math.max(64, n >> 2));
  }

  nextGen(): number {
    if (this.gen >= 0xfffffffe) {
      this.mark.fill(0);
      this.roadMark.fill(0);
      this.gen = 0;
    }
    this.heap.clear();
    this.bestCost = Number.POSITIVE_INFINITY;
    return ++this.gen;
  }
}

const states = new WeakMap<RoadGraph, SearchState>();

function acquire(graph: RoadGraph): SearchState {
  let st = states.get(graph);
  if (!st) {
    st = new SearchState(graph);
    states.set(graph, st);
  }
  // Re-entrant call (e.g. from inside a costFactor callback): use a private state.
  if (st.busy) return new SearchState(graph);
  st.busy = true;
  return st;
}

/**
 * A* from up to two sources (with initial costs) to up to two targets (with extra costs
 * added on arrival); -1 disables a source/target. Returns the best target node (-1 when
 * unreachable); its total cost is left in `st.bestCost` and the path in `st.parent`.
 *
 * Heuristic: chord distance to the target on the sphere / maxSpeedMps (+ the target's
 * extra cost, min over targets). The chord is ≤ the great-circle distance, which is ≤ the
 * length of any path, and every factor is ≥ 1, so it is admissible and consistent.
 */
function astarCore(
  graph: RoadGraph,
  st: SearchState,
  opts: SearchOptions | undefined,
  s0: number,
  c0: number,
  s1: number,
  c1: number,
  tA: number,
  xA: number,
  tB: number,
  xB: number,
): number {
  const gen = st.nextGen();
  const { offsets, targets, freeFlowS, edgeRoad, nodeXYZ } = graph;
  const { dist, hval, parent, mark, roadFac, roadMark, heap } = st;
  const weighted = isWeighted(opts);
  // Shrink by 1e-9 to absorb floating-point rounding between chord and haversine lengths.
  const scale = graph.maxSpeedMps > 0 ? (EARTH_RADIUS_M / graph.maxSpeedMps) * (1 - 1e-9) : 0;
  const ax = nodeXYZ[3 * tA]!;
  const ay = nodeXYZ[3 * tA + 1]!;
  const az = nodeXYZ[3 * tA + 2]!;
  const hasB = tB >= 0;
  const bx = hasB ? nodeXYZ[3 * tB]! : 0;
  const by = hasB ? nodeXYZ[3 * tB + 1]! : 0;
  const bz = hasB ? nodeXYZ[3 * tB + 2]! : 0;

  const heuristic = (v: number): number => {
    const i = 3 * v;
    const x = nodeXYZ[i]!;
    const y = nodeXYZ[i + 1]!;
    const z = nodeXYZ[i + 2]!;
    let dx = x - ax;
    let dy = y - ay;
    let dz = z - az;
    let h = Math.sqrt(dx * dx + dy * dy + dz * dz) * scale + xA;
    if (hasB) {
      dx = x - bx;
      dy = y - by;
      dz = z - bz;
      const hb = Math.sqrt(dx * dx + dy * dy + dz * dz) * scale + xB;
      if (hb < h) h = hb;
    }
    return h;
  };

  let best = Number.POSITIVE_INFINITY;
  let bestNode = -1;

  const seed = (s: number, c: number): void => {
    if (s < 0 || !(c < Number.POSITIVE_INFINITY)) return;
    if (mark[s] === gen) {
      if (c >= dist[s]!) return;
    } else {
      mark[s] = gen;
      hval[s] = heuristic(s);
    }
    dist[s] = c;
    parent[s] = -1;
    if (s === tA && c + xA < best) {
      best = c + xA;
      bestNode = s;
    } else if (s === tB && c + xB < best) {
      best = c + xB;
      bestNode = s;
    }
    heap.push(s, c + hval[s]!);
  };
  seed(s0, c0);
  seed(s1, c1);

  while (heap.size > 0) {
    if (heap.peekKey() >= best) break;
    const u = heap.pop();
    const du = dist[u]!;
    if (heap.poppedKey > du + hval[u]!) continue; // stale lazy-insertion entry
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) {
      let w = freeFlowS[e]!;
      if (weighted) {
        const r = edgeRoad[e]!;
        let f: number;
        if (roadMark[r] === gen) f = roadFac[r]!;
        else {
          f = roadFactor(graph, opts, r);
          roadMark[r] = gen;
          roadFac[r] = f;
        }
        if (f === Number.POSITIVE_INFINITY) continue;
        w *= f;
      }
      const v = targets[e]!;
      const nd = du + w;
      if (mark[v] === gen) {
        if (nd >= dist[v]!) continue;
      } else {
        mark[v] = gen;
        hval[v] = heuristic(v);
      }
      dist[v] = nd;
      parent[v] = e;
      if (v === tA) {
        if (nd + xA < best) {
          best = nd + xA;
          bestNode = v;
        }
      } else if (v === tB && nd + xB < best) {
        best = nd + xB;
        bestNode = v;
      }
      const f = nd + hval[v]!;
      if (f < best) heap.push(v, f);
    }
  }
  st.bestCost = best;
  return bestNode;
}

function checkNode(graph: RoadGraph, v: number, what: string): void {
  if (!Number.isInteger(v) || v < 0 || v >= graph.nodeCount) {
    throw new RangeError(`${what} node ${v} out of range [0, ${graph.nodeCount})`);
  }
}

/** Shortest-time path between two graph nodes (A*), or null when unreachable. */
export function shortestPath(
  graph: RoadGraph,
  sourceNode: number,
  targetNode: number,
  opts?: SearchOptions,
): PathResult | null {
  checkNode(graph, sourceNode, 'source');
  checkNode(graph, targetNode, 'target');
  const st = acquire(graph);
  try {
    const end = astarCore(graph, st, opts, sourceNode, 0, -1, 0, targetNode, 0, -1, 0);
    if (end < 0) return null;
    return pathFromParents(graph, st.parent, end, st.bestCost);
  } finally {
    st.busy = false;
  }
}

/**
 * Shortest-time route between two points: both ends are snapped to the nearest open road,
 * the search starts on the snapped edge (partial cost from the snap point to its head
 * node, and to its tail node too when the road is two-way) and ends likewise. Both ends on
 * the same segment are also tried directly. Null when a point cannot be snapped (or is
 * farther than `maxSnapM`) or the destination is unreachable.
 */
export function route(graph: RoadGraph, from: Coord, to: Coord, opts?: RouteOptions): RouteResult | null {
  const snapOpts = { closedRoads: opts?.closedRoads, maxDistanceM: opts?.maxSnapM };
  const a = snapToGraph(graph, from[0], from[1], snapOpts);
  if (!a) return null;
  const b = snapToGraph(graph, to[0], to[1], snapOpts);
  if (!b) return null;
  return routeBetweenSnaps(graph, a, b, opts);
}

/** `route` for ends already snapped with `snapToGraph`. */
export function routeBetweenSnaps(
  graph: RoadGraph,
  a: SnapResult,
  b: SnapResult,
  opts?: SearchOptions,
): RouteResult | null {
  const { sources, targets, reverseEdge, edgeRoad, lengthM, nodeLon, nodeLat } = graph;
  const eA = a.edge;
  const rA = reverseEdge[eA]!;
  const fA = roadFactor(graph, opts, edgeRoad[eA]!);
  const eB = b.edge;
  const rB = reverseEdge[eB]!;
  const fB = roadFactor(graph, opts, edgeRoad[eB]!);

  // Direct travel along a shared segment.
  let direct = Number.POSITIVE_INFINITY;
  let directEdge = -1;
  let directFrac = 0;
  if (eB === eA || (rA >= 0 && eB === rA)) {
    const tb = eB === eA ? b.t : 1 - b.t;
    if (tb >= a.t) {
      direct = partialCost(graph, eA, tb - a.t, fA);
      directEdge = eA;
      directFrac = tb - a.t;
    } else if (rA >= 0) {
      direct = partialCost(graph, rA, a.t - tb, fA);
      directEdge = rA;
      directFrac = a.t - tb;
    }
  }

  const s0 = targets[eA]!;
  const c0 = partialCost(graph, eA, 1 - a.t, fA);
  const s1 = rA >= 0 ? sources[eA]! : -1;
  const c1 = rA >= 0 ? partialCost(graph, rA, a.t, fA) : 0;
  const tA = sources[eB]!;
  const xA = partialCost(graph, eB, b.t, fB);
  const tB = rB >= 0 ? targets[eB]! : -1;
  const xB = rB >= 0 ? partialCost(graph, rB, 1 - b.t, fB) : 0;

  const st = acquire(graph);
  let end: number;
  let cost: number;
  let unwound: { nodes: number[]; edges: number[] } | null = null;
  try {
    end = astarCore(graph, st, opts, s0, c0, s1, c1, tA, xA, tB, xB);
    cost = st.bestCost;
    if (end >= 0 && cost < direct) unwound = unwindParents(graph, st.parent, end);
  } finally {
    st.busy = false;
  }

  const fromPt: LonLat = [a.lon, a.lat];
  const toPt: LonLat = [b.lon, b.lat];
  if (!unwound) {
    if (directEdge < 0) return null;
    return {
      durationS: direct,
      distanceM: directFrac * lengthM[directEdge]!,
      nodes: [],
      path: [fromPt, toPt],
      edges: [directEdge],
      from: a,
      to: b,
    };
  }

  const { nodes, edges: inner } = unwound;
  const first = nodes[0]!;
  const firstEdge = first === s0 ? eA : rA;
  const firstFrac = first === s0 ? 1 - a.t : a.t;
  const lastEdge = end === tA ? eB : rB;
  const lastFrac = end === tA ? b.t : 1 - b.t;

  const path: LonLat[] = [];
  const edges: number[] = [];
  let distanceM = 0;
  if (firstFrac > 0) {
    path.push(fromPt);
    edges.push(firstEdge);
    distanceM += firstFrac * lengthM[firstEdge]!;
  }
  for (const v of nodes) path.push([nodeLon[v]!, nodeLat[v]!]);
  for (const e of inner) {
    edges.push(e);
    distanceM += lengthM[e]!;
  }
  if (lastFrac > 0) {
    path.push(toPt);
    edges.push(lastEdge);
    distanceM += lastFrac * lengthM[lastEdge]!;
  }
  return { durationS: cost, distanceM, nodes, path, edges, from: a, to: b };
}
