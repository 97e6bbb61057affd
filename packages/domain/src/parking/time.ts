/**
 * Beijing-time helpers for the parking domain. Beijing is UTC+8 all year (no daylight saving), so every
 * computation uses a fixed offset and never the machine's time zone. Instants are epoch milliseconds.
 */
import type { DayKind } from '../routing/index';

export type { DayKind };

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Beijing time = UTC + 8 h, fixed. */
export const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/** The calendar as a function: which kind of day (Beijing date) an instant falls on. */
export type DayKindOf = (ms: number) => DayKind;

function assertFinite(ms: number, what = 'time'): void {
  if (!Number.isFinite(ms)) throw new RangeError(`${what} must be a finite epoch-ms number (got ${ms})`);
}

/** Days since 1970-01-01 on the Beijing calendar. */
export function beijingDayIndex(ms: number): number {
  assertFinite(ms);
  return Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS);
}

/** The instant of the Beijing midnight that starts the day containing `ms`. */
export function beijingMidnight(ms: number): number {
  return beijingDayIndex(ms) * DAY_MS - BEIJING_OFFSET_MS;
}

/** Minutes since Beijing midnight, fractional, in [0, 1440). */
export function beijingMinuteOfDay(ms: number): number {
  assertFinite(ms);
  const local = (((ms + BEIJING_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return local / MINUTE_MS;
}

/** The instant starting the Beijing clock hour that contains `ms`. */
export function beijingHourStart(ms: number): number {
  assertFinite(ms);
  return Math.floor((ms + BEIJING_OFFSET_MS) / HOUR_MS) * HOUR_MS - BEIJING_OFFSET_MS;
}

/** Weekday on the Beijing calendar: 0 = Sunday … 6 = Saturday. */
export function beijingWeekday(ms: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((beijingDayIndex(ms) + 4) % 7) + 7) % 7;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** "YYYY-MM-DD" of the Beijing date containing `ms`. */
export function beijingDateKey(ms: number): string {
  assertFinite(ms);
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}

/** The instant of Beijing midnight of a calendar date (month 1..12), plus an optional time of day. */
export function beijingTime(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - BEIJING_OFFSET_MS;
}

const DATE_KEY_RE = /^\d{4}-\d{2}-\d{2}$/;

export interface CalendarSpec {
  /** Public-holiday dates "YYYY-MM-DD" (Beijing), including holiday weekends. */
  holidays?: Iterable<string>;
  /** Weekend dates that are working days (调休 make-up workdays) "YYYY-MM-DD". */
  makeupWorkdays?: Iterable<string>;
}

/**
 * A `DayKindOf` calendar from explicit date lists: a listed holiday → 'holiday'; a listed make-up
 * workday → 'workday'; otherwise Saturday/Sunday → 'weekend' and Monday–Friday → 'workday'.
 * The caller owns the holiday list (it changes every year by State Council notice).
 */
export function makeCalendar(spec: CalendarSpec = {}): DayKindOf {
  const holidays = new Set<string>();
  const makeup = new Set<string>();
  for (const d of spec.holidays ?? []) {
    if (!DATE_KEY_RE.test(d)) throw new RangeError(`holiday date must be YYYY-MM-DD (got ${d})`);
    holidays.add(d);
  }
  for (const d of spec.makeupWorkdays ?? []) {
    if (!DATE_KEY_RE.test(d)) throw new RangeError(`make-up workday must be YYYY-MM-DD (got ${d})`);
    makeup.add(d);
  }
  return (ms: number): DayKind => {
    const key = beijingDateKey(ms);
    if (holidays.has(key)) return 'holiday';
    if (makeup.has(key)) return 'workday';
    const wd = beijingWeekday(ms);
    return wd === 0 || wd === 6 ? 'weekend' : 'workday';
  };
}
