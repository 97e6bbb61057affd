/**
 * Beijing time helpers and the simulator's view of the public-holiday calendar. The holiday and make-up
 * workday dates are the shared State Council schedule in `@cockpit/domain/calendar` (one table for the
 * simulator, parking prediction and trauma congestion); only the demand knob `scenicIntensity` lives here.
 */
import {
  type HolidayName,
  HOLIDAYS as OFFICIAL_HOLIDAYS,
  type HolidayPeriod as OfficialHolidayPeriod,
} from '@cockpit/domain/calendar';

export type { HolidayName };

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** Beijing is UTC+8 all year (no daylight saving). */
export const BEIJING_OFFSET_MS = 8 * HOUR;

export interface BeijingParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** hour of day with fraction, 0 ≤ h < 24 */
  hourFrac: number;
}

export function beijingParts(t: number): BeijingParts {
  const d = new Date(t + BEIJING_OFFSET_MS);
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

/** Days since 1970-01-01 in Beijing time. */
export function beijingDayIndex(t: number): number {
  return Math.floor((t + BEIJING_OFFSET_MS) / DAY);
}

/** The instant of Beijing midnight starting the day that contains t. */
export function beijingMidnight(t: number): number {
  return beijingDayIndex(t) * DAY - BEIJING_OFFSET_MS;
}

/** The instant of Beijing midnight of a given calendar date. */
export function beijingDate(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - BEIJING_OFFSET_MS;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** "yyyy-MM-dd HH:mm:ss" in Beijing time (the vendor / national-platform style). */
export function formatBeijing(t: number): string {
  const p = beijingParts(t);
  return `${p.year}-${p2(p.month)}-${p2(p.day)} ${p2(p.hour)}:${p2(p.minute)}:${p2(p.second)}`;
}

/** "yyyyMMddHHmm" in Beijing time (used in ids). */
export function compactBeijing(t: number): string {
  const p = beijingParts(t);
  return `${p.year}${p2(p.month)}${p2(p.day)}${p2(p.hour)}${p2(p.minute)}`;
}

/** "yyyy-MM-dd" in Beijing time. */
export function beijingDateString(t: number): string {
  const p = beijingParts(t);
  return `${p.year}-${p2(p.month)}-${p2(p.day)}`;
}

const VENDOR_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Parses "yyyy-MM-dd HH:mm[:ss]" as Beijing time; undefined when malformed. */
export function parseBeijing(s: string): number | undefined {
  const m = VENDOR_RE.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se] = m;
  const t = beijingDate(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(se ?? '0'));
  // reject impossible dates such as 2026-02-31 (Date.UTC would roll them over)
  return formatBeijing(t).startsWith(`${y}-${mo}-${d} ${h}:${mi}`) ? t : undefined;
}

/** How much each holiday drives scenic-area demand in the simulation, 0..1 (a simulation knob, not data). */
const SCENIC_INTENSITY: Readonly<Record<HolidayName, number>> = {
  NewYear: 0.45,
  SpringFestival: 0.7,
  Qingming: 0.65,
  LabourDay: 0.9,
  DragonBoat: 0.6,
  MidAutumn: 0.7,
  NationalDay: 1,
};

export interface HolidayPeriod extends OfficialHolidayPeriod {
  /** how much this holiday drives scenic-area demand, 0..1 */
  scenicIntensity: number;
}

/** The shared State Council schedule (`@cockpit/domain/calendar`) with the simulation's demand knob. */
export const HOLIDAYS: readonly HolidayPeriod[] = OFFICIAL_HOLIDAYS.map((h) => ({
  ...h,
  scenicIntensity: SCENIC_INTENSITY[h.name],
}));

function dayIndexOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY);
}

interface IndexedHoliday {
  period: HolidayPeriod;
  first: number;
  last: number;
}
const INDEXED: IndexedHoliday[] = HOLIDAYS.map((period) => ({
  period,
  first: dayIndexOf(period.from),
  last: dayIndexOf(period.to),
}));
const MAKEUP = new Set(HOLIDAYS.flatMap((h) => h.makeupWorkdays.map(dayIndexOf)));

export type DayKind = 'workday' | 'weekend' | 'holiday';

export interface DayInfo {
  kind: DayKind;
  /** Beijing day index (days since 1970-01-01) */
  dayIndex: number;
  weekday: number;
  month: number;
  holiday?: {
    name: HolidayName;
    label: string;
    /** 1-based day number within the holiday */
    dayNo: number;
    length: number;
    scenicIntensity: number;
  };
  /** true for a weekend day that is a working day (调休) */
  makeup: boolean;
  /** true in the school summer holidays (Jul 10 – Aug 31) */
  summer: boolean;
}

/** What kind of day (in Beijing time) the instant t falls on. */
export function dayInfo(t: number): DayInfo {
  const dayIndex = beijingDayIndex(t);
  const p = beijingParts(t);
  const summer = (p.month === 7 && p.day >= 10) || p.month === 8;
  for (const h of INDEXED) {
    if (dayIndex >= h.first && dayIndex <= h.last) {
      return {
        kind: 'holiday',
        dayIndex,
        weekday: p.weekday,
        month: p.month,
        makeup: false,
        summer,
        holiday: {
          name: h.period.name,
          label: h.period.label,
          dayNo: dayIndex - h.first + 1,
          length: h.last - h.first + 1,
          scenicIntensity: h.period.scenicIntensity,
        },
      };
    }
  }
  const makeup = MAKEUP.has(dayIndex);
  const weekendDay = p.weekday === 0 || p.weekday === 6;
  return {
    kind: weekendDay && !makeup ? 'weekend' : 'workday',
    dayIndex,
    weekday: p.weekday,
    month: p.month,
    makeup,
    summer,
  };
}
