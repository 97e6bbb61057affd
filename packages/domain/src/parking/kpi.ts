/**
 * Parking KPIs with their standard definitions (cf. the usual 城市停车 operating indicators):
 *
 * - 泊位占用率 occupancy rate  = occupied berths ÷ total berths (0..1; total 0 → null);
 * - 周转率 turnover rate        = parking events (entries) in a period ÷ total berths;
 * - 平均停车时长 average dwell  = total parked time ÷ parking events, minutes, over COMPLETED sessions;
 * - 进出场流量 inflow/outflow    = entry/exit events per Beijing clock hour;
 * - 空余泊位 free berths         = total − occupied (never negative).
 *
 * Over-occupancy (occupied > total: sensor over-count, vehicles parked outside marked bays) is capped at
 * the total, so rates stay in 0..1 and free berths never go negative.
 */
import { beijingHourStart, beijingMinuteOfDay, HOUR_MS, MINUTE_MS } from './time';

/** A lot's (or a region's) berth counts. */
export interface BerthCounts {
  berthTotal: number;
  berthOccupied: number;
}

/** Half-open time window [startMs, endMs). */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/** An entry ('in') or exit ('out') event at a lot. */
export interface ParkingEvent {
  at: number;
  kind: 'in' | 'out';
}

/** One parking session: entry time and exit time (null while the vehicle is still parked). */
export interface ParkingSession {
  inAt: number;
  outAt: number | null;
}

export interface RegionTotals {
  lotCount: number;
  berthTotal: number;
  berthOccupied: number;
  berthFree: number;
  /** Berth-weighted: Σ occupied ÷ Σ total (NOT the mean of the lots' rates); null when Σ total = 0. */
  occupancyRate: number | null;
}

export interface HourlyFlow {
  /** Start of the Beijing clock hour (epoch ms). */
  hourStart: number;
  /** Beijing hour of day 0..23, for labels. */
  hour: number;
  inflow: number;
  outflow: number;
}

export type OccupancyLevel = 'ok' | 'busy' | 'full';

/** Occupancy at or above this is 'busy' (amber on the map, LOT_BUSY warning). */
export const BUSY_THRESHOLD = 0.85;
/** Occupancy at or above this is 'full' (red on the map, LOT_NEARLY_FULL alarm). */
export const FULL_THRESHOLD = 0.95;

/** Refuse windows longer than this in `hourlyFlows` (guards against ms/s unit mix-ups). */
const MAX_FLOW_HOURS = 24 * 400;

function assertCount(n: number, what: string): void {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${what} must be a finite number ≥ 0 (got ${n})`);
}

function assertWindow(w: TimeWindow): void {
  if (!Number.isFinite(w.startMs) || !Number.isFinite(w.endMs) || w.endMs < w.startMs)
    throw new RangeError(`invalid window [${w.startMs}, ${w.endMs})`);
}

const inWindow = (t: number, w: TimeWindow): boolean => t >= w.startMs && t < w.endMs;

/** True when both counts are finite numbers ≥ 0 (the KPI functions throw a RangeError otherwise). */
export function isValidCounts(c: BerthCounts): boolean {
  return (
    Number.isFinite(c.berthTotal) &&
    c.berthTotal >= 0 &&
    Number.isFinite(c.berthOccupied) &&
    c.berthOccupied >= 0
  );
}

/** Occupied berths capped to [0, total]. */
function cappedOccupied({ berthTotal, berthOccupied }: BerthCounts): number {
  assertCount(berthTotal, 'berthTotal');
  assertCount(berthOccupied, 'berthOccupied');
  return Math.min(berthOccupied, berthTotal);
}

/** 泊位占用率 = occupied ÷ total, in 0..1; null when the total is 0. */
export function occupancyRate(counts: BerthCounts): number | null {
  const occ = cappedOccupied(counts);
  return counts.berthTotal === 0 ? null : occ / counts.berthTotal;
}

/** 空余泊位 = total − occupied, never negative. */
export function freeBerths(counts: BerthCounts): number {
  return counts.berthTotal - cappedOccupied(counts);
}

/** Region totals: sums of total / occupied / free, and the berth-weighted occupancy. */
export function aggregateLots(lots: readonly BerthCounts[]): RegionTotals {
  let total = 0;
  let occupied = 0;
  for (const lot of lots) {
    occupied += cappedOccupied(lot);
    total += lot.berthTotal;
  }
  return {
    lotCount: lots.length,
    berthTotal: total,
    berthOccupied: occupied,
    berthFree: total - occupied,
    occupancyRate: total === 0 ? null : occupied / total,
  };
}

/**
 * 周转率 = number of parking events (entries, `kind: 'in'`) in the window ÷ total berths — turns per berth
 * in that period (e.g. a day). Exits are not counted (each parking is one event). null when total is 0.
 */
export function turnoverRate(
  events: readonly ParkingEvent[],
  berthTotal: number,
  window: TimeWindow,
): number | null {
  assertCount(berthTotal, 'berthTotal');
  assertWindow(window);
  if (berthTotal === 0) return null;
  let n = 0;
  for (const e of events) if (e.kind === 'in' && inWindow(e.at, window)) n++;
  return n / berthTotal;
}

/**
 * 平均停车时长 in minutes = total parked time ÷ number of parking events, over COMPLETED sessions only
 * (the usual practice for the indicator: a session still open has no duration yet; counting it up to the
 * window end would bias the average low). With a window, a session counts when it ENDED inside the window,
 * with its full duration (also the part before the window). Sessions with an exit before their entry, or
 * with non-finite times, are ignored as bad data. null when no session qualifies.
 */
export function averageDwellMinutes(sessions: readonly ParkingSession[], window?: TimeWindow): number | null {
  if (window) assertWindow(window);
  let sum = 0;
  let n = 0;
  for (const s of sessions) {
    if (s.outAt === null || !Number.isFinite(s.inAt) || !Number.isFinite(s.outAt) || s.outAt < s.inAt)
      continue;
    if (window && !inWindow(s.outAt, window)) continue;
    sum += s.outAt - s.inAt;
    n++;
  }
  return n === 0 ? null : sum / n / MINUTE_MS;
}

/**
 * Entries ('in') and exits ('out') per Beijing clock hour over a window: one row per clock hour that
 * overlaps [startMs, endMs), in time order. Only events inside the window are counted, so the first and
 * last rows cover partial hours when the window is not hour-aligned. Empty window → [].
 */
export function hourlyFlows(events: readonly ParkingEvent[], window: TimeWindow): HourlyFlow[] {
  assertWindow(window);
  if (window.endMs === window.startMs) return [];
  const first = beijingHourStart(window.startMs);
  const count = Math.ceil((window.endMs - first) / HOUR_MS);
  if (count > MAX_FLOW_HOURS) throw new RangeError(`window too long: ${count} hours (max ${MAX_FLOW_HOURS})`);
  const rows: HourlyFlow[] = [];
  for (let i = 0; i < count; i++) {
    const hourStart = first + i * HOUR_MS;
    rows.push({
      hourStart,
      hour: Math.round(beijingMinuteOfDay(hourStart) / 60) % 24,
      inflow: 0,
      outflow: 0,
    });
  }
  for (const e of events) {
    if (!Number.isFinite(e.at) || !inWindow(e.at, window)) continue;
    const row = rows[Math.floor((e.at - first) / HOUR_MS)];
    if (!row) continue;
    if (e.kind === 'in') row.inflow++;
    else if (e.kind === 'out') row.outflow++;
  }
  return rows;
}

/**
 * Map colour class for an occupancy rate: 'ok' (green) below 0.85, 'busy' (amber) at ≥ 0.85,
 * 'full' (red) at ≥ 0.95. Thresholds are inclusive.
 */
export function occupancyLevel(rate: number): OccupancyLevel {
  if (Number.isNaN(rate)) throw new RangeError('occupancy rate is NaN');
  if (rate >= FULL_THRESHOLD) return 'full';
  if (rate >= BUSY_THRESHOLD) return 'busy';
  return 'ok';
}
