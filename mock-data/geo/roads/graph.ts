/**
 * A small directed graph over road vertices (shared vertices = equal positions), for checking
 * connectivity and counting how many road segments meet at a vertex. Independent of the routing
 * package on purpose, so the builder can validate its own output.
 */
import type { Pos } from '../types';
import { keyOf } from './geom';

export interface RoadLike {
  readonly pts: readonly Pos[];
  readonly oneway: boolean;
}

export interface VertexGraph {
  positions: Pos[];
  index: Map<string, number>;
  /** Directed successors. */
  out: number[][];
  /** Distinct neighbours ignoring direction (the number of segments meeting at the vertex). */
  neighbours: Set<number>[];
}

export function buildVertexGraph(roads: readonly RoadLike[]): VertexGraph {
  const positions: Pos[] = [];
  const index = new Map<string, number>();
  const out: number[][] = [];
  const neighbours: Set<number>[] = [];
  const node = (p: Pos): number => {
    const key = keyOf(p);
    let i = index.get(key);
    if (i === undefined) {
      i = positions.length;
      index.set(key, i);
      positions.push(p);
      out.push([]);
      neighbours.push(new Set());
    }
    return i;
  };
  for (const r of roads) {
    let prev = -1;
    for (const p of r.pts) {
      const v = node(p);
      if (prev >= 0 && prev !== v) {
        out[prev]!.push(v);
        if (!r.oneway) out[v]!.push(prev);
        neighbours[prev]!.add(v);
        neighbours[v]!.add(prev);
      }
      prev = v;
    }
  }
  return { positions, index, out, neighbours };
}

/** Strongly connected components (iterative Tarjan). `comp[v]` is the component of v; sizes by id. */
export function stronglyConnected(out: readonly (readonly number[])[]): {
  comp: Int32Array;
  sizes: number[];
} {
  const n = out.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const comp = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const sizes: number[] = [];
  let counter = 0;
  const work: [number, number][] = [];
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue;
    work.push([s, 0]);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v, i] = top;
      if (i === 0 && index[v] === -1) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      const succ = out[v]!;
      if (i < succ.length) {
        top[1] = i + 1;
        const w = succ[i]!;
        if (index[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        const id = sizes.length;
        let size = 0;
        for (;;) {
          const w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = id;
          size++;
          if (w === v) break;
        }
        sizes.push(size);
      }
    }
  }
  return { comp, sizes };
}
