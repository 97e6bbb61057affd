import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { signalsAlongPath } from './along';
import { route, shortestPath } from './astar';
import { congestionCostFactor } from './congestion';
import type { SearchOptions } from './cost';
import { dijkstra, dijkstraAll } from './dijkstra';
import { buildRoadGraph, nodeAt, type RoadGraph } from './graph';
import { bandOf, DEFAULT_BANDS, isochroneEdges, nodeTimesAtPoints, travelTimesFrom } from './isochrone';
import type { PathResult } from './path';
import { buildEdgeIndex, snapToGraph } from './snap';
import type { LonLat, RoadClass, RoadCollection, RoadFeature } from './types';

// ---------------------------------------------------------------- helpers

/** Great-circle distance by the atan2 (Vincenty special case) formula — independent of haversineM. */
function refDistanceM(a: readonly number[], b: readonly number[]): number {
  const r = Math.PI / 180;
  const p1 = a[1]! * r;
  const p2 = b[1]! * r;
  const dl = (b[0]! - a[0]!) * r;
  const y = Math.hypot(
    Math.cos(p2) * Math.sin(dl),
    Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl),
  );
  const x = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
  return 6371008.8 * Math.atan2(y, x);
}

function road(
  id: string,
  coordinates: number[][],
  cls: RoadClass,
  speedKph: number,
  oneway = false,
): RoadFeature {
  return {
    type: 'Feature',
    properties: { id, name: `Road ${id}`, class: cls, speedKph, oneway },
    geometry: { type: 'LineString', coordinates },
  };
}

function fc(features: RoadFeature[]): RoadCollection {
  return { type: 'FeatureCollection', features };
}

const relClose = (a: number, b: number, rel = 1e-6): boolean =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));
const kmh = (v: number): number => v / 3.6;

/**
 * Checks the PathResult invariants of a node-to-node path (plain comparisons, one expect:
 * keeps the 1,000-pair loops fast) and returns the edge costs recomputed from the graph.
 */
function checkNodePath(
  g: RoadGraph,
  p: PathResult,
  s: number,
  t: number,
  factor: (e: number) => number,
): number {
  let ok =
    p.nodes[0] === s &&
    p.nodes.at(-1) === t &&
    p.edges.length === p.nodes.length - 1 &&
    p.path.length === p.nodes.length;
  let cost = 0;
  let dist = 0;
  for (let i = 0; ok && i < p.edges.length; i++) {
    const e = p.edges[i]!;
    const v = p.nodes[i + 1]!;
    ok =
      g.sources[e] === p.nodes[i] &&
      g.targets[e] === v &&
      p.path[i + 1]![0] === g.nodeLon[v] &&
      p.path[i + 1]![1] === g.nodeLat[v];
    cost += g.freeFlowS[e]! * factor(e);
    dist += g.lengthM[e]!;
  }
  ok &&= relClose(p.distanceM, dist, 1e-9);
  if (!ok) expect({ invalidPath: p, s, t }).toBeUndefined();
  return cost;
}

// ---------------------------------------------------------------- tiny network

const A: LonLat = [121.0, 29.1];
const B: LonLat = [121.01, 29.1];
const C: LonLat = [121.01, 29.11];
const D: LonLat = [121.0, 29.11];
const AB = refDistanceM(A, B);
const BC = refDistanceM(B, C);
const CD = refDistanceM(C, D);
const DA = refDistanceM(D, A);
const AC = refDistanceM(A, C);

/** Rectangle A-B-C-D: AB, BC arterials at 60 km/h; CD, DA locals at 40; slow diagonal AC. */
function square(opts: { diagKph?: number; abOneway?: 'forward' | 'reverse' } = {}): RoadCollection {
  const ab = opts.abOneway === 'reverse' ? [B, A] : [A, B];
  const features = [
    road('AB', ab, 'arterial', 60, opts.abOneway !== undefined),
    road('BC', [B, C], 'arterial', 60),
    road('CD', [C, D], 'local', 40),
    road('DA', [D, A], 'local', 40),
  ];
  if (opts.diagKph !== undefined) features.push(road('AC', [A, C], 'local', opts.diagKph));
  return fc(features);
}

function nodeOf(g: RoadGraph, p: number[]): number {
  const v = nodeAt(g, p[0]!, p[1]!);
  expect(v).toBeGreaterThanOrEqual(0);
  return v;
}

describe('buildRoadGraph', () => {
  it('builds CSR arrays with haversine lengths and free-flow times', () => {
    const g = buildRoadGraph(square({ diagKph: 10 }));
    expect(g.nodeCount).toBe(4);
    expect(g.edgeCount).toBe(10);
    expect(g.offsets.length).toBe(5);
    expect(g.offsets[4]).toBe(10);
    expect(g.skipped).toBe(0);
    expect(g.maxSpeedMps).toBeCloseTo(kmh(60), 12);
    for (let u = 0; u < g.nodeCount; u++) {
      for (let e = g.offsets[u]!; e < g.offsets[u + 1]!; e++) {
        expect(g.sources[e]).toBe(u);
        const v = g.targets[e]!;
        const len = refDistanceM([g.nodeLon[u]!, g.nodeLat[u]!], [g.nodeLon[v]!, g.nodeLat[v]!]);
        expect(relClose(g.lengthM[e]!, len, 1e-9)).toBe(true);
        const r = g.roads[g.edgeRoad[e]!]!;
        expect(g.freeFlowS[e]).toBeCloseTo(g.lengthM[e]! / kmh(r.speedKph), 9);
        const rev = g.reverseEdge[e]!;
        expect(rev).toBeGreaterThanOrEqual(0);
        expect(g.reverseEdge[rev]).toBe(e);
        expect(g.sources[rev]).toBe(v);
        expect(g.edgeForward[e]! + g.edgeForward[rev]!).toBe(1);
      }
    }
    expect(g.roads.map((r) => r.id)).toEqual(['AB', 'BC', 'CD', 'DA', 'AC']);
    expect(g.roads[0]!.name).toBe('Road AB');
  });

  it('oneway roads produce a single edge in coordinate order', () => {
    const g = buildRoadGraph(square({ abOneway: 'reverse' }));
    expect(g.edgeCount).toBe(7);
    const e = g.offsets[nodeOf(g, B)]!;
    const ab = [...Array(g.edgeCount).keys()].filter((x) => g.roads[g.edgeRoad[x]!]!.id === 'AB');
    expect(ab.length).toBe(1);
    expect(g.sources[ab[0]!]).toBe(nodeOf(g, B));
    expect(g.targets[ab[0]!]).toBe(nodeOf(g, A));
    expect(g.reverseEdge[ab[0]!]).toBe(-1);
    expect(e).toBeGreaterThanOrEqual(0);
  });

  it('skips and counts invalid features', () => {
    const g = buildRoadGraph(
      fc([
        road('ok', [A, B], 'local', 30),
        road('nan', [A, [Number.NaN, 29.1]], 'local', 30),
        road('inf', [A, [121, Number.POSITIVE_INFINITY]], 'local', 30),
        road('zero', [A, C], 'local', 0),
        road('neg', [A, C], 'local', -5),
        road('short', [A], 'local', 30),
        {
          ...road('badclass', [A, D], 'local', 30),
          properties: { ...road('x', [], 'local', 30).properties, class: 'x' as RoadClass },
        },
      ]),
    );
    expect(g.skipped).toBe(6);
    expect(g.roads.map((r) => r.id)).toEqual(['ok']);
    expect(g.nodeCount).toBe(2); // no nodes from skipped features
    expect(g.edgeCount).toBe(2);
  });

  it('drops zero-length segments from repeated vertices', () => {
    const g = buildRoadGraph(fc([road('r', [A, A, B, B, C], 'local', 30, true)]));
    expect(g.nodeCount).toBe(3);
    expect(g.edgeCount).toBe(2);
  });

  it('lines that cross without a shared vertex do NOT connect; with one they do', () => {
    const W = [121.0, 29.2];
    const E = [121.02, 29.2];
    const S = [121.01, 29.19];
    const N = [121.01, 29.21];
    const X = [121.01, 29.2];
    const crossing = buildRoadGraph(fc([road('we', [W, E], 'local', 30), road('sn', [S, N], 'local', 30)]));
    expect(crossing.nodeCount).toBe(4);
    expect(shortestPath(crossing, nodeOf(crossing, W), nodeOf(crossing, N))).toBeNull();
    expect(dijkstra(crossing, nodeOf(crossing, W), nodeOf(crossing, N))).toBeNull();
    expect(route(crossing, [121.001, 29.2001], [121.0101, 29.209])).toBeNull();

    const joined = buildRoadGraph(
      fc([road('we', [W, X, E], 'local', 30), road('sn', [S, X, N], 'local', 30)]),
    );
    expect(joined.nodeCount).toBe(5);
    const p = shortestPath(joined, nodeOf(joined, W), nodeOf(joined, N));
    expect(p?.nodes).toEqual([nodeOf(joined, W), nodeOf(joined, X), nodeOf(joined, N)]);
  });
});

describe('shortestPath / dijkstra on the tiny network', () => {
  it('avoids the slow diagonal, and takes it when fast', () => {
    const g = buildRoadGraph(square({ diagKph: 10 }));
    const [a, b, c, d] = [A, B, C, D].map((p) => nodeOf(g, p)) as [number, number, number, number];
    const p = shortestPath(g, a, c)!;
    expect(p.nodes).toEqual([a, b, c]);
    expect(p.durationS).toBeCloseTo((AB + BC) / kmh(60), 6);
    expect(p.distanceM).toBeCloseTo(AB + BC, 6);
    expect(p.path).toEqual([A, B, C]);
    expect(dijkstra(g, a, c)!.durationS).toBeCloseTo(p.durationS, 9);
    expect(shortestPath(g, c, a)!.nodes).toEqual([c, b, a]);
    expect(shortestPath(g, d, b)!.durationS).toBeCloseTo(
      Math.min(CD / kmh(40) + BC / kmh(60), DA / kmh(40) + AB / kmh(60)),
      6,
    );

    const fast = buildRoadGraph(square({ diagKph: 100 }));
    const q = shortestPath(fast, nodeOf(fast, A), nodeOf(fast, C))!;
    expect(q.nodes).toEqual([nodeOf(fast, A), nodeOf(fast, C)]);
    expect(q.durationS).toBeCloseTo(AC / kmh(100), 6);
  });

  it('a oneway street forces a detour', () => {
    const g = buildRoadGraph(square({ diagKph: 10, abOneway: 'reverse' }));
    const [a, b, c, d] = [A, B, C, D].map((p) => nodeOf(g, p)) as [number, number, number, number];
    const p = shortestPath(g, a, b)!;
    expect(p.nodes).toEqual([a, d, c, b]);
    expect(p.durationS).toBeCloseTo((DA + CD) / kmh(40) + BC / kmh(60), 6);
    expect(dijkstra(g, a, b)!.nodes).toEqual(p.nodes);
    // with the flow it is direct
    expect(shortestPath(g, b, a)!.nodes).toEqual([b, a]);
  });

  it('a closed road forces a detour; all closed → null', () => {
    const g = buildRoadGraph(square({ diagKph: 10 }));
    const [a, b, c, d] = [A, B, C, D].map((p) => nodeOf(g, p)) as [number, number, number, number];
    const opts = { closedRoads: new Set(['AB']) };
    expect(shortestPath(g, a, b, opts)!.nodes).toEqual([a, d, c, b]);
    expect(dijkstra(g, a, b, opts)!.nodes).toEqual([a, d, c, b]);
    const all = { closedRoads: new Set(['AB', 'DA', 'AC']) };
    expect(shortestPath(g, a, b, all)).toBeNull();
    expect(dijkstra(g, a, b, all)).toBeNull();
    // A lies only on closed roads: the start snaps to the nearest open road (B on BC) instead
    const r = route(g, [121.0001, 29.1], C, all)!;
    expect(g.roads[g.edgeRoad[r.from.edge]!]!.id).toBe('BC');
    expect(r.from.distanceM).toBeGreaterThan(900);
    expect(route(g, [121.0001, 29.1], C, { ...all, maxSnapM: 500 })).toBeNull();
  });

  it('unreachable → null; source = target → zero-length path', () => {
    const g = buildRoadGraph(fc([road('x', [A, B], 'local', 30), road('island', [C, D], 'local', 30)]));
    expect(shortestPath(g, nodeOf(g, A), nodeOf(g, C))).toBeNull();
    expect(dijkstra(g, nodeOf(g, A), nodeOf(g, C))).toBeNull();
    const z = shortestPath(g, nodeOf(g, A), nodeOf(g, A))!;
    expect(z).toEqual({ durationS: 0, distanceM: 0, nodes: [nodeOf(g, A)], path: [A], edges: [] });
  });

  it('applies cost factors; rejects factors < 1 and bad nodes', () => {
    const g = buildRoadGraph(square({ diagKph: 10 }));
    const [a, b, c, d] = [A, B, C, D].map((p) => nodeOf(g, p)) as [number, number, number, number];
    // Arterials 2x slower: via D (locals at 40) now wins over via B (60/2 = 30).
    const opts: SearchOptions = { costFactor: (cls) => (cls === 'arterial' ? 2 : 1) };
    const p = shortestPath(g, a, c, opts)!;
    expect(p.nodes).toEqual([a, d, c]);
    expect(p.durationS).toBeCloseTo((DA + CD) / kmh(40), 6);
    expect(shortestPath(g, a, b, opts)!.durationS).toBeCloseTo(
      Math.min((2 * AB) / kmh(60), (DA + CD) / kmh(40) + (2 * BC) / kmh(60)),
      6,
    );
    expect(() => shortestPath(g, a, c, { costFactor: () => 0.9 })).toThrow(RangeError);
    expect(() => shortestPath(g, a, c, { costFactor: () => Number.NaN })).toThrow(RangeError);
    expect(() => dijkstra(g, a, c, { costFactor: () => 0.5 })).toThrow(RangeError);
    expect(() => route(g, A, C, { costFactor: () => 0.5 })).toThrow(RangeError);
    // Infinity behaves as a closure
    expect(
      shortestPath(g, a, b, { costFactor: (_c, r) => (g.roads[r]!.id === 'AB' ? Infinity : 1) })!.nodes,
    ).toEqual([a, d, c, b]);
    expect(() => shortestPath(g, -1, c)).toThrow(RangeError);
    expect(() => shortestPath(g, a, 99)).toThrow(RangeError);
    // state is released after a throw: next query still works
    expect(shortestPath(g, a, c)!.nodes).toEqual([a, b, c]);
  });

  it('is re-entrant (a costFactor callback may route on the same graph)', () => {
    const g = buildRoadGraph(square({ diagKph: 10 }));
    const [a, b, c] = [A, B, C].map((p) => nodeOf(g, p)) as [number, number, number];
    const inner: number[] = [];
    const p = shortestPath(g, a, c, {
      costFactor: () => {
        inner.push(shortestPath(g, c, a)!.durationS);
        return 1;
      },
    })!;
    expect(p.nodes).toEqual([a, b, c]);
    expect(inner.length).toBeGreaterThan(0);
    for (const x of inner) expect(x).toBeCloseTo((AB + BC) / kmh(60), 6);
  });
});

describe('snapToGraph', () => {
  const g = buildRoadGraph(square({ diagKph: 10 }));

  it('projects onto the nearest edge', () => {
    const q = [121.004, 29.1005]; // ~55 m north of AB, 40 % along
    const s = snapToGraph(g, q[0]!, q[1]!)!;
    const r = g.roads[g.edgeRoad[s.edge]!]!;
    expect(r.id).toBe('AB');
    expect(g.edgeForward[s.edge]).toBe(1);
    expect(s.t).toBeGreaterThanOrEqual(0);
    expect(s.t).toBeLessThanOrEqual(1);
    expect(s.t).toBeCloseTo(0.4, 9);
    expect(s.lon).toBeCloseTo(121.004, 12);
    expect(s.lat).toBeCloseTo(29.1, 12);
    expect(s.distanceM).toBeCloseTo(refDistanceM(q, [121.004, 29.1]), 6);
    expect(s.distanceM).toBeGreaterThan(50);
    expect(s.distanceM).toBeLessThan(60);
  });

  it('clamps to a vertex beyond the ends', () => {
    const q = [120.995, 29.0995];
    const s = snapToGraph(g, q[0]!, q[1]!)!;
    expect([s.lon, s.lat]).toEqual(A);
    expect([0, 1]).toContain(s.t);
    expect(s.distanceM).toBeCloseTo(refDistanceM(q, A), 6);
  });

  it('honours maxDistanceM and closed roads', () => {
    expect(snapToGraph(g, 121.5, 29.5, { maxDistanceM: 5000 })).toBeNull();
    const far = snapToGraph(g, 121.5, 29.5)!;
    expect(far.distanceM).toBeGreaterThan(5000);
    expect([far.lon, far.lat]).toEqual(C);
    const s = snapToGraph(g, 121.004, 29.1005, { closedRoads: new Set(['AB']) })!;
    expect(g.roads[g.edgeRoad[s.edge]!]!.id).not.toBe('AB');
    expect(snapToGraph(g, Number.NaN, 29)).toBeNull();
    expect(snapToGraph(buildRoadGraph(fc([])), 121, 29)).toBeNull();
  });
});

describe('route (snapped ends)', () => {
  it('routes from a mid-edge point', () => {
    const g = buildRoadGraph(square({ diagKph: 10 }));
    const r = route(g, [121.005, 29.1], C)!;
    expect(r.from.t).toBeCloseTo(0.5, 9);
    expect(r.durationS).toBeCloseTo((0.5 * AB + BC) / kmh(60), 6);
    expect(r.distanceM).toBeCloseTo(0.5 * AB + BC, 4);
    expect(r.path).toEqual([[121.005, 29.1], B, C]);
    expect(r.nodes).toEqual([nodeOf(g, B), nodeOf(g, C)]);
    expect(r.edges.length).toBe(r.path.length - 1);
    // and to a mid-edge point on CD
    const r2 = route(g, [121.005, 29.1], [121.0075, 29.1101])!;
    expect(r2.durationS).toBeCloseTo((0.5 * AB + BC) / kmh(60) + (0.25 * CD) / kmh(40), 4);
    expect(r2.path.at(-1)![0]).toBeCloseTo(121.0075, 12);
    expect(r2.path.at(-1)![1]).toBeCloseTo(29.11, 12);
  });

  it('travels directly along a shared segment, both ways when two-way', () => {
    const g = buildRoadGraph(square({ diagKph: 10 }));
    const p: LonLat = [121.002, 29.1];
    const q: LonLat = [121.007, 29.1];
    const fwd = route(g, p, q)!;
    expect(fwd.durationS).toBeCloseTo((0.5 * AB) / kmh(60), 6);
    expect(fwd.nodes).toEqual([]);
    expect(fwd.path).toEqual([p, q]);
    const back = route(g, q, p)!;
    expect(back.durationS).toBeCloseTo((0.5 * AB) / kmh(60), 6);
    expect(g.sources[back.edges[0]!]).toBe(nodeOf(g, B));
  });

  it('goes around when the shared segment is oneway the wrong way', () => {
    const g = buildRoadGraph(square({ diagKph: 10, abOneway: 'forward' }));
    const p: LonLat = [121.007, 29.1];
    const q: LonLat = [121.002, 29.1];
    const r = route(g, p, q)!;
    const expected = (0.3 * AB + BC) / kmh(60) + (CD + DA) / kmh(40) + (0.2 * AB) / kmh(60);
    expect(r.durationS).toBeCloseTo(expected, 4);
    expect(r.nodes).toEqual([B, C, D, A].map((x) => nodeOf(g, x)));
    expect(route(g, q, p)!.durationS).toBeCloseTo((0.5 * AB) / kmh(60), 6);
  });

  it('starts at a vertex without a zero-length first step; rejects far points', () => {
    const g = buildRoadGraph(square({ diagKph: 10 }));
    const r = route(g, A, C)!;
    expect(r.path).toEqual([A, B, C]);
    expect(r.durationS).toBeCloseTo((AB + BC) / kmh(60), 6);
    expect(route(g, [121.5, 29.5], C, { maxSnapM: 5000 })).toBeNull();
    expect(route(g, [121.5, 29.5], C)).not.toBeNull();
  });
});

// ---------------------------------------------------------------- synthetic network

const SPEEDS: Record<RoadClass, [number, number]> = {
  expressway: [80, 100],
  arterial: [40, 60],
  collector: [30, 45],
  local: [15, 30],
};

/** Perturbed size×size grid, random classes/speeds, ~10 % oneway, ~8 % edges removed, a diagonal expressway, and an unconnected flyover. */
function syntheticNetwork(seed: number, size = 60): RoadCollection {
  const rnd = mulberry32(seed);
  const step = 0.002;
  const pts: number[][] = [];
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++)
      pts.push([
        120.9 + i * step + (rnd() - 0.5) * 0.6 * step,
        29.05 + j * step + (rnd() - 0.5) * 0.6 * step,
      ]);
  const pt = (i: number, j: number): number[] => pts[j * size + i]!;
  const features: RoadFeature[] = [];
  const pick = (): RoadClass => {
    const x = rnd();
    return x < 0.05 ? 'expressway' : x < 0.25 ? 'arterial' : x < 0.5 ? 'collector' : 'local';
  };
  const add = (a: number[], b: number[]): void => {
    if (rnd() < 0.08) return;
    const cls = pick();
    const [lo, hi] = SPEEDS[cls];
    const oneway = rnd() < 0.1;
    const coords = oneway && rnd() < 0.5 ? [b, a] : [a, b];
    features.push(road(`r${features.length}`, coords, cls, lo + rnd() * (hi - lo), oneway));
  };
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) {
      if (i + 1 < size) add(pt(i, j), pt(i + 1, j));
      if (j + 1 < size) add(pt(i, j), pt(i, j + 1));
    }
  const diag: number[][] = [];
  for (let k = 0; k < size; k += 1) diag.push(pt(k, k));
  features.push(road('diag-expressway', diag, 'expressway', 100));
  // Crosses the whole grid without sharing any vertex: an isolated component.
  features.push(
    road(
      'flyover',
      [
        [120.895, 29.1],
        [121.03, 29.11],
      ],
      'expressway',
      90,
    ),
  );
  features.push(
    road(
      'bad',
      [
        [120.9, Number.NaN],
        [121, 29],
      ],
      'local',
      30,
    ),
  );
  return fc(features);
}

const net = syntheticNetwork(20240501);
const G = buildRoadGraph(net);

function randomPairs(seed: number, count: number): [number, number][] {
  const rnd = mulberry32(seed);
  const out: [number, number][] = [];
  for (let k = 0; k < count; k++)
    out.push([Math.floor(rnd() * G.nodeCount), Math.floor(rnd() * G.nodeCount)]);
  return out;
}

function hashUnit(r: number): number {
  return (Math.imul(r + 1, 2654435761) >>> 0) / 4294967296;
}

describe('synthetic network (60×60 perturbed grid)', () => {
  it('has the expected size', () => {
    expect(G.nodeCount).toBe(60 * 60 + 2);
    expect(G.skipped).toBe(1);
    expect(G.maxSpeedMps).toBeCloseTo(kmh(100), 12);
    expect(G.edgeCount).toBeGreaterThan(12_000);
  });

  const flyA = nodeAt(G, 120.895, 29.1);
  const flyB = nodeAt(G, 121.03, 29.11);

  function compareAll(opts: SearchOptions | undefined, factor: (e: number) => number, seed: number): number {
    const pairs = randomPairs(seed, 1000);
    pairs.push([0, flyA], [flyA, flyB], [flyB, flyA], [flyA, 5]);
    let reachable = 0;
    for (const [s, t] of pairs) {
      const d = dijkstra(G, s, t, opts);
      const a = shortestPath(G, s, t, opts);
      if (d === null) {
        expect(a).toBeNull();
        continue;
      }
      reachable++;
      if (a === null || !relClose(a.durationS, d.durationS)) {
        expect({ s, t, astar: a?.durationS, dijkstra: d.durationS }).toBeUndefined();
        continue;
      }
      const recomputed = checkNodePath(G, a, s, t, factor);
      if (!relClose(recomputed, a.durationS, 1e-9))
        expect({ s, t, recomputed, astar: a.durationS }).toBeUndefined();
    }
    expect(shortestPath(G, flyA, flyB, opts)).not.toBeNull();
    expect(shortestPath(G, 0, flyA, opts)).toBeNull();
    return reachable;
  }

  it('A* equals plain Dijkstra on 1,000 random pairs (free flow)', () => {
    const reachable = compareAll(undefined, () => 1, 1);
    expect(reachable).toBeGreaterThan(800);
  });

  it('A* equals plain Dijkstra on 1,000 random pairs (congestion × per-road factor, closures)', () => {
    const rush = congestionCostFactor(8, 'workday');
    const rnd = mulberry32(99);
    const closedRoads = new Set(G.roads.filter(() => rnd() < 0.03).map((r) => r.id));
    const opts: SearchOptions = {
      costFactor: (cls, r) => rush(cls, r) * (1 + hashUnit(r)),
      closedRoads,
    };
    const factor = (e: number): number => {
      const r = G.edgeRoad[e]!;
      const road = G.roads[r]!;
      return closedRoads.has(road.id) ? Number.POSITIVE_INFINITY : rush(road.class, r) * (1 + hashUnit(r));
    };
    const reachable = compareAll(opts, factor, 2);
    expect(reachable).toBeGreaterThan(700);
  });

  it('free-flow durationS = Σ independent haversine length / road speed along the path', () => {
    // Speeds looked up from the input features, not from the graph.
    const speed = new Map<string, number>();
    for (const f of net.features) {
      const c = f.geometry.coordinates;
      for (let i = 0; i + 1 < c.length; i++) {
        speed.set(`${c[i]}|${c[i + 1]}`, f.properties.speedKph);
        if (!f.properties.oneway) speed.set(`${c[i + 1]}|${c[i]}`, f.properties.speedKph);
      }
    }
    let checked = 0;
    for (const [s, t] of randomPairs(3, 300)) {
      const p = shortestPath(G, s, t);
      if (!p) continue;
      let dur = 0;
      let dist = 0;
      for (let i = 0; i + 1 < p.path.length; i++) {
        const len = refDistanceM(p.path[i]!, p.path[i + 1]!);
        const v = speed.get(`${p.path[i]}|${p.path[i + 1]}`);
        expect(v).toBeDefined();
        dur += len / kmh(v!);
        dist += len;
      }
      expect(relClose(p.durationS, dur, 1e-9)).toBe(true);
      expect(relClose(p.distanceM, dist, 1e-9)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('grid snapping equals brute force on 400 random points (incl. outside the bbox)', () => {
    const rnd = mulberry32(5);
    const index = buildEdgeIndex(G);
    expect(index.cols * index.rows).toBeGreaterThan(100);
    for (let k = 0; k < 400; k++) {
      const lon = 120.88 + rnd() * 0.16;
      const lat = 29.03 + rnd() * 0.16;
      const kx = Math.cos((lat * Math.PI) / 180);
      let best = Number.POSITIVE_INFINITY;
      for (let e = 0; e < G.edgeCount; e++) {
        const a = G.sources[e]!;
        const b = G.targets[e]!;
        const ax = (G.nodeLon[a]! - lon) * kx;
        const ay = G.nodeLat[a]! - lat;
        const bx = (G.nodeLon[b]! - lon) * kx;
        const by = G.nodeLat[b]! - lat;
        const dx = bx - ax;
        const dy = by - ay;
        const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
      const s = snapToGraph(G, lon, lat)!;
      expect(s.t).toBeGreaterThanOrEqual(0);
      expect(s.t).toBeLessThanOrEqual(1);
      const a = G.sources[s.edge]!;
      const b = G.targets[s.edge]!;
      expect(s.lon).toBeCloseTo(G.nodeLon[a]! + s.t * (G.nodeLon[b]! - G.nodeLon[a]!), 12);
      expect(s.lat).toBeCloseTo(G.nodeLat[a]! + s.t * (G.nodeLat[b]! - G.nodeLat[a]!), 12);
      const got = Math.hypot((s.lon - lon) * kx, s.lat - lat);
      expect(got).toBeLessThanOrEqual(best + 1e-12);
      expect(s.distanceM).toBeCloseTo(refDistanceM([lon, lat], [s.lon, s.lat]), 6);
    }
  });

  it('route between random points = multi-source Dijkstra isochrone + partial edge (200 pairs)', () => {
    const rnd = mulberry32(11);
    const opts: SearchOptions = { costFactor: congestionCostFactor(18, 'workday') };
    let compared = 0;
    for (let k = 0; k < 200; k++) {
      const from: LonLat = [120.9 + rnd() * 0.118, 29.05 + rnd() * 0.118];
      const to: LonLat = [120.9 + rnd() * 0.118, 29.05 + rnd() * 0.118];
      const r = route(G, from, to, opts);
      const times = travelTimesFrom(G, [from], opts);
      const ref = nodeTimesAtPoints(G, times, [to], opts)[0]!;
      if (!r) {
        expect(ref).toBe(Number.POSITIVE_INFINITY);
        continue;
      }
      const same = r.to.edge === r.from.edge || r.to.edge === G.reverseEdge[r.from.edge];
      if (same) continue; // isochrones ignore travel inside the source's own segment
      expect(relClose(r.durationS, ref)).toBe(true);
      compared++;
      // path invariants: inner path vertices are the nodes; each edge joins consecutive points
      expect(r.edges.length).toBe(r.path.length - 1);
      let dist = 0;
      for (let i = 0; i < r.edges.length; i++) {
        const e = r.edges[i]!;
        const p0 = r.path[i]!;
        const p1 = r.path[i + 1]!;
        if (i > 0) expect(p0).toEqual([G.nodeLon[G.sources[e]!]!, G.nodeLat[G.sources[e]!]!]);
        if (i < r.edges.length - 1)
          expect(p1).toEqual([G.nodeLon[G.targets[e]!]!, G.nodeLat[G.targets[e]!]!]);
        dist += refDistanceM(p0, p1);
      }
      expect(Math.abs(r.distanceM - dist)).toBeLessThan(0.01 + 1e-6 * dist);
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('travelTimesFrom: multi-source = per-node min of single sources; maxS cuts off', () => {
    const stations: LonLat[] = [
      [120.93, 29.07],
      [121.0, 29.15],
      [120.98, 29.09],
    ];
    const all = travelTimesFrom(G, stations);
    const singles = stations.map((p) => travelTimesFrom(G, [p]));
    for (let v = 0; v < G.nodeCount; v++) {
      expect(all[v]).toBe(Math.min(...singles.map((t) => t[v]!)));
    }
    const capped = travelTimesFrom(G, stations, { maxS: 300 });
    let inside = 0;
    for (let v = 0; v < G.nodeCount; v++) {
      if (all[v]! <= 300) {
        expect(capped[v]).toBe(all[v]);
        inside++;
      } else expect(capped[v]).toBe(Number.POSITIVE_INFINITY);
    }
    expect(inside).toBeGreaterThan(10);
    // node-level agreement with the point-to-point router
    const s = stations[0]!;
    for (const [, t] of randomPairs(8, 50)) {
      const r = route(G, s, [G.nodeLon[t]!, G.nodeLat[t]!]);
      if (!r) expect(singles[0]![t]).toBe(Number.POSITIVE_INFINITY);
      else expect(relClose(r.durationS, singles[0]![t]!)).toBe(true);
    }
    const bands = isochroneEdges(G, all);
    for (let e = 0; e < G.edgeCount; e += 7) {
      expect(bands[e]).toBe(bandOf(Math.max(all[G.sources[e]!]!, all[G.targets[e]!]!)));
    }
  });

  it('dijkstraAll (one-to-all, multi-source with initial times) agrees with node-to-node searches', () => {
    const rnd = mulberry32(21);
    const s = Math.floor(rnd() * G.nodeCount);
    const s2 = Math.floor(rnd() * G.nodeCount);
    const one = dijkstraAll(G, [{ node: s, initialS: 0 }]);
    const two = dijkstraAll(G, [
      { node: s, initialS: 0 },
      { node: s2, initialS: 120 },
    ]);
    const second = dijkstraAll(G, [{ node: s2, initialS: 0 }]);
    for (let k = 0; k < 100; k++) {
      const t = Math.floor(rnd() * G.nodeCount);
      const p = shortestPath(G, s, t);
      expect(one[t]).toBe(p ? one[t] : Number.POSITIVE_INFINITY);
      if (p) expect(relClose(one[t]!, p.durationS, 1e-9)).toBe(true);
      expect(two[t]).toBeCloseTo(Math.min(one[t]!, second[t]! + 120), 6);
    }
    const capped = dijkstraAll(G, [{ node: s, initialS: 0 }], undefined, 200);
    for (let v = 0; v < G.nodeCount; v++)
      expect(capped[v]).toBe(one[v]! <= 200 ? one[v] : Number.POSITIVE_INFINITY);
    expect(() => dijkstraAll(G, [{ node: -3, initialS: 0 }])).toThrow(RangeError);
  });

  it('reuses search state across many queries without drift', () => {
    const [s, t] = [17, G.nodeCount - 200];
    const first = shortestPath(G, s, t)!.durationS;
    for (const [a, b] of randomPairs(4, 200)) shortestPath(G, a, b);
    expect(shortestPath(G, s, t)!.durationS).toBe(first);
  });
});

describe('isochrone helpers on the tiny network', () => {
  const g = buildRoadGraph(square({ diagKph: 10 }));

  it('bandOf', () => {
    expect(DEFAULT_BANDS).toEqual([300, 600, 900, 1800]);
    expect(bandOf(0)).toBe(0);
    expect(bandOf(300)).toBe(0);
    expect(bandOf(300.1)).toBe(1);
    expect(bandOf(1800)).toBe(3);
    expect(bandOf(1801)).toBe(-1);
    expect(bandOf(Number.POSITIVE_INFINITY)).toBe(-1);
    expect(bandOf(Number.NaN)).toBe(-1);
    expect(bandOf(50, [60, 120])).toBe(0);
  });

  it('travel times from a point and to mid-edge points', () => {
    const times = travelTimesFrom(g, [A]);
    expect(times[nodeOf(g, A)]).toBe(0);
    expect(times[nodeOf(g, B)]).toBeCloseTo(AB / kmh(60), 6);
    expect(times[nodeOf(g, C)]).toBeCloseTo((AB + BC) / kmh(60), 6);
    const at = nodeTimesAtPoints(
      g,
      times,
      [
        [121.0075, 29.1101],
        [125, 35],
      ],
      { maxSnapM: 5000 },
    );
    expect(at[0]).toBeCloseTo((AB + BC) / kmh(60) + (0.25 * CD) / kmh(40), 4);
    expect(at[1]).toBe(Number.POSITIVE_INFINITY);
    // mid-edge station: both ends of its two-way segment are seeded
    const mid = travelTimesFrom(g, [[121.005, 29.1]]);
    expect(mid[nodeOf(g, A)]).toBeCloseTo((0.5 * AB) / kmh(60), 6);
    expect(mid[nodeOf(g, B)]).toBeCloseTo((0.5 * AB) / kmh(60), 6);
    // unsnappable stations are ignored
    expect([...travelTimesFrom(g, [[125, 35]], { maxSnapM: 1000 })].every((x) => x === Infinity)).toBe(true);
  });
});

describe('signalsAlongPath', () => {
  const g = buildRoadGraph(square({ diagKph: 10 }));

  it('lists signals in path order with cumulative distance and free-flow ETA', () => {
    const p = shortestPath(g, nodeOf(g, A), nodeOf(g, C))!;
    const signals = [
      ['sig-C', C[0]!, C[1]!],
      ['sig-D', D[0]!, D[1]!],
      ['sig-B', B[0]!, B[1]!],
      ['sig-A', A[0]!, A[1]!],
    ] as const;
    const out = signalsAlongPath(g, p, signals);
    expect(out.map((s) => s.id)).toEqual(['sig-A', 'sig-B', 'sig-C']);
    expect(out[0]!.distanceM).toBe(0);
    expect(out[1]!.distanceM).toBeCloseTo(AB, 6);
    expect(out[1]!.etaS).toBeCloseTo(AB / kmh(60), 6);
    expect(out[2]!.distanceM).toBeCloseTo(AB + BC, 6);
    expect(out[2]!.etaS).toBeCloseTo(p.durationS, 6);
    expect(out[2]!.pathIndex).toBe(2);
  });

  it('works on a snapped route and with a tolerance', () => {
    const r = route(g, [121.005, 29.1], [121.0075, 29.1101])!;
    const nearB = [B[0]! + 0.00002, B[1]!]; // ~2 m east of B
    const signals = [
      ['sig-B', nearB[0]!, nearB[1]!],
      ['sig-D', D[0]!, D[1]!],
      ['sig-C', C[0]!, C[1]!],
    ] as const;
    expect(signalsAlongPath(g, r, signals).map((s) => s.id)).toEqual(['sig-C']);
    const out = signalsAlongPath(g, r, signals, { toleranceM: 5 });
    expect(out.map((s) => s.id)).toEqual(['sig-B', 'sig-C']);
    expect(out[0]!.distanceM).toBeCloseTo(0.5 * AB, 3);
    expect(out[0]!.etaS).toBeCloseTo((0.5 * AB) / kmh(60), 3);
    expect(out[1]!.etaS).toBeCloseTo((0.5 * AB + BC) / kmh(60), 3);
    expect(() => signalsAlongPath(g, { path: [A, B], edges: [] }, signals)).toThrow(RangeError);
  });
});
