/**
 * The one home of Beijing time (Asia/Shanghai). Beijing is UTC+8 all year (China has no daylight saving
 * since 1991), so every computation adds a fixed offset and never reads the machine's time zone. Instants
 * are epoch milliseconds; calendar dates are 'YYYY-MM-DD' strings on the Beijing calendar. The BFF, the
 * web app, the domain computations and the simulator all use these (`@cockpit/domain/time`).
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Beijing time = UTC + 8 h, fixed. */
export const BEIJING_OFFSET_MS = 8 * HOUR_MS;
/** The IANA zone, for `Intl.DateTimeFormat` where a localised text (weekday names) is wanted. */
export const BEIJING_TIME_ZONE = 'Asia/Shanghai';

function assertFinite(ms: number, what = 'time'): void {
  if (!Number.isFinite(ms)) throw new RangeError(`${what} must be a finite epoch-ms number (got ${ms})`);
}

const p2 = (n: number): string => String(n).padStart(2, '0');
const p4 = (n: number): string => String(n).padStart(4, '0');

export interface BeijingParts {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Hour of day with its fraction, 0 ≤ h < 24. */
  hourFrac: number;
}

/** The Beijing wall-clock fields of an instant. RangeError for a non-finite time. */
export function beijingParts(ms: number): BeijingParts {
  assertFinite(ms);
  const d = new Date(ms + BEIJING_OFFSET_MS);
  const hour = d.getUTCHours();
  const minute = d.getUTCMinutes();
  const second = d.getUTCSeconds();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour,
    minute,
    second,
    weekday: d.getUTCDay(),
    hourFrac: hour + minute / 60 + (second + d.getUTCMilliseconds() / 1000) / 3600,
  };
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

/** Hour of the Beijing day, fractional, in [0, 24). */
export function beijingHourOfDay(ms: number): number {
  return beijingMinuteOfDay(ms) / 60;
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

/** 'YYYY-MM-DD' of the Beijing date containing `ms`. */
export function beijingDateKey(ms: number): string {
  const p = beijingParts(ms);
  return `${p4(p.year)}-${p2(p.month)}-${p2(p.day)}`;
}

/** The instant of a Beijing wall-clock time (month 1..12). Out-of-range fields roll over as in Date.UTC. */
export function beijingTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - BEIJING_OFFSET_MS;
}

/** Days in a calendar month (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** [year, month 1..12, day] of a 'YYYY-MM-DD' date; RangeError when malformed or not a calendar date. */
export function parseDateKey(date: string): [number, number, number] {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) throw new RangeError(`expected a 'YYYY-MM-DD' date, got ${JSON.stringify(date)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo))
    throw new RangeError(`not a calendar date: ${date}`);
  return [y, mo, d];
}

/** The instant of 00:00 Beijing time on a 'YYYY-MM-DD' date (RangeError when it is not one). */
export function beijingDayStart(date: string): number {
  const [y, m, d] = parseDateKey(date);
  return beijingTime(y, m, d);
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Parses a Beijing wall-clock text 'yyyy-MM-dd HH:mm[:ss]' (a 'T' instead of the space, as an HTML
 * `datetime-local` input gives, is accepted) into an instant. Undefined when malformed or impossible
 * (2026-02-31, 24:00, 12:60), never a rolled-over date.
 */
export function parseBeijingLocal(text: string): number | undefined {
  const m = typeof text === 'string' ? LOCAL_RE.exec(text.trim()) : null;
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? '0')) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  return beijingTime(y, mo, d, h, mi, s);
}

export type BeijingFormat =
  | 'yyyy-MM-dd HH:mm:ss'
  | 'yyyyMMddHHmm'
  | 'HH:mm:ss'
  | 'HH:mm'
  | 'HH:00'
  | 'MM-dd HH:00';

/**
 * An instant (epoch ms, or an ISO 8601 text) as Beijing wall-clock text in one of the house formats:
 * 'yyyy-MM-dd HH:mm:ss' (the vendor / national-platform style), 'yyyyMMddHHmm' (ids), 'HH:mm:ss' (clocks),
 * 'HH:mm', 'HH:00' and 'MM-dd HH:00' (chart axes). RangeError for an invalid time.
 */
export function formatBeijing(at: number | string, format: BeijingFormat = 'yyyy-MM-dd HH:mm:ss'): string {
  const p = beijingParts(typeof at === 'string' ? Date.parse(at) : at);
  const date = `${p4(p.year)}-${p2(p.month)}-${p2(p.day)}`;
  const hm = `${p2(p.hour)}:${p2(p.minute)}`;
  switch (format) {
    case 'yyyy-MM-dd HH:mm:ss':
      return `${date} ${hm}:${p2(p.second)}`;
    case 'yyyyMMddHHmm':
      return `${p4(p.year)}${p2(p.month)}${p2(p.day)}${p2(p.hour)}${p2(p.minute)}`;
    case 'HH:mm:ss':
      return `${hm}:${p2(p.second)}`;
    case 'HH:mm':
      return hm;
    case 'HH:00':
      return `${p2(p.hour)}:00`;
    case 'MM-dd HH:00':
      return `${p2(p.month)}-${p2(p.day)} ${p2(p.hour)}:00`;
  }
}
