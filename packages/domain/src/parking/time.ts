/**
 * Beijing-time helpers for the parking domain: the one home is `../time/beijing` (fixed UTC+8, never the
 * machine's zone); this module re-exports it and adds the day-kind calendar. Instants are epoch milliseconds.
 */
import type { DayKind } from '../routing/index';
import { beijingDateKey, beijingWeekday } from '../time/beijing';

export {
  BEIJING_OFFSET_MS,
  beijingDateKey,
  beijingDayIndex,
  beijingHourStart,
  beijingMidnight,
  beijingMinuteOfDay,
  beijingTime,
  beijingWeekday,
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
} from '../time/beijing';
export type { DayKind };

/** The calendar as a function: which kind of day (Beijing date) an instant falls on. */
export type DayKindOf = (ms: number) => DayKind;

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
