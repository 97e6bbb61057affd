import { describe, expect, it } from 'vitest';
import { median, percentile } from './stats';

describe('median and percentile', () => {
  it('takes the middle of an odd sample and the mean of the middle pair of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('interpolates percentiles', () => {
    expect(percentile([10, 20, 30, 40, 50], 0)).toBe(10);
    expect(percentile([10, 20, 30, 40, 50], 100)).toBe(50);
    expect(percentile([10, 20, 30, 40, 50], 90)).toBeCloseTo(46);
  });
  it('refuses an empty sample', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});
