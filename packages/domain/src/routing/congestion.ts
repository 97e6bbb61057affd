/**
 * Time-of-day congestion profile — a MODEL, not measured data.
 *
 * The factor multiplies free-flow travel time (factor 1.6 ≈ speed / 1.6). It is a smooth,
 * plausible shape for a Chinese county town (Beijing time, UTC+8), to be replaced by
 * calibrated values (e.g. from floating-car / checkpoint speeds) when available:
 *
 * - night (≈ 23:00–06:00): free flow, factor 1;
 * - daytime base load ramping up 06–08 and down 21–23;
 * - workdays: commuting peaks 07:00–09:00 and 17:00–19:00 (evening slightly heavier),
 *   strongest on arterials, then collectors, mild on local streets, small on expressways;
 * - weekends: no commute peaks, moderate late-morning (09:30–11:30) and afternoon
 *   (15:30–18:00) shopping/leisure humps;
 * - holidays: tourist traffic (scenic areas) — outbound late morning (08:30–11:00) and return
 *   (15:00–18:00), with more load on expressways than on weekends.
 *
 * Every factor is ≥ 1, which keeps the A* heuristic (based on maximum free-flow speed) admissible.
 */
import { beijingHourOfDay } from '../time/beijing';
import type { CostFactorFn } from './cost';
import type { RoadClass } from './types';

export type DayKind = 'workday' | 'weekend' | 'holiday';

/** Peak amplitude per class (added to 1 at the height of a workday evening peak ≈ 1.1×). */
const PEAK: Readonly<Record<RoadClass, number>> = {
  expressway: 0.12,
  arterial: 0.7,
  collector: 0.5,
  local: 0.2,
};

/** Daytime base load per class. */
const BASE: Readonly<Record<RoadClass, number>> = {
  expressway: 0.03,
  arterial: 0.12,
  collector: 0.08,
  local: 0.04,
};

/** 1 inside [start, end], raised-cosine ramps of width `ramp` on each side, 0 elsewhere. */
function plateau(h: number, start: number, end: number, ramp: number): number {
  if (h >= start && h <= end) return 1;
  const d = h < start ? start - h : h - end;
  if (d >= ramp) return 0;
  return 0.5 * (1 + Math.cos((Math.PI * d) / ramp));
}

function normHour(hour: number): number {
  if (!Number.isFinite(hour)) throw new RangeError(`hour must be finite (got ${hour})`);
  return ((hour % 24) + 24) % 24;
}

/**
 * Congestion multiplier (≥ 1) on free-flow travel time for a road class at a Beijing-time
 * hour of day (fractional hours allowed, wrapped to [0, 24)).
 */
export function congestionFactor(roadClass: RoadClass, hourOfDayBeijing: number, dayKind: DayKind): number {
  const h = normHour(hourOfDayBeijing);
  const peak = PEAK[roadClass];
  const base = BASE[roadClass];
  if (peak === undefined || base === undefined)
    throw new RangeError(`unknown road class ${String(roadClass)}`);
  const daytime = plateau(h, 8, 21, 2);
  let load: number;
  switch (dayKind) {
    case 'workday':
      load = peak * (plateau(h, 7, 9, 0.75) + 1.1 * plateau(h, 17, 19, 0.75));
      break;
    case 'weekend':
      load = peak * (0.35 * plateau(h, 9.5, 11.5, 1) + 0.4 * plateau(h, 15.5, 18, 1));
      break;
    case 'holiday': {
      const k = roadClass === 'expressway' ? 2.5 : 1;
      load = peak * k * (0.5 * plateau(h, 8.5, 11, 1) + 0.55 * plateau(h, 15, 18, 1));
      break;
    }
    default:
      throw new RangeError(`unknown day kind ${String(dayKind)}`);
  }
  return 1 + base * daytime + load;
}

/**
 * A `costFactor` for the search options: `congestionFactor` at a fixed hour/day kind,
 * precomputed for the four classes.
 */
export function congestionCostFactor(hourOfDayBeijing: number, dayKind: DayKind): CostFactorFn {
  const table: Record<RoadClass, number> = {
    expressway: congestionFactor('expressway', hourOfDayBeijing, dayKind),
    arterial: congestionFactor('arterial', hourOfDayBeijing, dayKind),
    collector: congestionFactor('collector', hourOfDayBeijing, dayKind),
    local: congestionFactor('local', hourOfDayBeijing, dayKind),
  };
  return (roadClass) => table[roadClass];
}

/** Fractional hour of day in Beijing time (UTC+8, no DST) for an instant. */
export function beijingHour(date: Date): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid date');
  return beijingHourOfDay(ms);
}
