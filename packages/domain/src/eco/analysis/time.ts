/**
 * Beijing calendar helpers (Asia/Shanghai, fixed UTC+8: China has no DST). Days, months and years of
 * the environmental statistics are Beijing ones, independent of the machine's time zone.
 */

export const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Beijing calendar date 'YYYY-MM-DD' of an instant (epoch ms). */
export function beijingDateOf(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`beijingDateOf: time must be finite, got ${ms}`);
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** [year, month 1..12, day] of a 'YYYY-MM-DD' date; RangeError when malformed or not a real date. */
export function parseDate(date: string): [number, number, number] {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) throw new RangeError(`expected a 'YYYY-MM-DD' date, got ${JSON.stringify(date)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return [y, mo, d];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Epoch ms of 00:00 Beijing time on a 'YYYY-MM-DD' date. */
export function beijingDayStart(date: string): number {
  const [y, m, d] = parseDate(date);
  return Date.UTC(y, m - 1, d) - BEIJING_OFFSET_MS;
}

/** 1-based day of the year of a date (Jan 1 → 1, Dec 31 → 365/366). */
export function dayOfYear(date: string): number {
  const [y, m, d] = parseDate(date);
  return (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / DAY_MS + 1;
}

/** The date n days after (n < 0: before) a date. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parseDate(date);
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
