/**
 * Year-on-year comparison (同比) of any series over a recent window.
 *
 * - The current window is [endMs − window, endMs) with window 24 h, 7 d or 30 d.
 * - The previous-year window is the same Beijing wall-clock span one calendar year earlier
 *   (`shiftBeijingYears(t, −1)` of both ends; 29 February → 28 February).
 * - mean = arithmetic mean of the finite values whose `atMs` lies in the window (null if none).
 * - change = current mean − previous mean; changeShare = change ÷ previous mean. Both null when either
 *   mean is null (e.g. the previous year has no data); changeShare also null when the previous mean
 *   is 0.
 */
import { DAY_MS, HOUR_MS, shiftBeijingYears } from './time';

export type CompareWindow = '24h' | '7d' | '30d';

export const COMPARE_WINDOW_MS: Readonly<Record<CompareWindow, number>> = {
  '24h': 24 * HOUR_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
};

export interface TimedValue {
  atMs: number;
  value: number | null;
}

export interface WindowStats {
  startMs: number;
  endMs: number;
  mean: number | null;
  count: number;
}

export interface YearOnYear {
  window: CompareWindow;
  current: WindowStats;
  previous: WindowStats;
  change: number | null;
  changeShare: number | null;
}

function statsIn(series: readonly TimedValue[], startMs: number, endMs: number): WindowStats {
  let sum = 0;
  let count = 0;
  for (const p of series) {
    if (p.atMs < startMs || p.atMs >= endMs) continue;
    if (p.value === null || !Number.isFinite(p.value)) continue;
    sum += p.value;
    count++;
  }
  return { startMs, endMs, mean: count === 0 ? null : sum / count, count };
}

/** Compare the window ending at `endMs` with the same period of the previous year. */
export function compareYearOnYear(
  series: readonly TimedValue[],
  opts: { window: CompareWindow; endMs: number },
): YearOnYear {
  const span = COMPARE_WINDOW_MS[opts.window];
  if (span === undefined)
    throw new RangeError(`compareYearOnYear: unknown window ${JSON.stringify(opts.window)}`);
  if (!Number.isFinite(opts.endMs)) throw new RangeError('compareYearOnYear: endMs must be finite');
  const startMs = opts.endMs - span;
  const current = statsIn(series, startMs, opts.endMs);
  const previous = statsIn(series, shiftBeijingYears(startMs, -1), shiftBeijingYears(opts.endMs, -1));
  const change = current.mean === null || previous.mean === null ? null : current.mean - previous.mean;
  const changeShare =
    change === null || previous.mean === 0 || previous.mean === null ? null : change / previous.mean;
  return { window: opts.window, current, previous, change, changeShare };
}
