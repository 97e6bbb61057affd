/**
 * Calendar arithmetic on Beijing dates ('YYYY-MM-DD') for the environmental statistics. Beijing time itself
 * (fixed UTC+8, never the machine's zone) has one home, `../../time/beijing`; its date helpers are re-exported
 * here under the names the eco analysis uses.
 */
import { BEIJING_OFFSET_MS, DAY_MS, daysInMonth, parseDateKey } from '../../time/beijing';

export {
  BEIJING_OFFSET_MS,
  beijingDateKey as beijingDateOf,
  beijingDayStart,
  DAY_MS,
  daysInMonth,
  HOUR_MS,
  parseDateKey as parseDate,
} from '../../time/beijing';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** 1-based day of the year of a date (Jan 1 → 1, Dec 31 → 365/366). */
export function dayOfYear(date: string): number {
  const [y, m, d] = parseDateKey(date);
  return (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / DAY_MS + 1;
}

/** The date n days after (n < 0: before) a date. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parseDateKey(date);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * The same Beijing wall-clock instant `years` calendar years earlier/later (同比). 29 February maps
 * to 28 February in a non-leap year.
 */
export function shiftBeijingYears(ms: number, years: number): number {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  const y = d.getUTCFullYear() + years;
  const mo = d.getUTCMonth();
  const day = Math.min(d.getUTCDate(), daysInMonth(y, mo + 1));
  const wall = Date.UTC(
    y,
    mo,
    day,
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
  return wall - BEIJING_OFFSET_MS;
}
