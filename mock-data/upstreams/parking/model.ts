/**
 * Parking ground truth: pure, deterministic functions of (seed, lot, t). No state is stored, so any instant in
 * the past (30 days and more) can be evaluated on demand, and a benchmark can import these as ground truth.
 *
 *   occupiedAt(seed, lot, t) = round(clamp(demand(lot, t) + smooth seeded noise, 0, 1) × berthTotal)
 *
 * where demand comes from the category's daily / weekly / holiday shape (scenic lots follow the shared
 * scenic-demand curve scaled by the lot's attractiveness: the lot at the gate overflows on a Golden-Week
 * morning while one a few hundred metres away stays half-empty).
 */
import { beijingParts, DAY, dayInfo, HOUR, MINUTE } from '../calendar';
import { type Geo, type Placed, placeAnchor } from '../geo';
import { type DailyCurve, dailyCurve, scenicDemand } from '../profiles';
import { clamp, hash32, mulberry32, pickWeighted, poisson, unit, valueNoise } from '../random';
import { LOT_SPECS, type LotSpec, type ParkCategory, SCREEN_SPECS, type ScreenSpec } from './lots';

export interface ParkingLot extends Placed {
  parkId: string;
  parkName: string;
  parkType: 1 | 2;
  category: ParkCategory;
  berthTotal: number;
  price?: number;
  attract: number;
  flaky: boolean;
}

export interface GuideScreen extends Placed {
  screenId: string;
  screenName: string;
  level: 1 | 2 | 3;
  targets: readonly { parkId: string; direction: '左' | '右' | '直行' }[];
  lagMin: number;
  bias: number;
  offlineRate: number;
}

export function buildLots(geo: Geo, specs: readonly LotSpec[] = LOT_SPECS): ParkingLot[] {
  return specs.map((s) => ({
    ...placeAnchor(geo, s.anchor),
    parkId: s.parkId,
    parkName: s.parkName,
    parkType: s.parkType,
    category: s.category,
    berthTotal: s.berthTotal,
    ...(s.price !== undefined ? { price: s.price } : {}),
    attract: s.attract,
    flaky: s.flaky ?? false,
  }));
}

export function buildScreens(geo: Geo, specs: readonly ScreenSpec[] = SCREEN_SPECS): GuideScreen[] {
  return specs.map((s) => ({
    ...placeAnchor(geo, s.anchor),
    screenId: s.screenId,
    screenName: s.screenName,
    level: s.level,
    targets: s.targets,
    lagMin: s.lagMin ?? 0,
    bias: s.bias ?? 0,
    offlineRate: s.offlineRate ?? 0.03,
  }));
}

const HOSPITAL: DailyCurve = [
  [0, 0.3],
  [6, 0.3],
  [7.5, 0.6],
  [9.5, 0.96],
  [11.5, 0.9],
  [12.5, 0.74],
  [14.5, 0.88],
  [16.5, 0.7],
  [18, 0.45],
  [21, 0.35],
];
const CORE_WORKDAY: DailyCurve = [
  [0, 0.45],
  [6, 0.4],
  [8, 0.7],
  [9.5, 0.9],
  [12, 0.8],
  [14, 0.86],
  [17, 0.82],
  [18.5, 0.64],
  [20, 0.74],
  [22, 0.55],
];
const CORE_WEEKEND: DailyCurve = [
  [0, 0.45],
  [8, 0.4],
  [10, 0.65],
  [14, 0.8],
  [16, 0.86],
  [19, 0.92],
  [21, 0.7],
  [23, 0.5],
];
const STREET_WORKDAY: DailyCurve = [
  [0, 0.2],
  [7, 0.3],
  [9, 0.86],
  [11, 0.95],
  [13, 0.8],
  [15, 0.9],
  [17.5, 0.96],
  [19, 0.7],
  [21, 0.5],
  [23, 0.3],
];
const STREET_WEEKEND: DailyCurve = [
  [0, 0.22],
  [8, 0.3],
  [10, 0.75],
  [13, 0.8],
  [16, 0.9],
  [19.5, 0.85],
  [22, 0.45],
];
const GENERAL: DailyCurve = [
  [0, 0.2],
  [7, 0.3],
  [9, 0.58],
  [11, 0.62],
  [14, 0.5],
  [17, 0.58],
  [19, 0.36],
  [22, 0.2],
];

/** Expected occupancy share (before noise) at t; may exceed 1 (overflow: cars queue or go elsewhere). */
export function demandAt(lot: ParkingLot, t: number): number {
  if (lot.category === 'scenic') return 0.03 + lot.attract * scenicDemand(t);
  const info = dayInfo(t);
  const { hourFrac } = beijingParts(t);
  const off = info.kind !== 'workday';
  switch (lot.category) {
    case 'hospital': {
      const day = info.kind === 'workday' ? 1 : info.kind === 'weekend' ? 0.75 : 0.65;
      return lot.attract * day * dailyCurve(HOSPITAL, hourFrac);
    }
    case 'core': {
      const curve =
        lot.parkType === 2 ? (off ? STREET_WEEKEND : STREET_WORKDAY) : off ? CORE_WEEKEND : CORE_WORKDAY;
      const day = info.kind === 'holiday' ? 0.95 : 1;
      return lot.attract * day * dailyCurve(curve, hourFrac);
    }
    default: {
      // town centres and the railway station: busier on holidays (travel, visiting family)
      const day = info.kind === 'holiday' ? 1.2 : info.kind === 'weekend' ? 1.05 : 1;
      return lot.attract * day * dailyCurve(GENERAL, hourFrac);
    }
  }
}

/** Occupancy share 0..1 at t (demand plus smooth seeded noise). */
export function occupancyRateAt(seed: number, lot: ParkingLot, t: number): number {
  const fast = valueNoise(seed, `park-fast:${lot.parkId}`, t, (lot.parkType === 2 ? 12 : 20) * MINUTE);
  const slow = valueNoise(seed, `park-slow:${lot.parkId}`, t, 3 * HOUR);
  const daily = valueNoise(seed, `park-day:${lot.parkId}`, t, DAY);
  const d = demandAt(lot, t);
  return clamp(d * (1 + 0.07 * daily) + 0.045 * fast + 0.05 * slow, 0, 1);
}

/** Occupied berths at t — the ground truth. */
export function occupiedAt(seed: number, lot: ParkingLot, t: number): number {
  return Math.round(occupancyRateAt(seed, lot, t) * lot.berthTotal);
}

export function freeAt(seed: number, lot: ParkingLot, t: number): number {
  return lot.berthTotal - occupiedAt(seed, lot, t);
}

/** The platform's sensors report every 30 s. */
export const REPORT_PERIOD_MS = 30_000;
const STALL_BLOCK_MS = 6 * HOUR;

/**
 * A silent-sensor spell covering t, if any: within each 6-hour block a lot may go silent for 20–120 minutes
 * (flaky lots much more often). During the spell the platform keeps serving the last report.
 */
export function sensorStallAt(
  seed: number,
  lot: ParkingLot,
  t: number,
): { from: number; to: number } | undefined {
  const block = Math.floor(t / STALL_BLOCK_MS);
  const p = lot.flaky ? 0.3 : 0.015;
  if (unit(seed, 'stall', lot.parkId, block) >= p) return undefined;
  const from = block * STALL_BLOCK_MS + Math.floor(unit(seed, 'stall-at', lot.parkId, block) * 4 * HOUR);
  const to = from + (20 + Math.floor(unit(seed, 'stall-len', lot.parkId, block) * 100)) * MINUTE;
  return t >= from && t < to ? { from, to } : undefined;
}

export interface LotReport {
  /** when the platform last heard from the lot */
  updateTime: number;
  berthOccupied: number;
  berthFree: number;
}

/** What the platform shows at t (the last sensor report, frozen during a silent spell). */
export function reportedAt(seed: number, lot: ParkingLot, t: number): LotReport {
  const stall = sensorStallAt(seed, lot, t);
  const updateTime = Math.floor((stall ? stall.from : t) / REPORT_PERIOD_MS) * REPORT_PERIOD_MS;
  const berthOccupied = occupiedAt(seed, lot, updateTime);
  return { updateTime, berthOccupied, berthFree: lot.berthTotal - berthOccupied };
}

// ---------------------------------------------------------------- guide screens

const SCREEN_BLOCK_MS = 12 * HOUR;

/** An offline spell of the screen covering t, if any (1–4 h, at most one per 12-hour block). */
export function screenOfflineAt(
  seed: number,
  screen: GuideScreen,
  t: number,
): { from: number; to: number } | undefined {
  const block = Math.floor(t / SCREEN_BLOCK_MS);
  if (unit(seed, 'screen-off', screen.screenId, block) >= screen.offlineRate) return undefined;
  const from =
    block * SCREEN_BLOCK_MS + Math.floor(unit(seed, 'screen-off-at', screen.screenId, block) * 8 * HOUR);
  const to = from + (60 + Math.floor(unit(seed, 'screen-off-len', screen.screenId, block) * 180)) * MINUTE;
  return t >= from && t < to ? { from, to } : undefined;
}

export interface ScreenState {
  online: 0 | 1;
  lastHeartbeat: number;
  targets: { parkId: string; direction: '左' | '右' | '直行'; displayFree: number }[];
}

/** What a guide screen shows at t: the lot's reported free berths, possibly lagged, biased or frozen. */
export function screenStateAt(
  seed: number,
  screen: GuideScreen,
  lotsById: ReadonlyMap<string, ParkingLot>,
  t: number,
): ScreenState {
  const off = screenOfflineAt(seed, screen, t);
  const lastHeartbeat = Math.floor((off ? off.from : t) / MINUTE) * MINUTE;
  const shownAt = lastHeartbeat - screen.lagMin * MINUTE;
  return {
    online: off ? 0 : 1,
    lastHeartbeat,
    targets: screen.targets.map((tg) => {
      const lot = lotsById.get(tg.parkId);
      const free = lot ? reportedAt(seed, lot, shownAt).berthFree : 0;
      const shown = lot ? clamp(free + screen.bias, 0, lot.berthTotal) : 0;
      return { parkId: tg.parkId, direction: tg.direction, displayFree: shown };
    }),
  };
}

// ---------------------------------------------------------------- entry / exit records

export const RECORD_BUCKET_MS = 5 * MINUTE;

const MEAN_DWELL_MIN: Record<ParkCategory, number> = { scenic: 150, hospital: 110, core: 170, general: 120 };

export interface ParkingRecord {
  recordId: string;
  parkId: string;
  plateNo: string;
  inTime: number;
  /** when the vehicle leaves (may lie in the future of a given "now") */
  outTime: number;
}

const OTHER_PREFIXES: readonly (readonly [string, number])[] = [
  ['浙A', 5],
  ['浙B', 3],
  ['浙C', 2],
  ['浙D', 2],
  ['浙G', 2],
  ['沪A', 2],
  ['沪B', 1],
  ['苏E', 1],
  ['苏A', 1],
  ['皖A', 1],
  ['闽A', 1],
  ['赣A', 0.5],
];
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A synthetic plate such as "浙J·A12345" (15% new-energy "浙J·D12345"-style, six characters). */
export function plateFor(next: () => number, nonLocalShare: number): string {
  const prefix = next() < nonLocalShare ? pickWeighted(OTHER_PREFIXES, next()) : '浙J';
  const digit = () => String(Math.floor(next() * 10));
  if (next() < 0.15) {
    return `${prefix}·${next() < 0.7 ? 'D' : 'F'}${digit()}${digit()}${digit()}${digit()}${digit()}`;
  }
  const letter = () => LETTERS[Math.floor(next() * LETTERS.length)] ?? 'A';
  let tail = '';
  for (let i = 0; i < 4; i++) tail += i === 1 && next() < 0.2 ? letter() : digit();
  return `${prefix}·${letter()}${tail}`;
}

/**
 * Vehicles entering a lot within one 5-minute bucket. The count follows the change in occupancy plus a
 * turnover term (occupancy / mean dwell), so entries minus exits track the occupancy curve statistically.
 */
export function recordsInBucket(seed: number, lot: ParkingLot, bucket: number): ParkingRecord[] {
  const b0 = bucket * RECORD_BUCKET_MS;
  const o0 = occupiedAt(seed, lot, b0);
  const o1 = occupiedAt(seed, lot, b0 + RECORD_BUCKET_MS);
  const dwellMin = lot.parkType === 2 ? 55 : MEAN_DWELL_MIN[lot.category];
  const churn = ((o0 + o1) / 2) * (RECORD_BUCKET_MS / MINUTE / dwellMin);
  const next = mulberry32(hash32(seed, 'records', lot.parkId, bucket));
  const n = Math.max(0, o1 - o0) + poisson(churn, next);
  const scenic = lot.category === 'scenic';
  const offDay = dayInfo(b0).kind !== 'workday';
  const nonLocal = scenic ? (offDay ? 0.45 : 0.25) : 0.08;
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(b0 + Math.floor((next() * RECORD_BUCKET_MS) / 1000) * 1000);
  times.sort((a, b) => a - b);
  return times.map((inTime, k) => {
    const u = Math.max(next(), 1e-6);
    const dwell = Math.max(6, Math.min(12 * 60, -Math.log(u) * dwellMin * 0.85 + 8)) * MINUTE;
    return {
      recordId: `${lot.parkId}${bucket.toString(36).toUpperCase()}${String(k).padStart(3, '0')}`,
      parkId: lot.parkId,
      plateNo: plateFor(next, nonLocal),
      inTime,
      outTime: inTime + Math.round(dwell / 1000) * 1000,
    };
  });
}

/** Records with inTime in [from, to), in time order. */
export function recordsBetween(seed: number, lot: ParkingLot, from: number, to: number): ParkingRecord[] {
  const out: ParkingRecord[] = [];
  const first = Math.floor(from / RECORD_BUCKET_MS);
  const last = Math.floor((to - 1) / RECORD_BUCKET_MS);
  for (let b = first; b <= last; b++) {
    for (const r of recordsInBucket(seed, lot, b)) if (r.inTime >= from && r.inTime < to) out.push(r);
  }
  return out;
}

/** Parking fee: first 30 minutes free, then each started hour at the lot's price. */
export function feeFor(lot: ParkingLot, inTime: number, outTime: number): number {
  const minutes = (outTime - inTime) / MINUTE;
  if (!lot.price || minutes <= 30) return 0;
  return Math.min(Math.ceil(minutes / 60) * lot.price, lot.price * 10);
}

/** Convenience bundle: the model bound to a seed (e.g. `parkingModel(seed).occupiedAt(lot, t)`). */
export function parkingModel(seed: number) {
  return {
    demandAt,
    occupancyRateAt: (lot: ParkingLot, t: number) => occupancyRateAt(seed, lot, t),
    occupiedAt: (lot: ParkingLot, t: number) => occupiedAt(seed, lot, t),
    freeAt: (lot: ParkingLot, t: number) => freeAt(seed, lot, t),
    reportedAt: (lot: ParkingLot, t: number) => reportedAt(seed, lot, t),
    sensorStallAt: (lot: ParkingLot, t: number) => sensorStallAt(seed, lot, t),
    recordsBetween: (lot: ParkingLot, from: number, to: number) => recordsBetween(seed, lot, from, to),
  };
}
