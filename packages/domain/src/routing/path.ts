import type { RoadGraph } from './graph';
import type { LonLat } from './types';

/**
 * A route. Invariant: `edges[i]` is the directed edge travelled from `path[i]` to
 * `path[i + 1]` (wholly, or partially for the first/last edge of a snapped `route`).
 */
export interface PathResult {
  /** Travel time in seconds (including cost factors). */
  durationS: number;
  /** Length in metres. */
  distanceM: number;
  /** Graph nodes passed, in order. */
  nodes: number[];
  /** Polyline `[lon, lat]`. */
  path: LonLat[];
  edges: number[];
}

/**
 * Follow `parent` edges back from `end` to a node whose parent is -1.
 * Returns the node sequence and the edges between them, in travel order.
 */
export function unwindParents(
  graph: RoadGraph,
  parent: Int32Array,
  end: number,
): { nodes: number[]; edges: number[] } {
  const nodes: number[] = [end];
  const edges: number[] = [];
  let v = end;
  for (let e = parent[v]!; e >= 0; e = parent[v]!) {
    edges.push(e);
    v = graph.sources[e]!;
    nodes.push(v);
    if (nodes.length > graph.nodeCount + 1) throw new Error('routing: parent cycle');
  }
  nodes.reverse();
  edges.reverse();
  return { nodes, edges };
}

/** Node-to-node path result from a parent chain. */
export function pathFromParents(
  graph: RoadGraph,
  parent: Int32Array,
  end: number,
  durationS: number,
): PathResult {
  const { nodes, edges } = unwindParents(graph, parent, end);
  let distanceM = 0;
  for (const e of edges) distanceM += graph.lengthM[e]!;
  return {
    durationS,
    distanceM,
    nodes,
    path: nodes.map((v): LonLat => [graph.nodeLon[v]!, graph.nodeLat[v]!]),
    edges,
  };
}
