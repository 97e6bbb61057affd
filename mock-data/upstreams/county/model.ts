/**
 * County-services ground truth (pure in seed and t): tourism (scenic-spot flow and visitors today), digital
 * urban-management cases (reported / closed today, per township), health (outpatient visits today, ED load)
 * and road-traffic congestion (index 1.0–4.0 per township and county). "Today" counters restart at Beijing
 * midnight and are sums over 15-minute buckets, so they only grow during the day.
 */
import { beijingDate, beijingMidnight, beijingParts, DAY, dayInfo, HOUR, MINUTE } from '../calendar';
import type { Hospital } from '../emergency/facilities';
import { edLoadAt } from '../emergency/model';
import { type Anchor, at, type Geo, type Placed, placeAnchor, type Township } from '../geo';
import {
  type DailyCurve,
  dailyCurve,
  outpatientIntensity,
  scenicDemand,
  trafficIntensity,
} from '../profiles';
import { clamp, hash32, mulberry32, poisson, valueNoise } from '../random';

export interface ScenicSpot extends Placed {
  spotId: string;
  name: string;
  /** instantaneous capacity (people) */
  capacity: number;
  attract: number;
  /** mean visit duration, hours */
  dwellHours: number;
}

export const SPOT_SPECS: readonly {
  spotId: string;
  name: string;
  anchor: Anchor;
  capacity: number;
  attract: number;
  dwellHours: number;
}[] = [
  {
    spotId: 'SP01',
    name: '国清寺',
    anchor: at(121.0415, 29.1747),
    capacity: 12000,
    attract: 1,
    dwellHours: 2.2,
  },
  {
    spotId: 'SP02',
    name: '天台山华顶',
    anchor: at(121.168, 29.2475),
    capacity: 8000,
    attract: 0.8,
    dwellHours: 3.5,
  },
  { spotId: 'SP03', name: '琼台仙谷', anchor: at(121.0, 29.2), capacity: 6000, attract: 0.85, dwellHours: 3 },
  {
    spotId: 'SP04',
    name: '石梁飞瀑',
    anchor: at(121.09, 29.2605),
    capacity: 7000,
    attract: 0.9,
    dwellHours: 2.8,
  },
];

export function buildSpots(geo: Geo): ScenicSpot[] {
  return SPOT_SPECS.map((s) => ({ ...placeAnchor(geo, s.anchor), ...s }));
}

/** People inside a scenic spot at t. */
export function spotFlowAt(seed: number, spot: ScenicSpot, t: number): number {
  const n =
    1 +
    0.08 * valueNoise(seed, `spot:${spot.spotId}`, t, HOUR) +
    0.06 * valueNoise(seed, `spot-d:${spot.spotId}`, t, DAY);
  return Math.max(0, Math.round(spot.capacity * spot.attract * scenicDemand(t) * n));
}

const BUCKET = 15 * MINUTE;
const memo = new Map<string, Float64Array>();

/**
 * Cumulative count since Beijing midnight, from per-bucket counts (cached per key and day). `count(b0)` gives
 * the (integer) count for the bucket starting at b0. The current bucket is counted pro rata.
 */
function cumulativeToday(key: string, t: number, count: (bucketStart: number) => number): number {
  const day0 = beijingMidnight(t);
  const memoKey = `${key}|${day0}`;
  let cum = memo.get(memoKey);
  if (!cum) {
    cum = new Float64Array(97);
    for (let i = 0; i < 96; i++) cum[i + 1] = (cum[i] ?? 0) + count(day0 + i * BUCKET);
    if (memo.size > 20_000) memo.clear();
    memo.set(memoKey, cum);
  }
  const x = (t - day0) / BUCKET;
  const i = Math.floor(x);
  const a = cum[i] ?? 0;
  const b = cum[i + 1] ?? a;
  return Math.floor(a + (b - a) * (x - i));
}

/** Visitors admitted today up to t. */
export function spotVisitorsToday(seed: number, spot: ScenicSpot, t: number): number {
  return cumulativeToday(`visitors:${seed}:${spot.spotId}`, t, (b0) =>
    Math.round((spotFlowAt(seed, spot, b0 + BUCKET / 2) * (BUCKET / HOUR)) / spot.dwellHours),
  );
}

/** County visitors today: the four spots plus the smaller sites (about a quarter more). */
export function countyVisitorsToday(seed: number, spots: readonly ScenicSpot[], t: number): number {
  return Math.round(spots.reduce((s, sp) => s + spotVisitorsToday(seed, sp, t), 0) * 1.25);
}

// ---------------------------------------------------------------- urban management cases

const CASE_HOURS: DailyCurve = [
  [0, 0.1],
  [6, 0.15],
  [7.5, 0.6],
  [9, 1.6],
  [11, 1.5],
  [12, 0.6],
  [14, 1.4],
  [16.5, 1.4],
  [18, 0.4],
  [21, 0.2],
];
const CASE_MEAN = (() => {
  let s = 0;
  for (let i = 0; i < 96; i++) s += dailyCurve(CASE_HOURS, i / 4 + 0.125);
  return s / 96;
})();

function casesPerDay(t: Township): number {
  if (t.kind === 'subdistrict' || t.name.endsWith('街道'))
    return t.code.endsWith('001') ? 46 : t.code.endsWith('002') ? 40 : 28;
  if (t.kind === 'township' || t.name.endsWith('乡')) return 3;
  return t.code === '331023105' ? 12 : 8;
}

function caseRate(town: Township, t: number): number {
  const info = dayInfo(t);
  const day = info.kind === 'workday' ? 1 : 0.55;
  return (casesPerDay(town) * day * dailyCurve(CASE_HOURS, beijingParts(t).hourFrac)) / CASE_MEAN / 96;
}

export function casesReportedToday(seed: number, town: Township, t: number): number {
  return cumulativeToday(`cases-r:${seed}:${town.code}`, t, (b0) =>
    poisson(caseRate(town, b0 + BUCKET / 2), mulberry32(hash32(seed, 'cases-r', town.code, b0))),
  );
}

/** Cases closed in the 15-minute bucket starting at b0: reports of about two hours earlier. */
function casesClosedIn(seed: number, town: Township, b0: number): number {
  return poisson(
    0.93 * caseRate(town, b0 + BUCKET / 2 - 2 * HOUR),
    mulberry32(hash32(seed, 'cases-c', town.code, b0)),
  );
}

/** Closures follow reports about two hours later (≈ 93 % closed the same working day). */
export function casesClosedToday(seed: number, town: Township, t: number): number {
  return cumulativeToday(`cases-c:${seed}:${town.code}`, t, (b0) => casesClosedIn(seed, town, b0));
}

/**
 * Mean handling time (hours, report → closure) of the cases closed in the bucket starting at b0: about
 * 1.8 h in the subdistricts, 2.3 h in the towns and 3.2 h in the remote townships (longer travel), slower
 * at night and drifting from day to day.
 */
function handlingHoursAt(seed: number, town: Township, b0: number): number {
  const base =
    town.kind === 'subdistrict' || town.name.endsWith('街道')
      ? 1.8
      : town.kind === 'township' || town.name.endsWith('乡')
        ? 3.2
        : 2.3;
  const hour = beijingParts(b0).hourFrac;
  const night = hour < 7 || hour >= 20 ? 1.35 : 1;
  const drift = 1 + 0.2 * valueNoise(seed, `case-h:${town.code}`, b0, DAY);
  return base * night * drift;
}

/** Handling minutes (report → closure) summed over the cases closed today up to t. */
export function caseHandlingMinutesToday(seed: number, town: Township, t: number): number {
  return cumulativeToday(`cases-h:${seed}:${town.code}`, t, (b0) =>
    Math.round(casesClosedIn(seed, town, b0) * handlingHoursAt(seed, town, b0) * 60),
  );
}

// ---------------------------------------------------------------- health

function outpatientPerDay(h: Hospital): number {
  if (h.id === 'H01') return 3600;
  if (h.id === 'H02') return 2300;
  return h.receiving ? 420 : 180;
}
const OUTPATIENT_MEAN = (() => {
  let s = 0;
  const wd = beijingDate(2026, 1, 7); // a Wednesday
  for (let i = 0; i < 96; i++) s += outpatientIntensity(wd + i * BUCKET + BUCKET / 2);
  return s / 96;
})();

export function outpatientVisitsToday(seed: number, h: Hospital, t: number): number {
  return cumulativeToday(`opd:${seed}:${h.id}`, t, (b0) => {
    const mid = b0 + BUCKET / 2;
    const mean = (outpatientPerDay(h) * outpatientIntensity(mid)) / OUTPATIENT_MEAN / 96;
    return Math.round(mean * (1 + 0.12 * valueNoise(seed, `opd:${h.id}`, mid, 3 * HOUR)));
  });
}

/** County ED load: the two county hospitals, weighted by size. */
export function countyEdLoadAt(seed: number, hospitals: readonly Hospital[], t: number): number {
  const h1 = hospitals.find((h) => h.id === 'H01');
  const h2 = hospitals.find((h) => h.id === 'H02');
  if (!h1 || !h2) return 0;
  return edLoadAt(seed, h1, t) * 0.6 + edLoadAt(seed, h2, t) * 0.4;
}

// ---------------------------------------------------------------- traffic

/** Rush-hour amplitude and scenic-traffic amplitude per township. */
function trafficAmp(t: Township): { rush: number; scenic: number; weight: number } {
  switch (t.code) {
    case '331023001':
      return { rush: 1.9, scenic: 1.3, weight: 3 };
    case '331023002':
      return { rush: 1.75, scenic: 0.2, weight: 3 };
    case '331023003':
      return { rush: 1.5, scenic: 0.1, weight: 2.5 };
    case '331023102':
      return { rush: 0.45, scenic: 1.9, weight: 1 };
    case '331023105':
      return { rush: 0.95, scenic: 0, weight: 1.5 };
    case '331023106':
      return { rush: 0.85, scenic: 0.1, weight: 1.2 };
    case '331023101':
      return { rush: 0.7, scenic: 0.4, weight: 1 };
    default:
      return t.kind === 'township' || t.name.endsWith('乡')
        ? { rush: 0.3, scenic: 0, weight: 0.5 }
        : { rush: 0.55, scenic: 0.1, weight: 0.8 };
  }
}

export function congestionIndexAt(seed: number, town: Township, t: number): number {
  const a = trafficAmp(town);
  const n =
    1 +
    0.1 * valueNoise(seed, `traffic:${town.code}`, t, HOUR) +
    0.05 * valueNoise(seed, `traffic-d:${town.code}`, t, DAY);
  return clamp(1 + (a.rush * trafficIntensity(t) + a.scenic * scenicDemand(t)) * n, 1, 4);
}

export function countyCongestionAt(seed: number, towns: readonly Township[], t: number): number {
  let s = 0;
  let w = 0;
  for (const town of towns) {
    const a = trafficAmp(town);
    s += congestionIndexAt(seed, town, t) * a.weight;
    w += a.weight;
  }
  return w === 0 ? 1 : s / w;
}

export function congestionLevel(index: number): string {
  return index < 1.5
    ? '畅通'
    : index < 2
      ? '基本畅通'
      : index < 2.5
        ? '轻度拥堵'
        : index < 3
          ? '中度拥堵'
          : '严重拥堵';
}
