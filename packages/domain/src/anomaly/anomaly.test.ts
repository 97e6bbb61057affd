import { describe, expect, it } from 'vitest';
import { median, robustScore, sameHourOfRecentWeeks, suddenJumps } from './index';

describe('robust jump score (median and MAD)', () => {
  it('is the MAD-scaled distance from the median, null without spread or with too little past', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(robustScore(10, [1, 2, 3])).toBeCloseTo((0.6745 * 8) / 1);
    expect(robustScore(5, [5, 5, 5])).toBeNull();
    expect(robustScore(5, [5, 5])).toBeNull();
    expect(robustScore(5, [Number.NaN, 4, 6])).toBeNull();
  });

  it('is not dragged along by one odd week, as a mean and a standard deviation would be', () => {
    const past = [100, 102, 98, 400];
    // The odd week (400) neither hides a jump nor makes an ordinary value look like one.
    expect(Math.abs(robustScore(101, past)!)).toBeLessThan(1);
    expect(robustScore(300, past)!).toBeGreaterThan(3.5);
  });

  it('looks at the same hour of each recent week', () => {
    const hour = Date.parse('2026-10-03T04:00:00Z');
    expect(sameHourOfRecentWeeks(hour, 2).map((t) => new Date(t).toISOString())).toEqual([
      '2026-09-26T04:00:00.000Z',
      '2026-09-19T04:00:00.000Z',
    ]);
  });

  it('finds the series whose value jumps, largest first, and leaves steady ones alone', () => {
    const past: Record<string, number[]> = {
      steady: [10, 11, 9, 10],
      up: [10, 11, 9, 10],
      down: [50, 52, 48, 50],
      short: [10, 11],
    };
    const jumps = suddenJumps(
      [
        { key: 'steady', value: 10.5 },
        { key: 'up', value: 40 },
        { key: 'down', value: 5 },
        { key: 'short', value: 1000 },
        { key: 'unknown', value: null },
      ],
      (k) => past[k] ?? [],
      3.5,
    );
    expect(jumps.map((j) => j.key)).toEqual(['up', 'down']);
    expect(jumps[0]).toMatchObject({ value: 40, median: 10 });
    expect(jumps[1]!.score).toBeLessThan(-3.5);
  });
});
