/**
 * Share of good days (优良天数比例): days with a daily AQI ≤ 100 ÷ days with a valid daily AQI,
 * over Beijing calendar dates ('YYYY-MM-DD', see `beijingDateOf`). Days without a valid AQI
 * (`aqi: null`, or no record) are left out of both numerator and denominator, and so are INCOMPLETE days
 * (`complete: false`: a pollutant lacks enough valid hours, HJ 663-2013) unless `countIncomplete: true` —
 * an incomplete day is never counted as a good day by default.
 *
 * Year target and slack (`yearGoodDayProgress`), as of a date D of year Y (inclusive):
 *
 *   V = valid days up to D, G = good days among them, N = V − G (non-good days so far)
 *   R = remaining days of the year after D = daysInYear(Y) − dayOfYear(D)
 *   projected valid days P = V + R (assumes every remaining day gets a valid AQI)
 *   good days needed  = ⌈target · P⌉
 *   non-good allowed  = P − ⌈target · P⌉
 *   slackDays         = non-good allowed − N
 *
 * slackDays is how many more non-good days can still occur this year while meeting the target;
 * negative means the target can no longer be met (`reachable: false`). Example: 2023 (365 days),
 * target 0.95 → 347 good days needed of 365, 18 non-good allowed; with 5 non-good days by 30 June
 * the slack is 13.
 */
import { addDays, dayOfYear, daysInMonth, daysInYear, parseDate } from './time';

export interface DailyAqiRecord {
  /** Beijing date 'YYYY-MM-DD'. */
  date: string;
  /** Daily AQI, or null when the day has no valid AQI. */
  aqi: number | null;
  /** False when a HJ 663 evaluation item lacks enough valid hours (see `dailyAirQuality`). Default true. */
  complete?: boolean;
}

export interface GoodDayOptions {
  /** Count incomplete days (their partial AQI) as valid days. Default false. */
  countIncomplete?: boolean;
}

export interface GoodDayShare {
  /** Inclusive date range. */
  from: string;
  to: string;
  validDays: number;
  goodDays: number;
  share: number | null;
}

export interface GoodDayProgress extends GoodDayShare {
  year: number;
  target: number;
  asOf: string;
  daysInYear: number;
  elapsedDays: number;
  remainingDays: number;
  nonGoodDays: number;
  goodDaysNeeded: number;
  allowedNonGoodDays: number;
  slackDays: number;
  /** Current share ≥ target (false when there is no valid day yet). */
  onTrack: boolean;
  /** The target can still be met (slackDays ≥ 0). */
  reachable: boolean;
  /** The share if every remaining day is good. */
  bestPossibleShare: number | null;
}

/** AQI ≤ this is a good (优良) day. */
export const GOOD_DAY_MAX_AQI = 100;

function indexRecords(
  fn: string,
  days: readonly DailyAqiRecord[],
  opts: GoodDayOptions = {},
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const d of days) {
    parseDate(d.date);
    if (out.has(d.date)) throw new RangeError(`${fn}: duplicate date ${d.date}`);
    if (d.aqi !== null && (typeof d.aqi !== 'number' || !Number.isFinite(d.aqi) || d.aqi < 0)) {
      throw new RangeError(
        `${fn}: aqi of ${d.date} must be a finite number ≥ 0 or null, got ${String(d.aqi)}`,
      );
    }
    out.set(d.date, d.complete === false && opts.countIncomplete !== true ? null : d.aqi);
  }
  return out;
}

function shareIn(records: Map<string, number | null>, from: string, to: string): GoodDayShare {
  let validDays = 0;
  let goodDays = 0;
  for (const [date, aqi] of records) {
    // 'YYYY-MM-DD' strings compare like dates.
    if (date < from || date > to || aqi === null) continue;
    validDays++;
    if (aqi <= GOOD_DAY_MAX_AQI) goodDays++;
  }
  return { from, to, validDays, goodDays, share: validDays === 0 ? null : goodDays / validDays };
}

/** Good-day share over an inclusive range of Beijing dates. */
export function goodDayShare(
  days: readonly DailyAqiRecord[],
  from: string,
  to: string,
  opts: GoodDayOptions = {},
): GoodDayShare {
  parseDate(from);
  parseDate(to);
  if (to < from) throw new RangeError(`goodDayShare: range ends (${to}) before it starts (${from})`);
  return shareIn(indexRecords('goodDayShare', days, opts), from, to);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Good-day share of a calendar month (month 1..12). */
export function monthGoodDayShare(
  days: readonly DailyAqiRecord[],
  year: number,
  month: number,
  opts: GoodDayOptions = {},
): GoodDayShare {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`monthGoodDayShare: month must be 1..12, got ${month}`);
  }
  const from = `${year}-${pad2(month)}-01`;
  return goodDayShare(days, from, `${year}-${pad2(month)}-${pad2(daysInMonth(year, month))}`, opts);
}

/**
 * Good-day share of a year so far and its progress against a target (formula in the module comment).
 * `asOf` (default: the latest date of that year present in `days`, or 1 January) bounds the days
 * counted and sets elapsed/remaining days.
 */
export function yearGoodDayProgress(
  days: readonly DailyAqiRecord[],
  year: number,
  opts: { target?: number; asOf?: string } & GoodDayOptions = {},
): GoodDayProgress {
  const fn = 'yearGoodDayProgress';
  const target = opts.target ?? 0.95;
  if (!(target > 0 && target <= 1))
    throw new RangeError(`${fn}: target must be within (0, 1], got ${target}`);
  if (!Number.isInteger(year)) throw new RangeError(`${fn}: year must be an integer, got ${year}`);
  const records = indexRecords(fn, days, opts);
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  let asOf = opts.asOf;
  if (asOf === undefined) {
    asOf = from;
    for (const date of records.keys()) if (date >= from && date <= end && date > asOf) asOf = date;
  }
  const [asOfYear] = parseDate(asOf);
  if (asOfYear !== year) throw new RangeError(`${fn}: asOf ${asOf} is not in ${year}`);

  const s = shareIn(records, from, asOf);
  const total = daysInYear(year);
  const elapsedDays = dayOfYear(asOf);
  const remainingDays = total - elapsedDays;
  const projected = s.validDays + remainingDays;
  // Float guard: 0.81 × 300 = 243.00000000000003 must need 243 good days, not 244.
  const goodDaysNeeded = Math.ceil(target * projected - 1e-9);
  const allowedNonGoodDays = projected - goodDaysNeeded;
  const nonGoodDays = s.validDays - s.goodDays;
  const slackDays = allowedNonGoodDays - nonGoodDays;
  return {
    ...s,
    year,
    target,
    asOf,
    daysInYear: total,
    elapsedDays,
    remainingDays,
    nonGoodDays,
    goodDaysNeeded,
    allowedNonGoodDays,
    slackDays,
    onTrack: s.share !== null && s.share >= target,
    reachable: slackDays >= 0,
    bestPossibleShare: projected === 0 ? null : (s.goodDays + remainingDays) / projected,
  };
}

/** Every date from `from` to `to` inclusive (helper for filling calendars). */
export function datesBetween(from: string, to: string): string[] {
  parseDate(from);
  parseDate(to);
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
