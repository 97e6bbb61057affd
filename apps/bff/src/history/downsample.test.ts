import { describe, expect, it } from 'vitest';
import { downsampleMean } from './downsample';

const H = 3600_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');

describe('downsampleMean', () => {
  it('returns the points unchanged when the window has no more steps than maxPoints', () => {
    const points = [
      { atMs: T0, value: 1 },
      { atMs: T0 + 2 * H, value: null },
    ];
    expect(downsampleMean(points, { fromMs: T0, toMs: T0 + 9 * H, stepMs: H, maxPoints: 10 })).toEqual({
      points,
      bucketMs: null,
    });
  });

  it('averages equal buckets of whole steps, aligned on the start, skipping nulls and empty buckets', () => {
    // 24 hourly steps into at most 10 points → buckets of ceil(24/10) = 3 h.
    const points = Array.from({ length: 24 }, (_, i) => ({ atMs: T0 + i * H, value: i as number | null }));
    points[4]!.value = null; // bucket 3–5: mean of 3 and 5
    const sparse = points.filter((p) => p.atMs < T0 + 12 * H || p.atMs >= T0 + 15 * H); // bucket 12–14 empty
    const { points: out, bucketMs } = downsampleMean(sparse, {
      fromMs: T0,
      toMs: T0 + 23 * H,
      stepMs: H,
      maxPoints: 10,
    });
    expect(bucketMs).toBe(3 * H);
    expect(out).toEqual([
      { atMs: T0, value: 1 },
      { atMs: T0 + 3 * H, value: 4 },
      { atMs: T0 + 6 * H, value: 7 },
      { atMs: T0 + 9 * H, value: 10 },
      { atMs: T0 + 15 * H, value: 16 },
      { atMs: T0 + 18 * H, value: 19 },
      { atMs: T0 + 21 * H, value: 22 },
    ]);
    expect(out.length).toBeLessThanOrEqual(10);
  });

  it('gives null for a bucket whose stored values are all unknown', () => {
    const points = [
      { atMs: T0, value: null },
      { atMs: T0 + H, value: null },
      { atMs: T0 + 2 * H, value: 6 },
    ];
    expect(downsampleMean(points, { fromMs: T0, toMs: T0 + 3 * H, stepMs: H, maxPoints: 2 }).points).toEqual([
      { atMs: T0, value: null },
      { atMs: T0 + 2 * H, value: 6 },
    ]);
  });
});
