import { describe, expect, it } from 'vitest';
import { inRegion, rollup } from './rollup';

describe('rollup', () => {
  const items = [
    { value: 10, weight: 1 },
    { value: 20, weight: 3 },
    { value: null, weight: 100 },
  ];
  it('sums, averages, weights and takes the max, leaving out missing values', () => {
    expect(rollup('sum', items)).toBe(30);
    expect(rollup('mean', items)).toBe(15);
    expect(rollup('weightedMean', items)).toBe(17.5);
    expect(rollup('max', items)).toBe(20);
  });
  it('is unknown (null), never 0, when nothing is reported', () => {
    expect(rollup('sum', [])).toBeNull();
    expect(rollup('sum', [{ value: null }])).toBeNull();
    expect(rollup('weightedMean', [{ value: 5, weight: 0 }])).toBeNull();
  });
});

describe('inRegion', () => {
  it('places an entity by its village code', () => {
    expect(inRegion('331023', '331023105200')).toBe(true);
    expect(inRegion('331023105', '331023105200')).toBe(true);
    expect(inRegion('331023105', '331023101200')).toBe(false);
    expect(inRegion('331023105200', '331023105200')).toBe(true);
  });
});
