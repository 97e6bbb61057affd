import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mulberry32 } from '@cockpit/domain/random';
import {
  buildRoadGraph,
  EARTH_RADIUS_M,
  type RoadCollection,
  type RoadGraph,
  shortestPath,
} from '@cockpit/domain/routing';
import { BUNDLED_GEO_DIR } from '@cockpit/mock-data/geo/dir';
import createGraph from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import type { Row } from '../harness';
import { median, percentile } from '../stats';

/**
 * Route query time on the real (approximate) county road network, against ngraph.path's A* on the same
 * graph with the same admissible heuristic (chord distance ÷ the network's maximum speed) and the same
 * edge costs (free-flow seconds). Node-to-node queries between seeded random pairs; each pair is timed
 * with both routers back to back, alternating which goes first. ratio = ours ÷ ngraph per query, median.
 */
const PAIRS = 1000;
const RUNS = 5;

type NodeData = { x: number; y: number; z: number };

function loadGraph(): RoadGraph {
  const roads = JSON.parse(readFileSync(join(BUNDLED_GEO_DIR, 'roads.geojson'), 'utf8')) as RoadCollection;
  return buildRoadGraph(roads);
}

function ngraphOf(graph: RoadGraph) {
  const g = createGraph<NodeData, number>({ multigraph: true });
  for (let v = 0; v < graph.nodeCount; v++) {
    g.addNode(v, { x: graph.nodeXYZ[3 * v]!, y: graph.nodeXYZ[3 * v + 1]!, z: graph.nodeXYZ[3 * v + 2]! });
  }
  for (let e = 0; e < graph.edgeCount; e++)
    g.addLink(graph.sources[e]!, graph.targets[e]!, graph.freeFlowS[e]!);
  const scale = (EARTH_RADIUS_M / graph.maxSpeedMps) * (1 - 1e-9);
  return ngraphPath.aStar<NodeData, number>(g, {
    oriented: true,
    distance: (_a, _b, link) => link.data,
    heuristic: (a, b) => {
      const dx = a.data.x - b.data.x;
      const dy = a.data.y - b.data.y;
      const dz = a.data.z - b.data.z;
      return Math.sqrt(dx * dx + dy * dy + dz * dz) * scale;
    },
  });
}

/** Cost of an ngraph path (it returns nodes from target to source): cheapest link between each pair. */
function ngraphCost(graph: RoadGraph, nodes: readonly { id: string | number }[]): number {
  let cost = 0;
  for (let i = nodes.length - 1; i > 0; i--) {
    const u = Number(nodes[i]!.id);
    const v = Number(nodes[i - 1]!.id);
    let best = Number.POSITIVE_INFINITY;
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
      if (graph.targets[e] === v && graph.freeFlowS[e]! < best) best = graph.freeFlowS[e]!;
    }
    cost += best;
  }
  return cost;
}

export async function routingSuite(): Promise<Row[]> {
  const graph = loadGraph();
  const finder = ngraphOf(graph);
  const rand = mulberry32(20211);
  const pairs = Array.from({ length: PAIRS }, () => {
    const s = Math.floor(rand() * graph.nodeCount);
    let t = Math.floor(rand() * graph.nodeCount);
    if (t === s) t = (t + 1) % graph.nodeCount;
    return [s, t] as const;
  });

  // Same optimum first (a benchmark of a wrong answer would mean nothing).
  let mismatches = 0;
  for (const [s, t] of pairs) {
    const ours = shortestPath(graph, s, t)!.durationS;
    const theirs = ngraphCost(graph, finder.find(s, t));
    if (Math.abs(ours - theirs) > 1e-6 * Math.max(1, ours)) mismatches++;
  }
  // Warm-up.
  for (let i = 0; i < 200; i++) {
    const [s, t] = pairs[i % PAIRS]!;
    shortestPath(graph, s, t);
    finder.find(s, t);
  }

  const p50s: number[] = [];
  const p95s: number[] = [];
  const np50s: number[] = [];
  const np95s: number[] = [];
  const ratios: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const ours: number[] = [];
    const theirs: number[] = [];
    const runRatios: number[] = [];
    pairs.forEach(([s, t], i) => {
      const timeOurs = () => {
        const t0 = performance.now();
        shortestPath(graph, s, t);
        return performance.now() - t0;
      };
      const timeTheirs = () => {
        const t0 = performance.now();
        finder.find(s, t);
        return performance.now() - t0;
      };
      let a: number;
      let b: number;
      if ((i + run) % 2 === 0) {
        a = timeOurs();
        b = timeTheirs();
      } else {
        b = timeTheirs();
        a = timeOurs();
      }
      ours.push(a);
      theirs.push(b);
      runRatios.push(a / b);
    });
    p50s.push(percentile(ours, 50));
    p95s.push(percentile(ours, 95));
    np50s.push(percentile(theirs, 50));
    np95s.push(percentile(theirs, 95));
    ratios.push(median(runRatios));
  }
  const ms = (v: number) => Math.round(v * 1e4) / 1e4;
  const ratio = median(ratios);
  const note = `${graph.nodeCount} nodes, ${graph.edgeCount} edges; ${PAIRS} random pairs × ${RUNS} runs; optimum mismatches ${mismatches}`;
  return [
    {
      suite: 'routing',
      figure: 'route query p50 (ours vs ngraph.path A*)',
      unit: 'ms',
      subject: ms(median(p50s)),
      baseline: ms(median(np50s)),
      ratio: median(p50s) / median(np50s),
      note,
    },
    {
      suite: 'routing',
      figure: 'route query p95 (ours vs ngraph.path A*)',
      unit: 'ms',
      subject: ms(median(p95s)),
      baseline: ms(median(np95s)),
      ratio: median(p95s) / median(np95s),
    },
    {
      suite: 'routing',
      figure: 'per-query time ratio ours ÷ ngraph (median)',
      unit: '×',
      subject: ratio,
      baseline: 1,
      ratio,
      target: '≤ 0.33× (≥ 3× faster)',
      pass: ratio <= 1 / 3 && mismatches === 0,
      note: `ngraph.path is ${(1 / ratio).toFixed(1)}× slower per query`,
    },
  ];
}
