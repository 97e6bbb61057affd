/** A stored point: its time (epoch ms) and value (null = stored as unknown). */
export type TimedValue = { atMs: number; value: number | null };

/**
 * At most `maxPoints` points over [fromMs, toMs]: when the window holds more steps than that, it is cut
 * into equal buckets of whole steps, aligned on fromMs, and each bucket with at least one stored point
 * becomes one point at its start whose value is the mean of its non-null values (null when all are null).
 * Otherwise the points are returned as they are.
 */
export function downsampleMean(
  points: readonly TimedValue[],
  opts: { fromMs: number; toMs: number; stepMs: number; maxPoints: number },
): { points: TimedValue[]; bucketMs: number | null } {
  const steps = Math.floor((opts.toMs - opts.fromMs) / opts.stepMs) + 1;
  if (steps <= opts.maxPoints) return { points: [...points], bucketMs: null };
  const bucketMs = Math.ceil(steps / opts.maxPoints) * opts.stepMs;
  const out: TimedValue[] = [];
  let current: { start: number; sum: number; n: number } | undefined;
  const flush = () => {
    if (current) out.push({ atMs: current.start, value: current.n ? current.sum / current.n : null });
  };
  for (const p of points) {
    const start = opts.fromMs + Math.floor((p.atMs - opts.fromMs) / bucketMs) * bucketMs;
    if (!current || current.start !== start) {
      flush();
      current = { start, sum: 0, n: 0 };
    }
    if (p.value !== null) {
      current.sum += p.value;
      current.n++;
    }
  }
  flush();
  return { points: out, bucketMs };
}
