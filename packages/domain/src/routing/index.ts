export type { SignalOnPath, SignalPoint, SignalsAlongOptions } from './along';
export { signalsAlongPath } from './along';
export type { RouteOptions, RouteResult } from './astar';
export { route, routeBetweenSnaps, shortestPath } from './astar';
export type { DayKind } from './congestion';
export { beijingHour, congestionCostFactor, congestionFactor } from './congestion';
export type { CostFactorFn, SearchOptions } from './cost';
export { roadFactor } from './cost';
export type { DijkstraSource } from './dijkstra';
export { dijkstra, dijkstraAll } from './dijkstra';
export type { RoadGraph, RoadInfo } from './graph';
export { buildRoadGraph, EARTH_RADIUS_M, haversineM, nodeAt } from './graph';
export { MinHeap } from './heap';
export type { IsochroneOptions } from './isochrone';
export { bandOf, DEFAULT_BANDS, isochroneEdges, nodeTimesAtPoints, travelTimesFrom } from './isochrone';
export type { PathResult } from './path';
export type { ProgressOptions, Projection, RouteTrack } from './progress';
export { advanceProgress, projectOnRoute, routeTrack } from './progress';
export type { EdgeIndex, RouteSnapOptions, SnapOptions, SnapResult } from './snap';
export { buildEdgeIndex, expresswayRoadIds, ON_ROAD_M, snapForRouting, snapToGraph } from './snap';
export type {
  Coord,
  LonLat,
  RoadClass,
  RoadCollection,
  RoadFeature,
  RoadLineString,
  RoadProperties,
} from './types';
export { ROAD_CLASSES } from './types';
