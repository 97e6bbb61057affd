import { EARTH_RADIUS_M, haversineM, type RoadGraph } from './graph';

const RAD = Math.PI / 180;
const M_PER_DEG = EARTH_RADIUS_M * RAD;

/**
 * Uniform grid over the bounding boxes of the graph's segments (each two-way segment is
 * indexed once, through its digitised-direction edge). Cells hold edge ids in CSR form.
 */
export interface EdgeIndex {
  readonly minLon: number;
  readonly minLat: number;
  readonly cellW: number;
  readonly cellH: number;
  readonly cols: number;
  readonly rows: number;
  /** Length `cols * rows + 1`; cell `(cx, cy)` is `cy * cols + cx`. */
  readonly cellOffsets: Uint32Array;
  readonly cellEdges: Uint32Array;
  /** Per-edge query stamp to visit each edge once per query. */
  readonly stamp: Uint32Array;
  gen: number;
}

export interface SnapResult {
  /** Directed edge the point was projected on (a two-way segment is reported by its digitised-direction edge). */
  edge: number;
  /** Position along `edge` from its source (0) to its target (1). */
  t: number;
  /** Projected point. */
  lon: number;
  lat: number;
  /** Haversine distance from the query point to the projected point, metres. */
  distanceM: number;
}

export interface SnapOptions {
  /** Road ids to ignore (a point is never snapped onto a closed road). */
  closedRoads?: ReadonlySet<string>;
  /** Return null when the nearest road is farther than this (metres). */
  maxDistanceM?: number;
}

const indexCache = new WeakMap<RoadGraph, EdgeIndex>();

function clampInt(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/** Build (or return the cached) grid index of the graph's edges. */
export function buildEdgeIndex(graph: RoadGraph): EdgeIndex {
  const cached = indexCache.get(graph);
  if (cached) return cached;
  const { nodeLon, nodeLat, sources, targets, edgeForward, edgeCount } = graph;
  let minLon = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  let segments = 0;
  for (let e = 0; e < edgeCount; e++) {
    if (!edgeForward[e]) continue;
    segments++;
    for (const node of [sources[e]!, targets[e]!]) {
      const x = nodeLon[node]!;
      const y = nodeLat[node]!;
      if (x < minLon) minLon = x;
      if (x > maxLon) maxLon = x;
      if (y < minLat) minLat = y;
      if (y > maxLat) maxLat = y;
    }
  }
  if (segments === 0) {
    minLon = 0;
    minLat = 0;
    maxLon = 0;
    maxLat = 0;
  }
  // About one segment per cell, cells roughly square in metres.
  const kx = Math.cos(((minLat + maxLat) / 2) * RAD);
  const wM = Math.max((maxLon - minLon) * kx, 1e-9);
  const hM = Math.max(maxLat - minLat, 1e-9);
  const target = Math.max(1, segments);
  const cols = clampInt(Math.ceil(Math.sqrt((target * wM) / hM)), 1, 2048);
  const rows = clampInt(Math.ceil(target / cols), 1, 2048);
  const cellW = Math.max(maxLon - minLon, 1e-9) / cols;
  const cellH = Math.max(maxLat - minLat, 1e-9) / rows;

  const cellOf = (v: number, min: number, size: number, count: number): number =>
    clampInt(Math.floor((v - min) / size), 0, count - 1);

  const cellOffsets = new Uint32Array(cols * rows + 1);
  const forEachCell = (e: number, fn: (cell: number) => void): void => {
    const a = sources[e]!;
    const b = targets[e]!;
    const x0 = cellOf(Math.min(nodeLon[a]!, nodeLon[b]!), minLon, cellW, cols);
    const x1 = cellOf(Math.max(nodeLon[a]!, nodeLon[b]!), minLon, cellW, cols);
    const y0 = cellOf(Math.min(nodeLat[a]!, nodeLat[b]!), minLat, cellH, rows);
    const y1 = cellOf(Math.max(nodeLat[a]!, nodeLat[b]!), minLat, cellH, rows);
    for (let cy = y0; cy <= y1; cy++) for (let cx = x0; cx <= x1; cx++) fn(cy * cols + cx);
  };
  for (let e = 0; e < edgeCount; e++) {
    if (edgeForward[e]) forEachCell(e, (cell) => cellOffsets[cell + 1]!++);
  }
  for (let i = 0; i < cols * rows; i++) cellOffsets[i + 1]! += cellOffsets[i]!;
  const cellEdges = new Uint32Array(cellOffsets[cols * rows]!);
  const cursor = cellOffsets.slice(0, cols * rows);
  for (let e = 0; e < edgeCount; e++) {
    if (edgeForward[e]) forEachCell(e, (cell) => (cellEdges[cursor[cell]!++] = e));
  }
  const index: EdgeIndex = {
    minLon,
    minLat,
    cellW,
    cellH,
    cols,
    rows,
    cellOffsets,
    cellEdges,
    stamp: new Uint32Array(edgeCount),
    gen: 0,
  };
  indexCache.set(graph, index);
  return index;
}

/**
 * Snap a point to the nearest edge (point-to-segment distance in a local equirectangular
 * projection centred on the query point), searching grid cells in growing rings until no
 * unvisited cell can hold anything nearer. Returns null for an empty graph, a non-finite
 * point, or when nothing lies within `maxDistanceM`.
 */
export function snapToGraph(
  graph: RoadGraph,
  lon: number,
  lat: number,
  opts?: SnapOptions,
): SnapResult | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || graph.edgeCount === 0) return null;
  const index = buildEdgeIndex(graph);
  const { minLon, minLat, cellW, cellH, cols, rows, cellOffsets, cellEdges, stamp } = index;
  const { nodeLon, nodeLat, sources, targets, edgeRoad, roads } = graph;
  const closed = opts?.closedRoads && opts.closedRoads.size > 0 ? opts.closedRoads : undefined;
  const maxD = opts?.maxDistanceM ?? Number.POSITIVE_INFINITY;

  if (index.gen >= 0xfffffffe) {
    stamp.fill(0);
    index.gen = 0;
  }
  const gen = ++index.gen;
  const kx = Math.cos(lat * RAD) * M_PER_DEG;
  const ky = M_PER_DEG;
  const cx = clampInt(Math.floor((lon - minLon) / cellW), 0, cols - 1);
  const cy = clampInt(Math.floor((lat - minLat) / cellH), 0, rows - 1);

  let bestD2 = Number.POSITIVE_INFINITY;
  let bestE = -1;
  let bestT = 0;

  const visitCell = (x: number, y: number): void => {
    if (x < 0 || y < 0 || x >= cols || y >= rows) return;
    const cell = y * cols + x;
    const end = cellOffsets[cell + 1]!;
    for (let k = cellOffsets[cell]!; k < end; k++) {
      const e = cellEdges[k]!;
      if (stamp[e] === gen) continue;
      stamp[e] = gen;
      if (closed?.has(roads[edgeRoad[e]!]!.id)) continue;
      const a = sources[e]!;
      const b = targets[e]!;
      const ax = (nodeLon[a]! - lon) * kx;
      const ay = (nodeLat[a]! - lat) * ky;
      const dx = (nodeLon[b]! - lon) * kx - ax;
      const dy = (nodeLat[b]! - lat) * ky - ay;
      const len2 = dx * dx + dy * dy;
      let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
      if (!(t > 0))
        t = 0; // also maps -0 and NaN to 0
      else if (t > 1) t = 1;
      const px = ax + t * dx;
      const py = ay + t * dy;
      const d2 = px * px + py * py;
      if (d2 < bestD2) {
        bestD2 = d2;
        bestE = e;
        bestT = t;
      }
    }
  };

  for (let r = 0; ; r++) {
    if (r === 0) visitCell(cx, cy);
    else {
      for (let x = cx - r; x <= cx + r; x++) {
        visitCell(x, cy - r);
        visitCell(x, cy + r);
      }
      for (let y = cy - r + 1; y <= cy + r - 1; y++) {
        visitCell(cx - r, y);
        visitCell(cx + r, y);
      }
    }
    if (cx - r <= 0 && cy - r <= 0 && cx + r >= cols - 1 && cy + r >= rows - 1) break;
    // Anything not yet visited lies entirely outside the block of cells searched so far.
    const left = minLon + (cx - r) * cellW;
    const right = minLon + (cx + r + 1) * cellW;
    const bottom = minLat + (cy - r) * cellH;
    const top = minLat + (cy + r + 1) * cellH;
    const bound = Math.min((lon - left) * kx, (right - lon) * kx, (lat - bottom) * ky, (top - lat) * ky);
    if (bound > 0 && (bound * bound >= bestD2 || bound > maxD)) break;
  }

  if (bestE < 0) return null;
  const a = sources[bestE]!;
  const b = targets[bestE]!;
  const aLon = nodeLon[a]!;
  const aLat = nodeLat[a]!;
  const sLon = bestT === 1 ? nodeLon[b]! : aLon + bestT * (nodeLon[b]! - aLon);
  const sLat = bestT === 1 ? nodeLat[b]! : aLat + bestT * (nodeLat[b]! - aLat);
  const distanceM = haversineM(lon, lat, sLon, sLat);
  if (distanceM > maxD) return null;
  return { edge: bestE, t: bestT, lon: sLon, lat: sLat, distanceM };
}

/** How near a point must be to a road to count as ON it (a crash on the carriageway, a GPS fix). */
export const ON_ROAD_M = 30;

export interface RouteSnapOptions {
  /** A point within this distance of a road is on it and snaps to it, whatever its class. Default 30 m. */
  onRoadM?: number;
  /** Roads an off-road point (a village, a home, a parking lot) never snaps onto, e.g. the expressway. */
  offRoadClosed?: ReadonlySet<string>;
  /** Farthest an off-road point is snapped, metres. Default unlimited. */
  maxDistanceM?: number;
  /** Roads nothing snaps onto (closures). */
  closedRoads?: ReadonlySet<string>;
}

/**
 * Where a point joins the network for routing. A point on a road, or within `onRoadM` (about 30 m) of it,
 * snaps to the nearest road whatever its class — an incident on the expressway is reached along the
 * expressway, entering and leaving it where the network lets vehicles on and off (its interchanges). A
 * point farther from every road snaps to the nearest road not in `offRoadClosed` within `maxDistanceM`,
 * so a village or a home never lands on the expressway. Null when nothing is in reach.
 */
export function snapForRouting(
  graph: RoadGraph,
  lon: number,
  lat: number,
  opts: RouteSnapOptions = {},
): SnapResult | null {
  const onRoad = snapToGraph(graph, lon, lat, {
    ...(opts.closedRoads ? { closedRoads: opts.closedRoads } : {}),
    maxDistanceM: opts.onRoadM ?? ON_ROAD_M,
  });
  if (onRoad) return onRoad;
  const closed = new Set([...(opts.closedRoads ?? []), ...(opts.offRoadClosed ?? [])]);
  return snapToGraph(graph, lon, lat, {
    closedRoads: closed,
    ...(opts.maxDistanceM !== undefined ? { maxDistanceM: opts.maxDistanceM } : {}),
  });
}

const expresswayMemo = new WeakMap<RoadGraph, ReadonlySet<string>>();
/** Ids of the graph's expressway roads (memoised per graph). */
export function expresswayRoadIds(graph: RoadGraph): ReadonlySet<string> {
  let ids = expresswayMemo.get(graph);
  if (!ids) {
    ids = new Set(graph.roads.filter((r) => r.class === 'expressway').map((r) => r.id));
    expresswayMemo.set(graph, ids);
  }
  return ids;
}
