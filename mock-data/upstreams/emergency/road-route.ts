/**
 * Ambulances drive the road network: a leg follows the shortest-time road route (the county's derived road
 * network, the one the BFF routes on) with the congestion of its departure hour and day kind (the shared
 * State Council calendar). The vehicle drives straight from its start to the nearest non-expressway road
 * (as the BFF snaps off-road points), along the road, then straight to its destination.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { officialDayKind } from '@cockpit/domain/calendar';
import {
  beijingHour,
  buildEdgeIndex,
  buildRoadGraph,
  congestionCostFactor,
  type RoadCollection,
  type RoadGraph,
  routeBetweenSnaps,
  snapToGraph,
} from '@cockpit/domain/routing';
import { DEFAULT_GEO_DIR, type LonLat } from '../geo';
import { type RouteProvider, straightLine } from './movement';

/** Farthest an off-road point is snapped to a road, metres (as the BFF's MAX_SNAP_M). */
const MAX_SNAP_M = 3000;

const graphs = new Map<string, RoadGraph | null>();
/**
 * The county road network from `roads.geojson` in `geoDir` (falling back to the bundled geography), or null
 * when neither folder has one.
 */
export function countyRoads(geoDir: string = DEFAULT_GEO_DIR): RoadGraph | null {
  if (!graphs.has(geoDir)) {
    const file = [join(geoDir, 'roads.geojson'), join(DEFAULT_GEO_DIR, 'roads.geojson')].find((f) =>
      existsSync(f),
    );
    let graph: RoadGraph | null = null;
    if (file) {
      graph = buildRoadGraph(JSON.parse(readFileSync(file, 'utf8')) as RoadCollection);
      buildEdgeIndex(graph);
    }
    graphs.set(geoDir, graph);
  }
  return graphs.get(geoDir) ?? null;
}

/** A route provider on the given road graph; straight lines when there is no road network. */
export function roadRoute(graph: RoadGraph | null = countyRoads()): RouteProvider {
  if (!graph) return straightLine;
  const expressway = new Set(graph.roads.filter((r) => r.class === 'expressway').map((r) => r.id));
  // Congestion changes by the hour: routes between the same points in the same hour and day kind are reused
  // (ambulances drive back from the same hospitals to the same stations all day).
  const cache = new Map<string, readonly LonLat[]>();
  return (from: LonLat, to: LonLat, depart?: number): readonly LonLat[] => {
    const at = depart ?? 0;
    const hour = Math.floor(beijingHour(new Date(at)));
    const kind = officialDayKind(at);
    const key = `${from[0]},${from[1]}|${to[0]},${to[1]}|${hour}|${kind}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const snapOpts = { closedRoads: expressway, maxDistanceM: MAX_SNAP_M };
    const a = snapToGraph(graph, from[0], from[1], snapOpts);
    const b = snapToGraph(graph, to[0], to[1], snapOpts);
    const r =
      a && b ? routeBetweenSnaps(graph, a, b, { costFactor: congestionCostFactor(hour + 0.5, kind) }) : null;
    const path: readonly LonLat[] =
      r && r.path.length >= 2 ? [from, ...r.path.map((p): LonLat => [p[0], p[1]]), to] : [from, to];
    if (cache.size >= 20_000) cache.clear();
    cache.set(key, path);
    return path;
  };
}
