/**
 * The road builder (pure, no I/O): trunk network (synthetic, or an OSM import) → proper
 * intersections → interchange links → local roads to every village position → roads to the
 * facilities → signalised intersections → validated, normalised FeatureCollections.
 */
import { KM_PER_DEG_LAT, KM_PER_DEG_LON } from '../planar';
import { seededRandom } from '../prng';
import type { Pos } from '../types';
import { addSpur, addSpursGrowing } from './attach';
import { facilityPlan } from './facilities';
import { dedupe, fromMicro, keyOf, lineInside, lineKm, toMicro } from './geom';
import { buildVertexGraph, stronglyConnected } from './graph';
import { mergeCloseVertices, nodeRoads } from './noding';
import { roadsFromOsm } from './osm';
import { chooseSignals, townshipOf } from './signals';
import { addExpressway, buildSyntheticTrunk, CORE, SPEED } from './synthetic';
import type { DraftRoad, FacilityFC, RoadClass, RoadFC, RoadFeature, RoadInputs, SignalFC } from './types';
import { ROAD_CLASSES } from './types';

export type RoadSource = { kind: 'synthetic' } | { kind: 'osm'; collection: unknown };

export interface RoadBuildOptions {
  source: RoadSource;
  /** Lay a local road to every village position (default: true for synthetic, false for OSM). */
  connectVillages?: boolean;
  /** OSM only: drop roads outside the largest strongly connected component (default true). */
  keepLargestComponent?: boolean;
}

export interface RoadStats {
  roads: number;
  vertices: number;
  segments: number;
  kmByClass: Record<RoadClass, number>;
  roadsByClass: Record<RoadClass, number>;
  onewayRoads: number;
  signals: number;
  facilities: number;
  interchanges: number;
  villageRoads: number;
  crossingsNoded: number;
  verticesMerged: number;
}

export interface RoadBuildResult {
  roads: RoadFC;
  signals: SignalFC;
  facilities: FacilityFC;
  /** Interchange vertices of the expressway, degrees (synthetic source only). */
  interchanges: Pos[];
  stats: RoadStats;
  notes: string[];
}

/** Junction vertices closer than this (km) are merged into one. */
const MERGE_KM = 0.006;

const isExpressway = (r: DraftRoad) => r.class === 'expressway';
const notExpressway = (r: DraftRoad) => r.class !== 'expressway';
/** Where new local roads may attach: not the expressway and not its interchange links. */
const attachable = (r: DraftRoad) => r.class !== 'expressway' && !r.id.startsWith('interchange-');

/** Drop dangling tails of one-way roads (vertices used by no other road) — they would be traps. */
function trimOnewayTails(roads: DraftRoad[]): void {
  const uses = new Map<string, number>();
  for (const r of roads) for (const p of new Set(r.pts.map(keyOf))) uses.set(p, (uses.get(p) ?? 0) + 1);
  for (const r of roads) {
    if (!r.oneway) continue;
    while (r.pts.length > 2 && (uses.get(keyOf(r.pts[0]!)) ?? 0) < 2) r.pts.shift();
    while (r.pts.length > 2 && (uses.get(keyOf(r.pts[r.pts.length - 1]!)) ?? 0) < 2) r.pts.pop();
  }
}

/** Keep only roads whose end vertices lie in the largest strongly connected component. */
function keepLargestComponent(roads: DraftRoad[]): { kept: DraftRoad[]; dropped: number } {
  const g = buildVertexGraph(roads);
  const { comp, sizes } = stronglyConnected(g.out);
  let big = 0;
  sizes.forEach((s, i) => {
    if (s > sizes[big]!) big = i;
  });
  const inBig = (p: Pos) => comp[g.index.get(keyOf(p))!] === big;
  const kept = roads.filter((r) => inBig(r.pts[0]!) && inBig(r.pts[r.pts.length - 1]!));
  return { kept, dropped: roads.length - kept.length };
}

function compareIds(a: { properties: { id: string } }, b: { properties: { id: string } }): number {
  return a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0;
}

export function buildRoadNetwork(inputs: RoadInputs, options: RoadBuildOptions): RoadBuildResult {
  const notes: string[] = [];
  const synthetic = options.source.kind === 'synthetic';
  let roads: DraftRoad[];
  let interchanges: Pos[] = [];
  let givenSignals: Pos[] | undefined;
  let crossingsNoded = 0;

  if (options.source.kind === 'synthetic') {
    const trunk = buildSyntheticTrunk(inputs);
    notes.push(...trunk.notes);
    roads = trunk.roads;
    crossingsNoded += nodeRoads(roads, () => true);
    trimOnewayTails(roads);
    interchanges = addExpressway(roads, inputs.county).map((ic) => ic.at);
    crossingsNoded += nodeRoads(roads, notExpressway);
  } else {
    const imported = roadsFromOsm(options.source.collection);
    notes.push(...imported.notes);
    roads = imported.roads;
    if (options.keepLargestComponent ?? true) {
      const { kept, dropped } = keepLargestComponent(roads);
      if (dropped > 0)
        notes.push(
          `OSM import: dropped ${dropped} road pieces outside the largest strongly connected component`,
        );
      roads = kept;
    }
    if (imported.trafficSignals.length > 0) givenSignals = imported.trafficSignals;
  }

  // local roads to every village position (nearest-first growth)
  let villageRoads = 0;
  if (options.connectVillages ?? synthetic) {
    villageRoads = addSpursGrowing(
      roads,
      inputs.villages.map((v) => ({
        id: `village-${v.code}`,
        class: 'local',
        speedKph: SPEED.local,
        to: toMicro(v.pos),
      })),
      {
        include: attachable,
        county: inputs.county,
        ...(synthetic ? { rngFor: (id: string) => seededRandom(`roads:${id}`) } : {}),
      },
    );
  }

  // roads to the facilities (stations share their host hospital's vertex)
  const plan = facilityPlan(inputs);
  const facilityVertices = new Set<string>();
  for (const f of plan) {
    const at = toMicro(f.at);
    if (facilityVertices.has(keyOf(at))) continue;
    facilityVertices.add(keyOf(at));
    addSpur(
      roads,
      { id: `facility-${f.id}`, class: 'local', speedKph: SPEED.local, to: at },
      { include: attachable },
    );
  }

  // bent local roads may cross others: make every crossing a proper intersection (synthetic only:
  // in a real network crossings without a shared node are bridges)
  let merged = 0;
  if (synthetic) {
    crossingsNoded += nodeRoads(roads, notExpressway);
    // crossings a few metres apart (several roads meeting near one point) become one junction
    const pinned = new Set([...inputs.villages.map((v) => keyOf(toMicro(v.pos))), ...facilityVertices]);
    const frozen = new Set(interchanges.map(keyOf));
    for (let round = 0; round < 6; round++) {
      const moved = mergeCloseVertices(roads, notExpressway, MERGE_KM, pinned, frozen);
      merged += moved;
      const noded = nodeRoads(roads, notExpressway);
      crossingsNoded += noded;
      if (moved === 0 && noded === 0) break;
    }
    if (mergeCloseVertices(roads, notExpressway, MERGE_KM, pinned, frozen) > 0)
      notes.push('vertex merging did not settle');
  }
  for (const r of roads) r.pts = dedupe(r.pts);
  const collapsed = roads.filter((r) => r.pts.length < 2).map((r) => r.id);
  if (collapsed.length > 0) notes.push(`roads collapsed by vertex merging: ${collapsed.join(', ')}`);
  roads = roads.filter((r) => r.pts.length >= 2);

  // validation
  const problems: string[] = [];
  const g = buildVertexGraph(roads);
  const { sizes } = stronglyConnected(g.out);
  if (sizes.length !== 1) {
    (synthetic ? problems : notes).push(
      `network has ${sizes.length} strongly connected components (sizes ${[...sizes]
        .sort((a, b) => b - a)
        .slice(0, 5)
        .join(', ')}…)`,
    );
  }
  const ids = new Set<string>();
  for (const r of roads) {
    if (ids.has(r.id)) problems.push(`duplicate road id ${r.id}`);
    ids.add(r.id);
  }
  if (synthetic) {
    const icKeys = new Set(interchanges.map(keyOf));
    const expresswayKeys = new Set(roads.filter(isExpressway).flatMap((r) => r.pts.map(keyOf)));
    for (const r of roads) {
      if (isExpressway(r)) continue;
      for (const p of r.pts) {
        if (expresswayKeys.has(keyOf(p)) && !icKeys.has(keyOf(p))) {
          problems.push(`${r.id} shares a vertex with the expressway outside an interchange`);
        }
      }
      if (!lineInside(r.pts, inputs.county, 0.2)) notes.push(`${r.id} leaves the county outline`);
    }
  }
  if (problems.length > 0) throw new Error(`road network invalid:\n  ${problems.join('\n  ')}`);

  // signals
  const signalPicks = chooseSignals(roads, inputs, {
    core: CORE,
    coreCount: 45,
    minSpacingKm: 0.22,
    seatRadiusKm: 1.2,
    perSeat: (t) =>
      t.code === '331023001'
        ? 0 // 赤城街道: its seat lies in the urban core
        : t.kind === 'subdistrict'
          ? 4
          : t.kind === 'town'
            ? ['331023105', '331023101', '331023104', '331023106'].includes(t.code)
              ? 3
              : 2
            : 1,
    ...(givenSignals ? { given: givenSignals } : {}),
  });

  // features
  const roadFeatures: RoadFeature[] = roads.map((r) => ({
    type: 'Feature',
    properties: {
      id: r.id,
      ...(r.name !== undefined ? { name: r.name } : {}),
      class: r.class,
      speedKph: r.speedKph,
      oneway: r.oneway,
      accuracy:
        synthetic || r.id.startsWith('village-') || r.id.startsWith('facility-') ? 'approximate' : 'source',
    },
    geometry: { type: 'LineString', coordinates: r.pts.map(fromMicro) },
  }));
  roadFeatures.sort(compareIds);

  const signals: SignalFC = {
    type: 'FeatureCollection',
    features: signalPicks
      .map((s) => ({
        type: 'Feature' as const,
        properties: {
          id: s.id,
          name: s.name,
          townshipCode: s.townshipCode,
          accuracy: 'approximate' as const,
        },
        geometry: { type: 'Point' as const, coordinates: fromMicro(s.at) },
      }))
      .sort(compareIds),
  };

  const nearestVillage = (p: Pos): string => {
    let best = inputs.villages[0]!;
    let bestD = Number.POSITIVE_INFINITY;
    for (const v of inputs.villages) {
      const d = Math.hypot((v.pos[0] - p[0]) * KM_PER_DEG_LON, (v.pos[1] - p[1]) * KM_PER_DEG_LAT);
      if (d < bestD) {
        bestD = d;
        best = v;
      }
    }
    return best.code;
  };
  const facilities: FacilityFC = {
    type: 'FeatureCollection',
    features: plan
      .map((f) => ({
        type: 'Feature' as const,
        properties: {
          id: f.id,
          kind: f.kind,
          name: f.name,
          townshipCode: townshipOf(toMicro(f.at), inputs),
          villageCode: nearestVillage(f.at),
          capabilities: f.capabilities,
          accuracy: 'approximate' as const,
        },
        geometry: { type: 'Point' as const, coordinates: fromMicro(toMicro(f.at)) },
      }))
      .sort(compareIds),
  };

  const kmByClass = { expressway: 0, arterial: 0, collector: 0, local: 0 } satisfies Record<
    RoadClass,
    number
  >;
  const roadsByClass = { expressway: 0, arterial: 0, collector: 0, local: 0 } satisfies Record<
    RoadClass,
    number
  >;
  let segments = 0;
  for (const r of roads) {
    kmByClass[r.class] += lineKm(r.pts);
    roadsByClass[r.class]++;
    segments += r.pts.length - 1;
  }
  for (const c of ROAD_CLASSES) kmByClass[c] = Math.round(kmByClass[c] * 10) / 10;

  return {
    roads: { type: 'FeatureCollection', features: roadFeatures },
    signals,
    facilities,
    interchanges: interchanges.map(fromMicro),
    stats: {
      roads: roads.length,
      vertices: g.positions.length,
      segments,
      kmByClass,
      roadsByClass,
      onewayRoads: roads.filter((r) => r.oneway).length,
      signals: signals.features.length,
      facilities: facilities.features.length,
      interchanges: interchanges.length,
      villageRoads,
      crossingsNoded,
      verticesMerged: merged,
    },
    notes,
  };
}
