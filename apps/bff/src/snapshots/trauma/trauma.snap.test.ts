/**
 * Snapping and routing on the county network: free-flow routes against an independent Dijkstra written
 * here over the GeoJSON itself, and an incident on the 上三高速 reached along the carriageway.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { haversineM, route } from '@cockpit/domain/routing';
import { BUNDLED_GEO_DIR } from '@cockpit/mock-data/geo/dir';
import { describe, expect, it } from 'vitest';
import { loadRoadNetwork } from '../../geo/roads';
import { planRoute, snapOffRoad } from './trauma.routing';

type Feature = {
  properties: { id: string; class: string; speedKph: number; oneway: boolean };
  geometry: { coordinates: [number, number][] };
};
const roads = (
  JSON.parse(readFileSync(join(BUNDLED_GEO_DIR, 'roads.geojson'), 'utf8')) as { features: Feature[] }
).features;
const network = loadRoadNetwork();
const T0 = Date.parse('2026-10-03T04:00:00Z');

/** Independent free-flow Dijkstra over the GeoJSON: vertices keyed by coordinates, O(n²) selection. */
function independentDijkstra(from: string, to: string): number {
  const adj = new Map<string, { to: string; s: number }[]>();
  const add = (a: string, b: string, s: number) => {
    const list = adj.get(a) ?? [];
    list.push({ to: b, s });
    adj.set(a, list);
  };
  for (const f of roads) {
    const c = f.geometry.coordinates;
    for (let i = 1; i < c.length; i++) {
      const s = haversineM(c[i - 1]![0], c[i - 1]![1], c[i]![0], c[i]![1]) / (f.properties.speedKph / 3.6);
      add(`${c[i - 1]}`, `${c[i]}`, s);
      if (!f.properties.oneway) add(`${c[i]}`, `${c[i - 1]}`, s);
    }
  }
  const dist = new Map<string, number>([[from, 0]]);
  const done = new Set<string>();
  for (;;) {
    let u: string | undefined;
    let best = Number.POSITIVE_INFINITY;
    for (const [k, d] of dist) if (!done.has(k) && d < best) [u, best] = [k, d];
    if (u === undefined) return Number.POSITIVE_INFINITY;
    if (u === to) return best;
    done.add(u);
    for (const e of adj.get(u) ?? []) {
      if (best + e.s < (dist.get(e.to) ?? Number.POSITIVE_INFINITY)) dist.set(e.to, best + e.s);
    }
  }
}

describe('routing on the county network', () => {
  it('the free-flow route between road vertices equals an independent Dijkstra', () => {
    const vertices = [...new Set(roads.flatMap((f) => f.geometry.coordinates.map((c) => `${c}`)))].sort();
    let seed = 7;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return vertices[seed % vertices.length]!;
    };
    for (let k = 0; k < 12; k++) {
      const a = pick();
      const b = pick();
      const pa = a.split(',').map(Number) as [number, number];
      const pb = b.split(',').map(Number) as [number, number];
      const r = route(network.graph, pa, pb);
      const expected = independentDijkstra(a, b);
      expect(r, `${a} → ${b}`).not.toBeNull();
      expect(r!.durationS).toBeCloseTo(expected, 3);
    }
  }, 60_000);

  const expressway = roads.find((f) => f.properties.class === 'expressway')!;
  const interchanges = roads
    .filter((f) => f.properties.id.startsWith('interchange-'))
    .map((f) => f.geometry.coordinates[0]!);
  const onExpressway = (p: [number, number]) =>
    expressway.geometry.coordinates.some((c) => c[0] === p[0] && c[1] === p[1]);

  it('an incident on the 上三高速 between two interchanges is reached along the carriageway', () => {
    const c = expressway.geometry.coordinates;
    const idx = interchanges
      .map((p) => c.findIndex((q) => q[0] === p[0] && q[1] === p[1]))
      .sort((x, y) => x - y);
    expect(idx.every((i) => i >= 0)).toBe(true);
    // Half-way between the first two interchanges, 15 m off the centre line (a crash on the hard shoulder).
    const mid = c[Math.floor((idx[0]! + idx[1]!) / 2)]!;
    const scene: [number, number] = [mid[0], mid[1] + 15 / 111_195];
    const snap = snapOffRoad(network.graph, scene)!;
    expect(network.graph.roads[network.graph.edgeRoad[snap.edge]!]!.class).toBe('expressway');
    const h01 = network.facilities.find((f) => f.id === 'H01')!;
    const r = planRoute(network, [h01.lon, h01.lat], scene, 'none', T0)!;
    const end = r.path[r.path.length - 1]!;
    expect(haversineM(end[0], end[1], scene[0], scene[1])).toBeLessThan(20);
    // It drives onto the expressway at an interchange and along it to the scene.
    const entered = r.path.findIndex((p) => interchanges.some((q) => q[0] === p[0] && q[1] === p[1]));
    expect(entered).toBeGreaterThanOrEqual(0);
    expect(r.path.slice(entered, -1).every((p) => onExpressway(p as [number, number]))).toBe(true);
    if (process.env.REPORT === '1') {
      const g = network.graph;
      const used: string[] = [];
      for (const e of r.edges) {
        const road = g.roads[g.edgeRoad[e]!]!;
        const label = `${road.name ?? road.id} (${road.class})`;
        if (used[used.length - 1] !== label) used.push(label);
      }
      console.info(
        `scene ${scene.map((x) => x.toFixed(5)).join(',')}: ${(r.distanceM / 1000).toFixed(2)} km, ${(r.durationS / 60).toFixed(1)} min free-flow; ${used.join(' → ')}`,
      );
    }
  });

  it('a village or home far from the expressway never snaps onto it', () => {
    const c = expressway.geometry.coordinates;
    for (let i = 1; i < c.length - 1; i += 3) {
      // 200 m north of the expressway: off-road, so it joins the nearest other road.
      const p: [number, number] = [c[i]![0], c[i]![1] + 200 / 111_195];
      const snap = snapOffRoad(network.graph, p);
      if (snap) expect(network.graph.roads[network.graph.edgeRoad[snap.edge]!]!.class).not.toBe('expressway');
    }
  });
});
