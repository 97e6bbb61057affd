import { type DailyAqiRecord, type GoodDayProgress, yearGoodDayProgress } from './good-days';
import { parseDate } from './time';

export interface YearToDate extends GoodDayProgress {
  /** Days of the year up to `asOf` that have a daily record (valid or not): the days the figure counts. */
  countedDays: number;
  /** Of those, days that came from the stored history only (not in the recent window). */
  storedDays: number;
  /** The first counted date, or null when there is none. */
  firstDate: string | null;
}

/**
 * The year-to-date good-day progress (优良天数比例 and the non-good days still allowed) from the stored
 * daily history plus the recent window (which wins on a date both hold: it is the newer computation).
 * Only dates of `asOf`'s year up to `asOf` count.
 */
export function yearToDateGoodDays(
  stored: readonly DailyAqiRecord[],
  recent: readonly DailyAqiRecord[],
  opts: { asOf: string; target?: number },
): YearToDate {
  const [year] = parseDate(opts.asOf);
  const from = `${year}-01-01`;
  const inYear = (d: DailyAqiRecord) => d.date >= from && d.date <= opts.asOf;
  const byDate = new Map<string, DailyAqiRecord>();
  for (const d of stored) if (inYear(d)) byDate.set(d.date, d);
  const recentDates = new Set<string>();
  for (const d of recent)
    if (inYear(d)) {
      byDate.set(d.date, d);
      recentDates.add(d.date);
    }
  const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  const progress = yearGoodDayProgress(days, year, {
    asOf: opts.asOf,
    ...(opts.target === undefined ? {} : { target: opts.target }),
  });
  return {
    ...progress,
    countedDays: days.length,
    storedDays: days.filter((d) => !recentDates.has(d.date)).length,
    firstDate: days[0]?.date ?? null,
  };
}
