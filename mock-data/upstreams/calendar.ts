/**
 * The simulator's view of the public-holiday calendar (and Beijing time, re-exported). The holiday and make-up
 * workday dates are the shared State Council schedule in `@cockpit/domain/calendar` (one table for the
 * simulator, parking prediction and trauma congestion); only the demand knob `scenicIntensity` lives here.
 */
import {
  type HolidayName,
  HOLIDAYS as OFFICIAL_HOLIDAYS,
  type HolidayPeriod as OfficialHolidayPeriod,
} from '@cockpit/domain/calendar';
import { beijingDayIndex, beijingParts, DAY_MS as DAY, formatBeijing } from '@cockpit/domain/time';

export type { BeijingParts } from '@cockpit/domain/time';
/** Beijing time (UTC+8 all year, no daylight saving) has one home, `@cockpit/domain/time`; re-exported here. */
export {
  BEIJING_OFFSET_MS,
  beijingDateKey as beijingDateString,
  beijingDayIndex,
  beijingMidnight,
  beijingParts,
  beijingTime as beijingDate,
  DAY_MS as DAY,
  formatBeijing,
  HOUR_MS as HOUR,
  MINUTE_MS as MINUTE,
  parseBeijingLocal as parseBeijing,
} from '@cockpit/domain/time';
export type { HolidayName };

/** "yyyyMMddHHmm" in Beijing time (used in ids). */
export function compactBeijing(t: number): string {
  return formatBeijing(t, 'yyyyMMddHHmm');
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
