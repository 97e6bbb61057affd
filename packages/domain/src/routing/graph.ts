import type { RoadClass, RoadCollection } from './types';
import { ROAD_CLASSES } from './types';

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

/** Great-circle (haversine) distance in metres between two WGS84 points. */
export function haversineM(aLon: number, aLat: number, bLon: number, bLat: number): number {
  const s1 = Math.sin(((bLat - aLat) * RAD) / 2);
  const s2 = Math.sin(((bLon - aLon) * RAD) / 2);
  const h = s1 * s1 + Math.cos(aLat * RAD) * Math.cos(bLat * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** One row of the road table (one per valid input feature). */
export interface RoadInfo {
  readonly id: string;
  readonly name: string | undefined;
  readonly class: RoadClass;
  readonly speedKph: number;
  readonly oneway: boolean;
  /** Index of the source feature in the input collection. */
  readonly featureIndex: number;
}

/**
 * Directed road graph in CSR (compressed sparse row) form.
 * Outgoing edges of node `u` are `offsets[u] .. offsets[u + 1] - 1`.
 */
export interface RoadGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly nodeLon: Float64Array;
  readonly nodeLat: Float64Array;
  /** Unit vectors (x, y, z interleaved) of the nodes on the sphere — used by the A* heuristic. */
  readonly nodeXYZ: Float64Array;
  /** Length `nodeCount + 1`. */
  readonly offsets: Uint32Array;
  /** Head node of each edge. */
  readonly targets: Uint32Array;
  /** Tail node of each edge. */
  readonly sources: Uint32Array;
  /** The opposite directed edge of a two-way segment, or -1 (oneway). */
  readonly reverseEdge: Int32Array;
  /** 1 when the edge runs in the digitised direction of its road, 0 for the reverse twin. */
  readonly edgeForward: Uint8Array;
  /** Haversine length in metres. */
  readonly lengthM: Float64Array;
  /** Free-flow travel time in seconds = lengthM / (speedKph / 3.6). */
  readonly freeFlowS: Float64Array;
  /** Index into `roads`. */
  readonly edgeRoad: Uint32Array;
  readonly roads: readonly RoadInfo[];
  /** Highest free-flow speed of any road (m/s), for the admissible A* heuristic. */
  readonly maxSpeedMps: number;
  /** Number of input features skipped as invalid. */
  readonly skipped: number;
}

function validCoord(c: unknown): c is readonly number[] {
  if (!Array.isArray(c) || c.length < 2) return false;
  const lon: unknown = c[0];
  const lat: unknown = c[1];
  return (
    typeof lon === 'number' &&
    typeof lat === 'number' &&
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    lon >= -180 &&
    lon <= 180 &&
    lat >= -90 &&
    lat <= 90
  );
}

/**
 * Build the CSR road graph. Nodes are the unique vertices (exact coordinate equality);
 * every consecutive vertex pair of a line is a segment giving one directed edge
 * (oneway) or two (two-way). Zero-length segments (repeated vertices) are dropped.
 * Invalid features (not a LineString, < 2 vertices, non-finite / out-of-range coordinates,
 * missing id, unknown class, speed ≤ 0 or non-finite) are skipped and counted in `skipped`.
 */
export function buildRoadGraph(roads: RoadCollection): RoadGraph {
  const keyToNode = new Map<string, number>();
  const lon: number[] = [];
  const lat: number[] = [];
  const roadTable: RoadInfo[] = [];
  const segU: number[] = [];
  const segV: number[] = [];
  const segRoad: number[] = [];
  const segTwoWay: boolean[] = [];
  let skipped = 0;
  let maxSpeedKph = 0;

  const features = Array.isArray(roads?.features) ? roads.features : [];
  for (let fi = 0; fi < features.length; fi++) {
    const f = features[fi];
    const p = f?.properties;
    const g = f?.geometry;
    const coords = g?.coordinates;
    if (
      !p ||
      !g ||
      g.type !== 'LineString' ||
      !Array.isArray(coords) ||
      coords.length < 2 ||
      typeof p.id !== 'string' ||
      !ROAD_CLASSES.includes(p.class) ||
      typeof p.speedKph !== 'number' ||
      !Number.isFinite(p.speedKph) ||
      p.speedKph <= 0 ||
      !coords.every(validCoord)
    ) {
      skipped++;
      continue;
    }
    const roadIndex = roadTable.length;
    const oneway = p.oneway === true;
    roadTable.push({
      id: p.id,
      name: typeof p.name === 'string' ? p.name : undefined,
      class: p.class,
      speedKph: p.speedKph,
      oneway,
      featureIndex: fi,
    });
    if (p.speedKph > maxSpeedKph) maxSpeedKph = p.speedKph;
    let prev = -1;
    for (const c of coords) {
      const x = c[0]!;
      const y = c[1]!;
      const key = `${x},${y}`;
      let node = keyToNode.get(key);
      if (node === undefined) {
        node = lon.length;
        keyToNode.set(key, node);
        lon.push(x);
        lat.push(y);
      }
      if (prev >= 0 && prev !== node) {
        segU.push(prev);
        segV.push(node);
        segRoad.push(roadIndex);
        segTwoWay.push(!oneway);
      }
      prev = node;
    }
  }

  const n = lon.length;
  const segCount = segU.length;
  const offsets = new Uint32Array(n + 1);
  for (let s = 0; s < segCount; s++) {
    offsets[segU[s]! + 1]!++;
    if (segTwoWay[s]) offsets[segV[s]! + 1]!++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const m = offsets[n]!;

  const cursor = offsets.slice(0, n);
  const targets = new Uint32Array(m);
  const sources = new Uint32Array(m);
  const reverseEdge = new Int32Array(m).fill(-1);
  const edgeForward = new Uint8Array(m);
  const lengthM = new Float64Array(m);
  const freeFlowS = new Float64Array(m);
  const edgeRoad = new Uint32Array(m);

  for (let s = 0; s < segCount; s++) {
    const u = segU[s]!;
    const v = segV[s]!;
    const r = segRoad[s]!;
    const len = haversineM(lon[u]!, lat[u]!, lon[v]!, lat[v]!);
    const time = len / (roadTable[r]!.speedKph / 3.6);
    const ef = cursor[u]!++;
    targets[ef] = v;
    sources[ef] = u;
    edgeForward[ef] = 1;
    lengthM[ef] = len;
    freeFlowS[ef] = time;
    edgeRoad[ef] = r;
    if (segTwoWay[s]) {
      const er = cursor[v]!++;
      targets[er] = u;
      sources[er] = v;
      lengthM[er] = len;
      freeFlowS[er] = time;
      edgeRoad[er] = r;
      reverseEdge[ef] = er;
      reverseEdge[er] = ef;
    }
  }

  const nodeLon = Float64Array.from(lon);
  const nodeLat = Float64Array.from(lat);
  const nodeXYZ = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const phi = nodeLat[i]! * RAD;
    const lam = nodeLon[i]! * RAD;
    const cphi = Math.cos(phi);
    nodeXYZ[3 * i] = cphi * Math.cos(lam);
    nodeXYZ[3 * i + 1] = cphi * Math.sin(lam);
    nodeXYZ[3 * i + 2] = Math.sin(phi);
  }

  return {
    nodeCount: n,
    edgeCount: m,
    nodeLon,
    nodeLat,
    nodeXYZ,
    offsets,
    targets,
    sources,
    reverseEdge,
    edgeForward,
    lengthM,
    freeFlowS,
    edgeRoad,
    roads: roadTable,
    maxSpeedMps: maxSpeedKph / 3.6,
    skipped,
  };
}

const nodeLookup = new WeakMap<RoadGraph, Map<string, number>>();

/** Node index at exactly `(lon, lat)`, or -1. The lookup table is built lazily once per graph. */
export function nodeAt(graph: RoadGraph, lon: number, lat: number): number {
  let map = nodeLookup.get(graph);
  if (!map) {
    map = new Map();
    for (let i = 0; i < graph.nodeCount; i++) map.set(`${graph.nodeLon[i]},${graph.nodeLat[i]}`, i);
    nodeLookup.set(graph, map);
  }
  return map.get(`${lon},${lat}`) ?? -1;
}
