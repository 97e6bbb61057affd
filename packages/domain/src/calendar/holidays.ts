/**
 * The official public-holiday (放假) and make-up working-day (调休上班) schedule of the State Council
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知), the one shared configuration that parking prediction, trauma
 * congestion and the simulator all read.
 *
 * Sources:
 * - 2025: 《国务院办公厅关于2025年部分节假日安排的通知》(国办发明电〔2024〕12号, 2024-11-12), following the
 *   amended 《全国年节及纪念日放假办法》(国务院令第795号, from 2025-01-01: 春节 and 劳动节 one day longer, 除夕 off).
 * - 2026: 《国务院办公厅关于2026年部分节假日安排的通知》(国办发明电〔2025〕7号).
 * - 2027: PROVISIONAL. Derived from the 2027 lunar dates and the 795号 rules; not yet checked against the
 *   State Council's 2027 notice (this workplace is offline). Marked `provisional`; the health view says so for
 *   dates in 2027, and the table must be replaced by the notice's dates.
 *
 * Dates outside the table (before 2025, after 2027) fall back to the plain rule: Saturday and Sunday are
 * weekend days, Monday–Friday workdays (`calendarDay(...).source === 'fallback'`).
 */
import { type DayKindOf, makeCalendar } from '../parking/time';
import type { DayKind } from '../routing/index';
import { beijingDateKey, beijingWeekday } from '../time/beijing';

export type HolidayName =
  | 'NewYear'
  | 'SpringFestival'
  | 'Qingming'
  | 'LabourDay'
  | 'DragonBoat'
  | 'MidAutumn'
  | 'NationalDay';

export interface HolidayPeriod {
  name: HolidayName;
  label: string;
  /** First and last day off, inclusive, "YYYY-MM-DD" (Beijing). */
  from: string;
  to: string;
  /** Weekend days that are working days (调休上班), "YYYY-MM-DD". */
  makeupWorkdays: readonly string[];
}

export interface HolidayYear {
  year: number;
  /** The notice the dates come from. */
  source: string;
  /** True while the year's dates are not yet checked against the State Council notice. */
  provisional: boolean;
  periods: readonly HolidayPeriod[];
}

export const HOLIDAY_SCHEDULE: readonly HolidayYear[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    provisional: false,
    periods: [
      { name: 'NewYear', label: '元旦', from: '2025-01-01', to: '2025-01-01', makeupWorkdays: [] },
      {
        name: 'SpringFestival',
        label: '春节',
        from: '2025-01-28',
        to: '2025-02-04',
        makeupWorkdays: ['2025-01-26', '2025-02-08'],
      },
      { name: 'Qingming', label: '清明节', from: '2025-04-04', to: '2025-04-06', makeupWorkdays: [] },
      {
        name: 'LabourDay',
        label: '劳动节',
        from: '2025-05-01',
        to: '2025-05-05',
        makeupWorkdays: ['2025-04-27'],
      },
      { name: 'DragonBoat', label: '端午节', from: '2025-05-31', to: '2025-06-02', makeupWorkdays: [] },
      {
        name: 'NationalDay',
        label: '国庆节、中秋节',
        from: '2025-10-01',
        to: '2025-10-08',
        makeupWorkdays: ['2025-09-28', '2025-10-11'],
      },
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）',
    provisional: false,
    periods: [
      {
        name: 'NewYear',
        label: '元旦',
        from: '2026-01-01',
        to: '2026-01-03',
        makeupWorkdays: ['2026-01-04'],
      },
      {
        name: 'SpringFestival',
        label: '春节',
        from: '2026-02-15',
        to: '2026-02-23',
        makeupWorkdays: ['2026-02-14', '2026-02-28'],
      },
      { name: 'Qingming', label: '清明节', from: '2026-04-04', to: '2026-04-06', makeupWorkdays: [] },
      {
        name: 'LabourDay',
        label: '劳动节',
        from: '2026-05-01',
        to: '2026-05-05',
        makeupWorkdays: ['2026-05-09'],
      },
      { name: 'DragonBoat', label: '端午节', from: '2026-06-19', to: '2026-06-21', makeupWorkdays: [] },
      { name: 'MidAutumn', label: '中秋节', from: '2026-09-25', to: '2026-09-27', makeupWorkdays: [] },
      {
        name: 'NationalDay',
        label: '国庆节',
        from: '2026-10-01',
        to: '2026-10-07',
        makeupWorkdays: ['2026-09-20', '2026-10-10'],
      },
    ],
  },
  {
    year: 2027,
    source:
      'provisional: derived from the 2027 lunar dates and 国务院令第795号; replace with the 2027 notice',
    provisional: true,
    periods: [
      { name: 'NewYear', label: '元旦', from: '2027-01-01', to: '2027-01-03', makeupWorkdays: [] },
      {
        name: 'SpringFestival',
        label: '春节',
        from: '2027-02-05',
        to: '2027-02-12',
        makeupWorkdays: ['2027-02-14'],
      },
      { name: 'Qingming', label: '清明节', from: '2027-04-03', to: '2027-04-05', makeupWorkdays: [] },
      { name: 'LabourDay', label: '劳动节', from: '2027-05-01', to: '2027-05-05', makeupWorkdays: [] },
      { name: 'DragonBoat', label: '端午节', from: '2027-06-09', to: '2027-06-11', makeupWorkdays: [] },
      { name: 'MidAutumn', label: '中秋节', from: '2027-09-15', to: '2027-09-17', makeupWorkdays: [] },
      { name: 'NationalDay', label: '国庆节', from: '2027-10-01', to: '2027-10-07', makeupWorkdays: [] },
    ],
  },
];

/** Every holiday period of the table, in date order. */
export const HOLIDAYS: readonly HolidayPeriod[] = HOLIDAY_SCHEDULE.flatMap((y) => y.periods);

/** Every date "YYYY-MM-DD" from `from` to `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = start; t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const tableCalendar = makeCalendar({
  holidays: HOLIDAYS.flatMap((h) => datesBetween(h.from, h.to)),
  makeupWorkdays: HOLIDAYS.flatMap((h) => h.makeupWorkdays),
});
const YEARS = new Map(HOLIDAY_SCHEDULE.map((y) => [y.year, y]));

/** First and last date the table covers. */
export const CALENDAR_COVERAGE = {
  from: `${HOLIDAY_SCHEDULE[0]!.year}-01-01`,
  to: `${HOLIDAY_SCHEDULE[HOLIDAY_SCHEDULE.length - 1]!.year}-12-31`,
} as const;

export interface CalendarDay {
  /** "YYYY-MM-DD", Beijing. */
  date: string;
  kind: DayKind;
  /** 'official': from a checked notice; 'provisional': from the table's unchecked year; 'fallback': outside the table (weekday/weekend only). */
  source: 'official' | 'provisional' | 'fallback';
  /** The holiday's label when the day is one. */
  holiday?: string;
}

/** The kind of the Beijing day containing `ms`, and where that answer comes from. */
export function calendarDay(ms: number): CalendarDay {
  const date = beijingDateKey(ms);
  const year = YEARS.get(Number(date.slice(0, 4)));
  if (!year) {
    const wd = beijingWeekday(ms);
    return { date, kind: wd === 0 || wd === 6 ? 'weekend' : 'workday', source: 'fallback' };
  }
  const kind = tableCalendar(ms);
  const period = kind === 'holiday' ? year.periods.find((p) => p.from <= date && date <= p.to) : undefined;
  return {
    date,
    kind,
    source: year.provisional ? 'provisional' : 'official',
    ...(period ? { holiday: period.label } : {}),
  };
}

/** The shared calendar as a `DayKindOf` (workday / weekend / holiday), for prediction and congestion. */
export const officialDayKind: DayKindOf = (ms) => calendarDay(ms).kind;
