import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bbox, lineIntersect, lineString } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRoadGraph } from '../../../packages/domain/src/routing';
import { BUNDLED_GEO_DIR } from '../dir';
import { KM_PER_DEG_LAT, KM_PER_DEG_LON, pointInRings } from '../planar';
import { serializeFeatureCollection } from '../serialize';
import type { Pos } from '../types';
import { ROAD_FILES } from './cli';
import { loadRoadInputs } from './load';
import { buildRoadNetwork, type RoadBuildResult } from './network';
import { CORE, EXPRESSWAY_ID } from './synthetic';
import type { FacilityFC, RoadFC, RoadInputs, SignalFC } from './types';

let inputs: RoadInputs;
let built: RoadBuildResult;
let roads: RoadFC;
let signals: SignalFC;
let facilities: FacilityFC;

const key = (p: readonly number[]) => `${p[0]},${p[1]}`;

/** Vertex → distinct neighbours (ignoring direction) and directed successors, from shared vertices. */
function vertexGraph(fc: RoadFC) {
  const index = new Map<string, number>();
  const out: number[][] = [];
  const back: number[][] = [];
  const nb: Set<number>[] = [];
  const node = (p: Pos) => {
    let i = index.get(key(p));
    if (i === undefined) {
      i = out.length;
      index.set(key(p), i);
      out.push([]);
      back.push([]);
      nb.push(new Set());
    }
    return i;
  };
  for (const f of fc.features) {
    const c = f.geometry.coordinates;
    for (let i = 0; i + 1 < c.length; i++) {
      const u = node(c[i]!);
      const v = node(c[i + 1]!);
      out[u]!.push(v);
      back[v]!.push(u);
      if (!f.properties.oneway) {
        out[v]!.push(u);
        back[u]!.push(v);
      }
      nb[u]!.add(v);
      nb[v]!.add(u);
    }
  }
  return { index, out, back, nb };
}

function reachable(adj: readonly (readonly number[])[], start: number): number {
  const seen = new Uint8Array(adj.length);
  const stack = [start];
  seen[start] = 1;
  let n = 1;
  while (stack.length > 0) {
    const u = stack.pop()!;
    for (const v of adj[u]!) {
      if (!seen[v]) {
        seen[v] = 1;
        n++;
        stack.push(v);
      }
    }
  }
  return n;
}

const kmBetween = (a: readonly number[], b: readonly number[]) =>
  Math.hypot((a[0]! - b[0]!) * KM_PER_DEG_LON, (a[1]! - b[1]!) * KM_PER_DEG_LAT);

beforeAll(() => {
  inputs = loadRoadInputs(BUNDLED_GEO_DIR);
  built = buildRoadNetwork(inputs, { source: { kind: 'synthetic' } });
  roads = built.roads;
  signals = built.signals;
  facilities = built.facilities;
});

describe('build', () => {
  it('is deterministic: a second run gives identical text', () => {
    const again = buildRoadNetwork(inputs, { source: { kind: 'synthetic' } });
    for (const k of ['roads', 'signals', 'facilities'] as const) {
      expect(serializeFeatureCollection(again[k])).toBe(serializeFeatureCollection(built[k]));
    }
  });

  it('matches the committed files byte for byte (rerun geo:roads after changing the builder)', () => {
    for (const k of ['roads', 'signals', 'facilities'] as const) {
      const committed = readFileSync(join(BUNDLED_GEO_DIR, ROAD_FILES[k]), 'utf8');
      expect(serializeFeatureCollection(built[k])).toBe(committed);
    }
  });

  it('stays modest in size', () => {
    const text = serializeFeatureCollection(roads);
    expect(text.length).toBeLessThan(1_500_000);
    expect(built.stats.vertices).toBeGreaterThan(1000);
    expect(built.stats.vertices).toBeLessThan(10_000);
  });
});

describe('roads.geojson', () => {
  it('has the schema: classes, speeds, oneway, accuracy, unique sorted ids, 6-decimal coordinates', () => {
    const ids = roads.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(ids);
    for (const f of roads.features) {
      const p = f.properties;
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('LineString');
      expect(
        Object.keys(p).every((k) => ['id', 'name', 'class', 'speedKph', 'oneway', 'accuracy'].includes(k)),
      ).toBe(true);
      expect(['expressway', 'arterial', 'collector', 'local']).toContain(p.class);
      expect(typeof p.oneway).toBe('boolean');
      expect(p.accuracy).toBe('approximate');
      expect(p.name === undefined || typeof p.name === 'string').toBe(true);
      const expected = { expressway: [100], arterial: [40, 50, 60], collector: [40], local: [30] }[p.class];
      expect(expected).toContain(p.speedKph);
      const c = f.geometry.coordinates;
      expect(c.length).toBeGreaterThanOrEqual(2);
      c.forEach((q, i) => {
        expect(q).toHaveLength(2);
        for (const v of q) expect(Math.round(v * 1e6) / 1e6).toBe(v);
        if (i > 0) expect(key(q)).not.toBe(key(c[i - 1]!));
      });
    }
    const byClass = (cls: string) => roads.features.filter((f) => f.properties.class === cls);
    expect(byClass('expressway')).toHaveLength(1);
    expect(byClass('arterial').length).toBeGreaterThan(15);
    expect(byClass('collector').length).toBeGreaterThan(20);
    expect(roads.features.filter((f) => f.properties.oneway).length).toBeGreaterThanOrEqual(2);
  });

  it('makes every village position a road vertex', () => {
    const vertices = new Set(roads.features.flatMap((f) => f.geometry.coordinates.map(key)));
    const missing = inputs.villages.filter((v) => !vertices.has(key(v.pos)));
    expect(missing.map((v) => v.code)).toEqual([]);
    expect(inputs.villages).toHaveLength(395);
  });

  it('is one strongly connected component (respecting one-way roads)', () => {
    const g = vertexGraph(roads);
    const n = g.out.length;
    expect(reachable(g.out, 0)).toBe(n);
    expect(reachable(g.back, 0)).toBe(n);
  });

  it('is one strongly connected component in the routing package graph too', () => {
    const graph = buildRoadGraph(roads);
    expect(graph.skipped).toBe(0);
    const fwd: number[][] = [];
    const rev: number[][] = Array.from({ length: graph.nodeCount }, () => []);
    for (let u = 0; u < graph.nodeCount; u++) {
      const list: number[] = [];
      for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
        list.push(graph.targets[e]!);
        rev[graph.targets[e]!]!.push(u);
      }
      fwd.push(list);
    }
    expect(reachable(fwd, 0)).toBe(graph.nodeCount);
    expect(reachable(rev, 0)).toBe(graph.nodeCount);
  });

  it('has the expressway meet other roads only at its 2–3 interchanges (one near the urban core)', () => {
    const exp = roads.features.find((f) => f.properties.id === EXPRESSWAY_ID)!;
    expect(exp.properties.class).toBe('expressway');
    expect(exp.properties.speedKph).toBe(100);
    const expKeys = new Set(exp.geometry.coordinates.map(key));
    const shared = new Set<string>();
    for (const f of roads.features) {
      if (f === exp) continue;
      for (const c of f.geometry.coordinates) if (expKeys.has(key(c))) shared.add(key(c));
    }
    expect(shared.size).toBeGreaterThanOrEqual(2);
    expect(shared.size).toBeLessThanOrEqual(3);
    expect([...shared].sort()).toEqual(built.interchanges.map(key).sort());
    // every shared vertex is the start of an interchange link
    const linkStarts = new Set(
      roads.features
        .filter((f) => f.properties.id.startsWith('interchange-'))
        .map((f) => key(f.geometry.coordinates[0]!)),
    );
    for (const s of shared) expect(linkStarts.has(s)).toBe(true);
    expect(built.interchanges.some(([lon]) => lon >= 121.0 && lon <= 121.05)).toBe(true);
    // it runs W→E through the basin, north of the river (~29.10–29.14)
    const c = exp.geometry.coordinates;
    expect(c[0]![0]).toBeLessThan(120.8);
    expect(c[c.length - 1]![0]).toBeGreaterThan(121.2);
    for (const [, lat] of c) expect(lat).toBeGreaterThan(29.14);
  });

  it('has no two non-expressway roads crossing without a shared vertex (turf lineIntersect)', () => {
    const lines = roads.features
      .filter((f) => f.properties.class !== 'expressway')
      .map((f) => ({
        f,
        line: lineString(f.geometry.coordinates),
        box: bbox(lineString(f.geometry.coordinates)),
      }));
    const bad: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const a = lines[i]!;
      const aKeys = new Set(a.f.geometry.coordinates.map(key));
      for (let j = i + 1; j < lines.length; j++) {
        const b = lines[j]!;
        if (a.box[2] < b.box[0] || b.box[2] < a.box[0] || a.box[3] < b.box[1] || b.box[3] < a.box[1])
          continue;
        const common = b.f.geometry.coordinates.filter((c) => aKeys.has(key(c)));
        for (const hit of lineIntersect(a.line, b.line).features) {
          const p = hit.geometry.coordinates;
          const atShared = common.some((c) => Math.abs(c[0] - p[0]!) < 1e-7 && Math.abs(c[1] - p[1]!) < 1e-7);
          if (!atShared) bad.push(`${a.f.properties.id} × ${b.f.properties.id} at ${p.join(',')}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps every road inside the county outline', () => {
    const outside = roads.features.flatMap((f) =>
      f.geometry.coordinates.filter((c) => !pointInRings(c, inputs.county)).map(() => f.properties.id),
    );
    expect(outside).toEqual([]);
  });

  it('lays the main valley corridor and the branches between the township seats', () => {
    const seatKeys = new Set(inputs.townships.map((t) => key(t.seat)));
    const arterialVertices = new Set(
      roads.features
        .filter((f) => f.properties.class === 'arterial')
        .flatMap((f) => f.geometry.coordinates.map(key)),
    );
    // every seat except 赤城 (in the urban grid) is on an arterial
    for (const t of inputs.townships) {
      if (t.code === '331023001') continue;
      expect(arterialVertices.has(key(t.seat)), t.name).toBe(true);
    }
    expect(seatKeys.size).toBe(15);
    const mountain = roads.features.filter(
      (f) => f.properties.class === 'arterial' && f.properties.speedKph === 40,
    );
    expect(mountain.length).toBeGreaterThanOrEqual(1);
  });

  it('has a denser urban core with a one-way couplet', () => {
    const c = CORE.center;
    const inCore = (p: readonly number[]) => kmBetween(p, c) < 2.5;
    const coreRoads = roads.features.filter(
      (f) => f.properties.class !== 'local' && f.geometry.coordinates.some(inCore),
    );
    expect(coreRoads.length).toBeGreaterThan(15);
    const oneway = roads.features.filter((f) => f.properties.oneway);
    expect(oneway.every((f) => f.geometry.coordinates.every((p) => kmBetween(p, c) < 3.5))).toBe(true);
  });
});

describe('signals.geojson', () => {
  it('puts every signal on a road vertex where ≥ 3 segments meet, never on the expressway', () => {
    const g = vertexGraph(roads);
    const exp = new Set(
      roads.features
        .filter((f) => f.properties.class === 'expressway')
        .flatMap((f) => f.geometry.coordinates.map(key)),
    );
    for (const s of signals.features) {
      const v = g.index.get(key(s.geometry.coordinates));
      expect(v, s.properties.id).toBeDefined();
      expect(g.nb[v!]!.size).toBeGreaterThanOrEqual(3);
      expect(exp.has(key(s.geometry.coordinates))).toBe(false);
    }
  });

  it('has neutral names, valid township codes, unique ids, and the expected counts', () => {
    const ids = signals.features.map((s) => s.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    const codes = new Set(inputs.townships.map((t) => t.code));
    for (const s of signals.features) {
      expect(s.properties.name).toMatch(/^(城区|.+(街道|镇|乡))信号灯 \d+$/);
      expect(codes.has(s.properties.townshipCode)).toBe(true);
      expect(s.properties.accuracy).toBe('approximate');
    }
    const core = signals.features.filter((s) => s.properties.id.startsWith('signal-core-'));
    expect(core.length).toBeGreaterThanOrEqual(30);
    expect(core.length).toBeLessThanOrEqual(60);
    for (const s of core) {
      const [lon, lat] = s.geometry.coordinates;
      expect(lon).toBeGreaterThan(120.99);
      expect(lon).toBeLessThan(121.07);
      expect(lat).toBeGreaterThan(29.115);
      expect(lat).toBeLessThan(29.175);
    }
    for (const t of inputs.townships) {
      if (t.code === '331023001') continue;
      const mine = signals.features.filter((s) => s.properties.id.startsWith(`signal-${t.code}-`));
      expect(mine.length, t.name).toBeGreaterThanOrEqual(1);
      expect(mine.length, t.name).toBeLessThanOrEqual(4);
      for (const s of mine) expect(kmBetween(s.geometry.coordinates, t.seat)).toBeLessThan(1.5);
    }
  });
});

describe('facilities.geojson', () => {
  const byId = (id: string) => facilities.features.find((f) => f.properties.id === id)!;

  it('puts every facility on a road vertex', () => {
    const vertices = new Set(roads.features.flatMap((f) => f.geometry.coordinates.map(key)));
    for (const f of facilities.features)
      expect(vertices.has(key(f.geometry.coordinates)), f.properties.id).toBe(true);
  });

  it('has the county hospitals with the specified capabilities', () => {
    const h1 = byId('H01');
    expect(h1.properties).toMatchObject({ kind: 'hospital', name: '天台县人民医院' });
    expect(h1.properties.capabilities).toMatchObject({ trauma_center: true, ct: true, cath_lab: true });
    expect(kmBetween(h1.geometry.coordinates, [121.028, 29.143])).toBeLessThan(0.3);
    const h2 = byId('H02');
    expect(h2.properties).toMatchObject({ kind: 'hospital', name: '天台县中医院' });
    expect(h2.properties.capabilities).toMatchObject({ trauma_center: false, ct: true });
    expect(kmBetween(h2.geometry.coordinates, [121.018, 29.137])).toBeLessThan(0.3);
    const trauma = facilities.features.filter((f) => f.properties.capabilities.trauma_center);
    expect(trauma.map((f) => f.properties.id)).toEqual(['H01']);
  });

  it('has a 卫生院 at every 镇/乡 seat and at most one community centre among the 街道', () => {
    const centres = facilities.features.filter((f) => f.properties.kind === 'health_center');
    for (const t of inputs.townships) {
      const mine = centres.filter((f) => f.properties.townshipCode === t.code);
      if (t.kind === 'subdistrict') {
        expect(mine.length).toBeLessThanOrEqual(1);
        continue;
      }
      expect(mine, t.name).toHaveLength(1);
      expect(mine[0]!.properties.name).toMatch(new RegExp(`^${t.name}(中心)?卫生院$`));
      expect(kmBetween(mine[0]!.geometry.coordinates, t.seat)).toBeLessThan(0.5);
      expect(mine[0]!.properties.capabilities.trauma_center).toBe(false);
      expect(mine[0]!.properties.capabilities.cath_lab).toBe(false);
    }
    expect(centres.filter((f) => f.properties.capabilities.ct).length).toBeLessThanOrEqual(2);
    expect(centres.filter((f) => f.properties.name.includes('街道')).length).toBeLessThanOrEqual(1);
  });

  it('has ambulance stations at both county hospitals and at 4–6 health centres', () => {
    const stations = facilities.features.filter((f) => f.properties.kind === 'ambulance_station');
    const hosts = facilities.features.filter((f) => f.properties.kind !== 'ambulance_station');
    const hostAt = (s: (typeof stations)[number]) =>
      hosts.find((h) => key(h.geometry.coordinates) === key(s.geometry.coordinates));
    expect(stations.map((s) => s.properties.id)).toEqual([
      'S01',
      'S02',
      'S03',
      'S04',
      'S05',
      'S06',
      'S07',
      'S08',
    ]);
    expect(hostAt(stations[0]!)?.properties.id).toBe('H01');
    expect(hostAt(stations[1]!)?.properties.id).toBe('H02');
    const atCentres = stations.filter((s) => hostAt(s)?.properties.kind === 'health_center');
    expect(atCentres.length).toBeGreaterThanOrEqual(4);
    expect(atCentres.length).toBeLessThanOrEqual(6);
    for (const s of stations) expect(s.properties.name).toMatch(/急救站$/);
  });

  it('has unique ids, valid codes and the nearest village position', () => {
    const ids = facilities.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    const villages = new Map(inputs.villages.map((v) => [v.code, v]));
    for (const f of facilities.features) {
      const p = f.properties;
      expect(p.accuracy).toBe('approximate');
      expect(inputs.townships.some((t) => t.code === p.townshipCode)).toBe(true);
      const v = villages.get(p.villageCode)!;
      expect(v).toBeDefined();
      const d = kmBetween(v.pos, f.geometry.coordinates);
      for (const w of inputs.villages)
        expect(kmBetween(w.pos, f.geometry.coordinates)).toBeGreaterThanOrEqual(d - 1e-9);
      for (const k of ['trauma_center', 'ct', 'cath_lab', 'burn_unit', 'pediatrics'] as const) {
        expect(typeof p.capabilities[k]).toBe('boolean');
      }
    }
  });
});
