/**
 * Anomaly detection on stored series (pure): the sudden-jump check of the health inspection (突变检测) scores
 * a value against the same hour of the recent weeks with the median and the median absolute deviation (MAD),
 * which a few odd weeks do not drag along as they would a mean and a standard deviation.
 */

const WEEK_MS = 7 * 24 * 3600_000;

/** The same hour-of-week in each of the `weeks` weeks before `hourMs` (newest first), epoch ms. */
export function sameHourOfRecentWeeks(hourMs: number, weeks = 4): number[] {
  return Array.from({ length: weeks }, (_, i) => hourMs - (i + 1) * WEEK_MS);
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Robust jump score (the modified z-score of Iglewicz and Hoaglin): how many MADs the value lies from the
 * median of the past values, 0.6745 scaling the MAD to a standard deviation under normality. null with fewer
 * than `minPast` past values, or when the past has no spread (MAD 0: any change would be infinitely many).
 */
export function robustScore(value: number, past: readonly number[], minPast = 3): number | null {
  const known = past.filter((p) => Number.isFinite(p));
  if (known.length < minPast || !Number.isFinite(value)) return null;
  const med = median(known);
  const mad = median(known.map((p) => Math.abs(p - med)));
  if (mad === 0) return null;
  return (0.6745 * (value - med)) / mad;
}

/** A series whose current value jumps away from the same hour of its recent weeks. */
export type Jump<K> = { key: K; value: number; median: number; score: number; past: number[] };

/**
 * The series whose current value scores at least `threshold` (in absolute value) against their past:
 * `past(key)` gives the same hour of the recent weeks. Sorted by |score|, largest first.
 */
export function suddenJumps<K>(
  current: Iterable<{ key: K; value: number | null }>,
  past: (key: K) => readonly number[],
  threshold: number,
): Jump<K>[] {
  const out: Jump<K>[] = [];
  for (const c of current) {
    if (c.value === null) continue;
    const p = past(c.key);
    const score = robustScore(c.value, p);
    if (score === null || Math.abs(score) < threshold) continue;
    out.push({ key: c.key, value: c.value, median: median(p), score, past: [...p] });
  }
  return out.sort((a, b) => Math.abs(b.score) - Math.abs(a.score));
}
