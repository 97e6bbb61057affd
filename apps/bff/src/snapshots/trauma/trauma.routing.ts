import type { TraumaRoute } from '@cockpit/contracts';
import { officialDayKind } from '@cockpit/domain/calendar';
import {
  beijingHour,
  type Coord,
  type CostFactorFn,
  congestionCostFactor,
  type DayKind,
  DEFAULT_BANDS,
  expresswayRoadIds,
  haversineM,
  nodeTimesAtPoints,
  type RoadGraph,
  type RouteResult,
  routeBetweenSnaps,
  type SignalOnPath,
  type SignalPoint,
  type SnapResult,
  signalsAlongPath,
  snapForRouting,
  travelTimesFrom,
} from '@cockpit/domain/routing';
import type { Hierarchy } from '../../geo/hierarchy';
import type { Facility, RoadNetwork } from '../../geo/roads';

/** Farthest an off-road point (a village, a home, a clicked map point) is snapped to a road, metres. */
export const MAX_SNAP_M = 3000;

export const expresswayRoads = expresswayRoadIds;

/**
 * Where a scene, hospital or map point joins the network: a point on a road or within ~30 m of it snaps to
 * that road, the expressway included (an expressway crash is reached along the carriageway, via the
 * interchanges); any other point snaps to the nearest non-expressway road within MAX_SNAP_M, or null.
 */
export function snapOffRoad(graph: RoadGraph, p: Coord): SnapResult | null {
  return snapForRouting(graph, p[0], p[1], {
    offRoadClosed: expresswayRoads(graph),
    maxDistanceM: MAX_SNAP_M,
  });
}

/** Workday, weekend or public holiday in Beijing time: the shared State Council schedule (domain/calendar). */
export function dayKindAt(atMs: number): DayKind {
  return officialDayKind(atMs);
}

/** The time-of-day congestion cost factor at an instant (a model, see domain/routing/congestion.ts). */
export function congestionAt(atMs: number): CostFactorFn {
  return congestionCostFactor(beijingHour(new Date(atMs)), dayKindAt(atMs));
}

const signalPointsCache = new WeakMap<RoadNetwork, SignalPoint[]>();
export function signalPoints(network: RoadNetwork): SignalPoint[] {
  let pts = signalPointsCache.get(network);
  if (!pts) {
    pts = network.signals.map((s): SignalPoint => [s.id, s.lon, s.lat]);
    signalPointsCache.set(network, pts);
  }
  return pts;
}

export type PlannedRoute = RouteResult & { signals: SignalOnPath[]; freeFlowS: number };

/**
 * Shortest-time route between two off-road points, with the signalised intersections on it. `traffic`
 * 'live' applies the congestion model at `atMs`; 'none' gives the free-flow time. Null when a point is
 * farther than MAX_SNAP_M from a road or nothing connects them.
 */
export function planRoute(
  network: RoadNetwork,
  from: Coord,
  to: Coord,
  traffic: 'live' | 'none',
  atMs: number,
): PlannedRoute | null {
  const { graph } = network;
  const a = snapOffRoad(graph, from);
  const b = snapOffRoad(graph, to);
  if (!a || !b) return null;
  const result = routeBetweenSnaps(graph, a, b, traffic === 'live' ? { costFactor: congestionAt(atMs) } : {});
  if (!result) return null;
  const signals = signalsAlongPath(graph, result, signalPoints(network));
  let freeFlowS = 0;
  for (let i = 1; i < result.path.length; i++) {
    const p = result.path[i - 1]!;
    const q = result.path[i]!;
    const speed = graph.roads[graph.edgeRoad[result.edges[i - 1]!]!]!.speedKph / 3.6;
    freeFlowS += haversine(p, q) / speed;
  }
  return { ...result, signals, freeFlowS };
}

function haversine(p: Coord, q: Coord): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (q[1] - p[1]) * rad;
  const dLon = (q[0] - p[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(p[1] * rad) * Math.cos(q[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The endpoint's answer: intersection ETAs scaled to the route's (possibly congested) time. */
export function toRouteBody(route: PlannedRoute): TraumaRoute {
  const scale = route.freeFlowS > 0 ? route.durationS / route.freeFlowS : 1;
  return {
    distanceM: Math.round(route.distanceM * 10) / 10,
    durationS: Math.round(route.durationS * 10) / 10,
    path: route.path.map((p) => [p[0], p[1]]),
    intersections: route.signals.map((s) => ({
      id: s.id,
      lon: s.lon,
      lat: s.lat,
      etaSeconds: Math.round(s.etaS * scale * 10) / 10,
    })),
  };
}

/** Road ETA (s) from one point to each of `targets`, one Dijkstra search (Infinity = unreachable). */
export function etasFrom(
  network: RoadNetwork,
  from: Coord,
  targets: readonly Coord[],
  atMs: number,
): number[] {
  const opts = { costFactor: congestionAt(atMs) };
  const snap = snapOffRoad(network.graph, from);
  if (!snap) return targets.map(() => Number.POSITIVE_INFINITY);
  const times = travelTimesFrom(network.graph, [[snap.lon, snap.lat]], opts);
  return [...nodeTimesAtPoints(network.graph, times, targets, opts)];
}

export type VillageTime = {
  villageCode: string;
  name: string;
  townshipCode: string;
  lon: number;
  lat: number;
  seconds: number;
};

const coverageCache = new WeakMap<RoadNetwork, VillageTime[]>();

/**
 * Free-flow drive time from the nearest ambulance station to every village position: one multi-source
 * Dijkstra per network, memoised (the stations are facilities of the network, so this never changes
 * while the process runs).
 */
export function villageTimes(network: RoadNetwork, hierarchy: Hierarchy): VillageTime[] {
  const cached = coverageCache.get(network);
  if (cached) return cached;
  const stations: Coord[] = network.facilities
    .filter((f) => f.kind === 'ambulance_station')
    .map((f) => [f.lon, f.lat]);
  const times = travelTimesFrom(network.graph, stations, { maxS: DEFAULT_BANDS.at(-1)! * 4 });
  const villages = [...hierarchy.regions.values()]
    .filter((r) => r.level === 'village')
    .sort((a, b) => a.code.localeCompare(b.code));
  const at = nodeTimesAtPoints(
    network.graph,
    times,
    villages.map((v) => v.centroid),
    { closedRoads: expresswayRoads(network.graph), maxSnapM: MAX_SNAP_M },
  );
  const out = villages.map((v, i) => ({
    villageCode: v.code,
    name: v.name,
    townshipCode: v.parentCode ?? v.code.slice(0, 9),
    lon: v.centroid[0],
    lat: v.centroid[1],
    seconds: at[i]!,
  }));
  coverageCache.set(network, out);
  return out;
}

export type NearbyFacilityTime = {
  facility: Facility;
  /** Free-flow drive time, seconds; null when the network does not connect them. */
  seconds: number | null;
  straightM: number;
};

const nearbyCache = new WeakMap<RoadNetwork, Map<string, NearbyFacilityTime[]>>();

/**
 * Every facility of the network with its free-flow drive time from a point (one Dijkstra from the point, so
 * the time is the way out of the village; the approximate network is two-way, so it is also the way in),
 * nearest first. Memoised per point key: a village's position never moves while the process runs.
 */
export function facilitiesByDriveTime(network: RoadNetwork, key: string, from: Coord): NearbyFacilityTime[] {
  let perNetwork = nearbyCache.get(network);
  if (!perNetwork) {
    perNetwork = new Map();
    nearbyCache.set(network, perNetwork);
  }
  const cached = perNetwork.get(key);
  if (cached) return cached;
  // The village joins the network on an ordinary road (never onto the expressway mid-carriageway); from
  // there the drive may use every road, the expressway included.
  const joined = snapOffRoad(network.graph, from);
  const times = joined
    ? travelTimesFrom(network.graph, [[joined.lon, joined.lat]], { maxSnapM: MAX_SNAP_M })
    : null;
  const at = times
    ? nodeTimesAtPoints(
        network.graph,
        times,
        network.facilities.map((f) => [f.lon, f.lat] as Coord),
        { closedRoads: expresswayRoads(network.graph), maxSnapM: MAX_SNAP_M },
      )
    : null;
  const out = network.facilities
    .map((facility, i) => ({
      facility,
      seconds: at && Number.isFinite(at[i]!) ? at[i]! : null,
      straightM: haversineM(from[0], from[1], facility.lon, facility.lat),
    }))
    .sort((a, b) => (a.seconds ?? Number.POSITIVE_INFINITY) - (b.seconds ?? Number.POSITIVE_INFINITY));
  perNetwork.set(key, out);
  return out;
}
