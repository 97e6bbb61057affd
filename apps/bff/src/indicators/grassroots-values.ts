import {
  averageHandlingHours,
  closureRate,
  type LifecycleEvent,
  type LifecycleParts,
  lifecycleParts,
  onTimeRate,
  sumParts,
  villageSettlementRate,
} from '@cockpit/domain/grassroots';
import { beijingMidnight } from '@cockpit/domain/time';
import type {
  DeviceCount,
  FarmScanDay,
  FloodPointRow,
  GrassrootsEvent,
  Grid,
  HomestayDay,
  Patrol,
  ServicePoint,
  VillageBasicsRow,
} from '../upstreams/grassroots/adapter';
import type { IndicatorId } from './registry';
import { sumOf, type Units, unitsBy, type ValueFunction } from './value-functions';

const DAY_MS = 86_400_000;
export const GRASSROOTS_WINDOW_MS = 30 * DAY_MS;

/** An event as the lifecycle figures read it, with the grid it is booked to. */
export type GridEvent = LifecycleEvent & { gridId: string; villageCode: string };

export function gridEventOf(e: GrassrootsEvent): GridEvent {
  const closed = e.stages.find((s) => s.stage === 'closed');
  return {
    gridId: e.gridId,
    villageCode: e.villageCode,
    type: e.type,
    reportedAtMs: Date.parse(e.reportedAt),
    deadlineHours: e.deadlineHours,
    closedAtMs: closed ? Date.parse(closed.at) : null,
    handlingLevel: e.handlingLevel,
  };
}

/**
 * What the grassroots value functions read, found by village (the unit below a village is the grid: a
 * village's lifecycle parts are the sum of its grids' parts). `undefined` lists: that dataset has no data yet.
 */
export type GrassrootsUnits = {
  nowMs: number;
  todayStartMs: number;
  /** Lifecycle parts of the 30-day window, per village (the sum over its grids), memoised. */
  parts: ((villageCode: string) => LifecycleParts) | undefined;
  /** Events (30 days) per village. */
  events: Units<GridEvent> | undefined;
  grids: Units<Grid> | undefined;
  /** Today's patrols. */
  patrols: Units<Patrol> | undefined;
  /** The current year's basics. */
  basics: Units<VillageBasicsRow> | undefined;
  /** Today's homestay rows. */
  homestays: Units<HomestayDay> | undefined;
  devices: Units<DeviceCount> | undefined;
  flood: Units<FloodPointRow> | undefined;
  /** Today's 浙农码 scans, by township (the platform keeps no village figure). */
  farm: Units<FarmScanDay> | undefined;
  /** Convenience service points with their state now, by village. */
  servicePoints: Units<ServicePoint> | undefined;
};

/** Lifecycle parts of each grid (the lowest unit) over the events of the window, as of nowMs. */
export function partsByGrid(events: readonly GridEvent[], nowMs: number): Map<string, LifecycleParts> {
  const byGrid = new Map<string, GridEvent[]>();
  for (const e of events) {
    const list = byGrid.get(e.gridId);
    if (list) list.push(e);
    else byGrid.set(e.gridId, [e]);
  }
  return new Map([...byGrid].map(([grid, list]) => [grid, lifecycleParts(list, nowMs)]));
}

export function grassrootsUnits(input: {
  nowMs: number;
  events: readonly GrassrootsEvent[] | undefined;
  grids: readonly Grid[] | undefined;
  patrols: readonly Patrol[] | undefined;
  basics: readonly VillageBasicsRow[] | undefined;
  homestays: readonly HomestayDay[] | undefined;
  devices: readonly DeviceCount[] | undefined;
  flood: readonly FloodPointRow[] | undefined;
  farm: readonly FarmScanDay[] | undefined;
  servicePoints: readonly ServicePoint[] | undefined;
}): GrassrootsUnits {
  const { nowMs } = input;
  const windowStart = nowMs - GRASSROOTS_WINDOW_MS;
  const events = input.events
    ?.map(gridEventOf)
    .filter((e) => e.reportedAtMs >= windowStart && e.reportedAtMs <= nowMs);
  const byVillage = events && unitsBy(events, (e) => e.villageCode);
  const memo = new Map<string, LifecycleParts>();
  const parts =
    byVillage &&
    ((village: string) => {
      let p = memo.get(village);
      if (!p) {
        p = sumParts([...partsByGrid(byVillage(village), nowMs).values()]);
        memo.set(village, p);
      }
      return p;
    });
  const today = new Date(nowMs + 8 * 3_600_000).toISOString().slice(0, 10);
  const by = <T extends { villageCode: string }>(xs: readonly T[] | undefined) =>
    xs && unitsBy(xs, (x) => x.villageCode);
  return {
    nowMs,
    todayStartMs: beijingMidnight(nowMs),
    parts,
    events: byVillage,
    grids: by(input.grids),
    patrols: by(input.patrols?.filter((p) => p.date === today)),
    basics: by(input.basics),
    homestays: by(input.homestays?.filter((h) => h.date === today)),
    devices: by(input.devices),
    flood: by(input.flood),
    farm:
      input.farm &&
      unitsBy(
        input.farm.filter((f) => f.date === today),
        (f) => f.townshipCode,
      ),
    servicePoints: by(input.servicePoints),
  };
}

type VF = ValueFunction<GrassrootsUnits>;
const life =
  (f: (p: LifecycleParts) => number | null): VF =>
  (u, code) =>
    u.parts ? f(u.parts(code)) : null;
const count =
  <T>(units: (u: GrassrootsUnits) => Units<T> | undefined, keep: (t: T, u: GrassrootsUnits) => boolean): VF =>
  (u, code) => {
    const list = units(u)?.(code);
    return list ? list.filter((t) => keep(t, u)).length : null;
  };
const total =
  <T>(units: (u: GrassrootsUnits) => Units<T> | undefined, value: (t: T) => number): VF =>
  (u, code) => {
    const list = units(u)?.(code);
    return list ? (sumOf(list, value) ?? 0) : null;
  };
const quotient =
  (num: VF, den: VF): VF =>
  (u, code) => {
    const n = num(u, code);
    const d = den(u, code);
    return n === null || !d ? null : n / d;
  };

const grids = total(
  (u) => u.grids,
  () => 1,
);
const patrolled = count(
  (u) => u.patrols,
  (p) => p.checkIns > 0,
);
const beds = total(
  (u) => u.homestays,
  (h) => h.beds,
);
const occupied = total(
  (u) => u.homestays,
  (h) => h.occupiedBeds,
);
const devices = total(
  (u) => u.devices,
  (d) => d.total,
);
const online = total(
  (u) => u.devices,
  (d) => d.online,
);
const dutyPoints = count(
  (u) => u.flood,
  (p) => p.kind === 'duty',
);
const manned = count(
  (u) => u.flood,
  (p) => p.kind === 'duty' && p.manned === true,
);
const servicePoints = total(
  (u) => u.servicePoints,
  () => 1,
);
const servicePointsOpen = count(
  (u) => u.servicePoints,
  (p) => p.state === 'open',
);

/**
 * A whole, its part and the part's share of the whole, under their three ids (`grassroots.<name>`; the share's
 * stored rule is the ratio of the summed counts).
 */
const withShare = (
  names: readonly [whole: string, part: string, share: string],
  whole: VF,
  part: VF,
): Partial<Record<IndicatorId, VF>> => {
  const [w, p, q] = names.map((n) => `grassroots.${n}`);
  return { [w!]: whole, [p!]: part, [q!]: quotient(part, whole) };
};

/**
 * The value functions of the grassroots indicators, keyed by id: each computes one village from its grids'
 * records; the stored roll-up rule makes the townships and the county (see definitions.grassroots.ts).
 */
export const GRASSROOTS_VALUES: Partial<Record<IndicatorId, VF>> = {
  'grassroots.eventsReportedToday': count(
    (u) => u.events,
    (e, u) => e.reportedAtMs >= u.todayStartMs,
  ),
  'grassroots.eventsClosedToday': count(
    (u) => u.events,
    (e, u) => e.closedAtMs !== null && e.closedAtMs >= u.todayStartMs && e.closedAtMs <= u.nowMs,
  ),
  'grassroots.eventsOverdue': life((p) => p.overdueOpen),
  'grassroots.eventsReported30d': life((p) => p.reported),
  'grassroots.eventsClosed30d': life((p) => p.closed),
  'grassroots.closureRate': life(closureRate),
  'grassroots.eventsClosedOnTime30d': life((p) => p.closedOnTime),
  'grassroots.onTimeRate': life(onTimeRate),
  'grassroots.handlingHoursTotal30d': life((p) => p.handlingHoursTotal),
  'grassroots.avgHandlingHours': life(averageHandlingHours),
  'grassroots.disputesClosed30d': life((p) => p.disputesClosed),
  'grassroots.disputesSettledInVillage30d': life((p) => p.disputesSettledInVillage),
  'grassroots.villageSettlementRate': life(villageSettlementRate),
  ...withShare(['grids', 'gridsPatrolledToday', 'patrolCoverage'], grids, patrolled),
  'grassroots.collectiveIncome': total(
    (u) => u.basics,
    (b) => b.incomeWanYuan,
  ),
  ...withShare(['homestayBeds', 'homestayBedsOccupied', 'homestayOccupancy'], beds, occupied),
  ...withShare(['devices', 'devicesOnline', 'devicesOnlineRate'], devices, online),
  ...withShare(['floodDutyPoints', 'floodDutyManned', 'floodMannedRate'], dutyPoints, manned),
  'grassroots.farmScansToday': total(
    (u) => u.farm,
    (f) => f.scans,
  ),
  ...withShare(
    ['servicePoints', 'servicePointsOpen', 'servicePointOpenRate'],
    servicePoints,
    servicePointsOpen,
  ),
};
