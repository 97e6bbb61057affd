/**
 * Guidance: the three best lots for a destination. Candidates are the lots near the destination; drive times
 * come from the road network (A* on the county graph), falling back to a straight-line estimate when no
 * route is found; free berths on arrival are the prediction at the drive-time horizon — ranked on the lower
 * bound of its nominal 90 % band, so a lot that may well be full on arrival (the overflowing gate lots of a
 * holiday noon) is not advertised; `rankLots` does the ranking and writes the reasons.
 */
import type { ParkingGuidanceResponse } from '@cockpit/contracts';
import {
  buildProfile,
  type DriveEstimate,
  driveFromRoute,
  type LotCandidate,
  predictFreeAt,
  rankLots,
  walkMeters,
} from '@cockpit/domain/parking';
import {
  expresswayRoadIds,
  type LonLat,
  type RoadGraph,
  type RouteResult,
  routeBetweenSnaps,
  type SnapResult,
  snapForRouting,
  snapToGraph,
} from '@cockpit/domain/routing';
import type { ParkingLotState } from '../../upstreams/parking-platform/adapter';
import { PARKING_CALENDAR, type PredictContext, recentSamples } from './parking.model';

/**
 * Where a driver without a position enters the county road network: the 天台 interchange of the
 * 甬台温/上三 expressway west of the town (approximate position).
 */
export const DEFAULT_ENTRY: LonLat = [120.995, 29.128];

/** Lots within this straight-line distance of the destination are routed (the nearest 8 at least). */
const CANDIDATE_RADIUS_M = 3000;
const MIN_CANDIDATES = 8;
/** A lot farther than this from any road gets a straight-line estimate. */
const MAX_SNAP_M = 1500;
/** The walk limit used when fewer than three lots qualify within the usual 1.2 km. */
const WIDENED_WALK_M = 2500;

/**
 * Where a lot joins the road network: its access road, the nearest road that is NOT an expressway (a car
 * park is never entered from the carriageway), within MAX_SNAP_M.
 */
export function snapLot(graph: RoadGraph, pos: LonLat): SnapResult | null {
  return snapToGraph(graph, pos[0], pos[1], {
    closedRoads: expresswayRoadIds(graph),
    maxDistanceM: MAX_SNAP_M,
  });
}

/** Drive from `origin` (a driver on any road, the expressway included) to a lot's access road. */
export function routeToLot(graph: RoadGraph, origin: LonLat, pos: LonLat): RouteResult | null {
  const a = snapForRouting(graph, origin[0], origin[1], {
    offRoadClosed: expresswayRoadIds(graph),
    maxDistanceM: MAX_SNAP_M,
  });
  const b = snapLot(graph, pos);
  return a && b ? routeBetweenSnaps(graph, a, b) : null;
}

export function guidance(input: {
  lots: readonly ParkingLotState[];
  predict: PredictContext;
  graph: RoadGraph | null;
  to: LonLat;
  from?: LonLat | undefined;
}): ParkingGuidanceResponse {
  const origin = input.from ?? DEFAULT_ENTRY;
  const { predict } = input;
  const withWalk = input.lots
    .filter((l) => l.berthTotal > 0)
    .map((l) => ({ lot: l, walk: walkMeters([l.lon, l.lat], input.to) }))
    .sort((a, b) => a.walk - b.walk);
  const near = withWalk.filter((x, i) => x.walk <= CANDIDATE_RADIUS_M || i < MIN_CANDIDATES);

  const paths = new Map<string, LonLat[]>();
  const drives = new Map<string, DriveEstimate>();
  const expected = new Map<string, number>();
  const candidates: LotCandidate[] = near.map(({ lot, walk }) => {
    const pos: LonLat = [lot.lon, lot.lat];
    const r = input.graph ? routeToLot(input.graph, origin, pos) : null;
    const drive = driveFromRoute(r, origin, pos);
    drives.set(lot.lotId, drive);
    paths.set(lot.lotId, r ? [origin, ...r.path, pos] : [origin, pos]);
    const profile = predict.profiles.get(lot.lotId) ?? buildProfile([], PARKING_CALENDAR);
    const recent = recentSamples(lot, predict.histories.get(lot.lotId), predict.nowMs, predict.live);
    const p = predictFreeAt(
      profile,
      recent,
      predict.nowMs,
      drive.seconds / 60,
      lot.berthTotal,
      PARKING_CALENDAR,
    );
    const c: LotCandidate = {
      lotId: lot.lotId,
      name: lot.name,
      capacity: lot.berthTotal,
      freeNow: lot.berthFree,
      // Ranked on the cautious figure: the lower bound of the nominal 90 % band at the drive-time horizon
      // (about 95 % of the time at least this many are free). A lot whose band reaches 0 is not advertised.
      freeOnArrival: p.lower,
      driveSeconds: drive.seconds,
      walkMeters: walk,
      driveEstimated: drive.estimated,
    };
    if (lot.pricePerHour !== null) c.pricePerHour = lot.pricePerHour;
    expected.set(lot.lotId, p.free);
    return c;
  });

  // Three lots within the usual walk (1.2 km) if there are; otherwise widen the walk to 2.5 km (a holiday
  // noon at the temple: the near lots are full) — nearer lots still rank first, walking is in the cost.
  const usual = rankLots(candidates, { topN: 3 });
  const widened = usual.recommendations.length < 3;
  const ranked = widened ? rankLots(candidates, { topN: 3, maxWalkM: WIDENED_WALK_M }) : usual;
  const byId = new Map(input.lots.map((l) => [l.lotId, l]));
  const recommendations = ranked.recommendations.map((r) => {
    const lot = byId.get(r.lotId)!;
    return {
      rank: r.rank,
      lotId: r.lotId,
      name: r.name,
      lon: lot.lon,
      lat: lot.lat,
      berthTotal: lot.berthTotal,
      freeNow: r.candidate.freeNow,
      freeOnArrival: Math.round(r.candidate.freeOnArrival),
      freeOnArrivalExpected: expected.get(r.lotId) ?? Math.round(r.candidate.freeOnArrival),
      driveSeconds: Math.round(r.candidate.driveSeconds),
      walkMeters: Math.round(r.candidate.walkMeters),
      pricePerHour: lot.pricePerHour,
      reasons: r.reasons.map((x) => ({ code: x.code, value: x.value, text: x.text })),
      path: (paths.get(r.lotId) ?? []).map(([lon, lat]) => [round6(lon), round6(lat)] as [number, number]),
    };
  });
  return {
    from: origin,
    to: input.to,
    fromDefault: input.from === undefined,
    dataTime: Number.isFinite(predict.nowMs) ? new Date(predict.nowMs).toISOString() : null,
    recommendations,
    estimated: ranked.recommendations.some((r) => drives.get(r.lotId)?.estimated ?? true),
    relaxed: widened || ranked.relaxed !== null,
  };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
