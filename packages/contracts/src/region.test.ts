import { describe, expect, it } from 'vitest';
import { ApiError } from './error';
import { IndicatorValue } from './indicator';
import { levelOfCode, parentCodeOf, RegionCode } from './region';
import { Theme } from './theme';

describe('RegionCode', () => {
  it.each(['331023', '331023105', '331023105200'])('accepts %s', (code) => {
    expect(RegionCode.safeParse(code).success).toBe(true);
  });

  it.each([
    ['330000', 'another county'],
    ['331024105', 'a township of another county'],
    ['33102310', '8 digits'],
    ['3310231052', '10 digits'],
    ['331023105200 ', 'trailing space'],
    ['33102a', 'a letter'],
    ['', 'empty'],
  ])('rejects %j (%s)', (code) => {
    expect(RegionCode.safeParse(code).success).toBe(false);
  });
});

describe('levelOfCode and parentCodeOf', () => {
  it('reads the level from the length', () => {
    expect(levelOfCode('331023')).toBe('county');
    expect(levelOfCode('331023105')).toBe('township');
    expect(levelOfCode('331023105200')).toBe('village');
    expect(levelOfCode('3310231')).toBeUndefined();
  });
  it('walks up one level', () => {
    expect(parentCodeOf('331023105200')).toBe('331023105');
    expect(parentCodeOf('331023105')).toBe('331023');
    expect(parentCodeOf('331023')).toBeUndefined();
  });
});

describe('IndicatorValue', () => {
  const value = {
    indicatorId: 'parking.freeBerths',
    value: 812,
    unit: '个',
    at: '2026-11-28T06:00:00Z',
    status: 'ok',
  };
  it('accepts a fresh value and a stale one with lastGoodAt', () => {
    expect(IndicatorValue.safeParse(value).success).toBe(true);
    expect(
      IndicatorValue.safeParse({ ...value, status: 'stale', lastGoodAt: '2026-11-28T05:55:00Z' }).success,
    ).toBe(true);
  });
  it('rejects an unknown status and a local time without a zone', () => {
    expect(IndicatorValue.safeParse({ ...value, status: 'late' }).success).toBe(false);
    expect(IndicatorValue.safeParse({ ...value, at: '2026-11-28 14:00:00' }).success).toBe(false);
  });
});

describe('Theme and ApiError', () => {
  it('knows the five themes', () => {
    expect(Theme.options).toEqual(['overview', 'parking', 'trauma', 'eco', 'grassroots']);
    expect(Theme.safeParse('weather').success).toBe(false);
  });
  it('has the one error shape', () => {
    expect(ApiError.safeParse({ error: { code: 'X', message: 'y' } }).success).toBe(true);
    expect(ApiError.safeParse({ code: 'X', message: 'y' }).success).toBe(false);
  });
});
