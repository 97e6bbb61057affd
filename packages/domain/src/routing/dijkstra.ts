import { roadFactors, type SearchOptions } from './cost';
import type { RoadGraph } from './graph';
import { MinHeap } from './heap';
import { type PathResult, pathFromParents } from './path';

/**
 * Reference plain Dijkstra, node to node (no heuristic, no state reuse). Used to check
 * A* and for one-off queries; prefer `shortestPath` for speed.
 */
export function dijkstra(
  graph: RoadGraph,
  sourceNode: number,
  targetNode: number,
  opts?: SearchOptions,
): PathResult | null {
  const n = graph.nodeCount;
  for (const v of [sourceNode, targetNode]) {
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new RangeError(`node ${v} out of range [0, ${n})`);
  }
  const { offsets, targets, freeFlowS, edgeRoad } = graph;
  const factors = roadFactors(graph, opts);
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const parent = new Int32Array(n).fill(-1);
  const heap = new MinHeap(n);
  dist[sourceNode] = 0;
  heap.push(sourceNode, 0);
  while (heap.size > 0) {
    const u = heap.pop();
    const du = heap.poppedKey;
    if (du > dist[u]!) continue;
    if (u === targetNode) return pathFromParents(graph, parent, u, du);
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) {
      const w = factors ? freeFlowS[e]! * factors[edgeRoad[e]!]! : freeFlowS[e]!;
      if (w === Number.POSITIVE_INFINITY) continue;
      const v = targets[e]!;
      const nd = du + w;
      if (nd < dist[v]!) {
        dist[v] = nd;
        parent[v] = e;
        heap.push(v, nd);
      }
    }
  }
  return null;
}

export interface DijkstraSource {
  node: number;
  /** Time already spent when at `node` (e.g. from a snapped point to the node), seconds. */
  initialS: number;
}

/**
 * Multi-source one-to-all Dijkstra: earliest arrival time (s) at every node from any
 * source, `Infinity` when unreached or later than `maxS`.
 */
export function dijkstraAll(
  graph: RoadGraph,
  sources: readonly DijkstraSource[],
  opts?: SearchOptions,
  maxS: number = Number.POSITIVE_INFINITY,
): Float64Array {
  const n = graph.nodeCount;
  const { offsets, targets, freeFlowS, edgeRoad } = graph;
  const factors = roadFactors(graph, opts);
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const heap = new MinHeap(Math.max(64, n >> 1));
  for (const { node, initialS } of sources) {
    if (!Number.isInteger(node) || node < 0 || node >= n) {
      throw new RangeError(`source node ${node} out of range [0, ${n})`);
    }
    if (initialS <= maxS && initialS < dist[node]!) {
      dist[node] = initialS;
      heap.push(node, initialS);
    }
  }
  while (heap.size > 0) {
    const u = heap.pop();
    const du = heap.poppedKey;
    if (du > dist[u]!) continue;
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) {
      const w = factors ? freeFlowS[e]! * factors[edgeRoad[e]!]! : freeFlowS[e]!;
      const v = targets[e]!;
      const nd = du + w;
      if (nd < dist[v]! && nd <= maxS) {
        dist[v] = nd;
        heap.push(v, nd);
      }
    }
  }
  return dist;
}
