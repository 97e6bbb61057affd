import { describe, expect, it } from 'vitest';
import type { NoisePeriod, NoiseZone } from './noise';
import { assessNightMaxNoise, assessNoise, NOISE_LIMITS, NOISE_ZONES, noisePeriodAt } from './noise';

// GB 3096-2008 table 1, typed out again from the acceptance spec.
const LIMITS: [zone: NoiseZone, period: NoisePeriod, limit: number][] = [
  ['0', 'day', 50],
  ['0', 'night', 40],
  ['1', 'day', 55],
  ['1', 'night', 45],
  ['2', 'day', 60],
  ['2', 'night', 50],
  ['3', 'day', 65],
  ['3', 'night', 55],
  ['4a', 'day', 70],
  ['4a', 'night', 55],
  ['4b', 'day', 70],
  ['4b', 'night', 60],
];

describe('GB 3096-2008 limits', () => {
  it.each(LIMITS)('zone %s %s: limit %d, leq == limit is compliant', (zone, period, limit) => {
    expect(assessNoise({ zone, period, leq: limit })).toEqual({ limit, exceedance: 0, compliant: true });
  });

  it.each(LIMITS)('zone %s %s: limit %d, 0.1 dB over is not compliant', (zone, period, limit) => {
    expect(assessNoise({ zone, period, leq: limit + 0.1 })).toEqual({
      limit,
      exceedance: 0.1,
      compliant: false,
    });
  });

  it.each(LIMITS)(
    'zone %s %s: limit %d, well under is compliant with 0 exceedance',
    (zone, period, limit) => {
      expect(assessNoise({ zone, period, leq: limit - 7.3 })).toEqual({
        limit,
        exceedance: 0,
        compliant: true,
      });
    },
  );

  it('the exported tables agree with the spec', () => {
    for (const [zone, period, limit] of LIMITS) {
      expect(NOISE_LIMITS[zone][period]).toBe(limit);
      expect(NOISE_ZONES.find((z) => z.zone === zone)?.[period]).toBe(limit);
    }
    expect(NOISE_ZONES.map((z) => z.zone)).toEqual(['0', '1', '2', '3', '4a', '4b']);
  });
});

describe('exceedance rounding to 0.1 dB', () => {
  it.each([
    // zone 2 by day, limit 60
    [63.44, 3.4],
    [63.45, 3.5], // half up
    [60.15, 0.2], // 60.15 − 60 is 0.14999999999999858 in floating point; the decimal 0.15 rounds to 0.2
    [60.25, 0.3],
    [61.96, 2],
    [75.0, 15],
  ])('leq %d in a 60 dB zone → exceedance %d', (leq, exceedance) => {
    const r = assessNoise({ zone: '2', period: 'day', leq });
    expect(r.exceedance).toBe(exceedance);
    expect(r.compliant).toBe(false);
  });

  it('compliance uses the unrounded leq: 60.04 is over 60 though its exceedance rounds to 0', () => {
    expect(assessNoise({ zone: '2', period: 'day', leq: 60.04 })).toEqual({
      limit: 60,
      exceedance: 0,
      compliant: false,
    });
  });
});

describe('night-time maximum of sudden noise (night limit + 15 dB)', () => {
  it.each([
    ['0', 55],
    ['1', 60],
    ['2', 65],
    ['3', 70],
    ['4a', 70],
    ['4b', 75],
  ] as const)('zone %s: Lmax limit %d', (zone, limit) => {
    expect(assessNightMaxNoise({ zone, lmax: limit })).toEqual({ limit, exceedance: 0, compliant: true });
    expect(assessNightMaxNoise({ zone, lmax: limit + 2.34 })).toEqual({
      limit,
      exceedance: 2.3,
      compliant: false,
    });
  });

  it('a sudden noise over the Leq night limit but within 15 dB is compliant', () => {
    // zone 1: night Leq limit 45, Lmax limit 60
    expect(assessNoise({ zone: '1', period: 'night', leq: 58 }).compliant).toBe(false);
    expect(assessNightMaxNoise({ zone: '1', lmax: 58 }).compliant).toBe(true);
  });
});

describe('noisePeriodAt (Beijing time, UTC+8)', () => {
  it.each([
    ['2024-06-01T05:59:00+08:00', 'night'],
    ['2024-06-01T05:59:59.999+08:00', 'night'],
    ['2024-06-01T06:00:00+08:00', 'day'],
    ['2024-06-01T12:00:00+08:00', 'day'],
    ['2024-06-01T21:59:00+08:00', 'day'],
    ['2024-06-01T21:59:59.999+08:00', 'day'],
    ['2024-06-01T22:00:00+08:00', 'night'],
    ['2024-06-01T00:00:00+08:00', 'night'],
    // the same instants written in UTC: 05:59 Beijing is 21:59 UTC the day before
    ['2024-05-31T21:59:00Z', 'night'],
    ['2024-05-31T22:00:00Z', 'day'],
    ['2024-06-01T13:59:00Z', 'day'],
    ['2024-06-01T14:00:00Z', 'night'],
    // winter: no DST in China
    ['2024-01-15T06:00:00+08:00', 'day'],
    ['2024-01-15T22:00:00+08:00', 'night'],
  ] as const)('%s → %s', (iso, period) => {
    expect(noisePeriodAt(new Date(iso))).toBe(period);
  });

  it('rejects an invalid Date', () => {
    expect(() => noisePeriodAt(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('bad input', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'leq %d → RangeError naming leq',
    (leq) => {
      expect(() => assessNoise({ zone: '1', period: 'day', leq })).toThrow(RangeError);
      expect(() => assessNoise({ zone: '1', period: 'day', leq })).toThrow(/leq/);
    },
  );

  it('a non-number leq is a RangeError', () => {
    const m = { zone: '1', period: 'day', leq: '50' } as unknown as Parameters<typeof assessNoise>[0];
    expect(() => assessNoise(m)).toThrow(/leq/);
  });

  it.each(['4', '5', 'toString', '', '4A'])('unknown zone %j → RangeError naming zone', (zone) => {
    const m = { zone, period: 'day', leq: 50 } as unknown as Parameters<typeof assessNoise>[0];
    expect(() => assessNoise(m)).toThrow(RangeError);
    expect(() => assessNoise(m)).toThrow(/zone/);
    const n = { zone, lmax: 50 } as unknown as Parameters<typeof assessNightMaxNoise>[0];
    expect(() => assessNightMaxNoise(n)).toThrow(/zone/);
  });

  it('an unknown period is a RangeError', () => {
    const m = { zone: '1', period: 'evening', leq: 50 } as unknown as Parameters<typeof assessNoise>[0];
    expect(() => assessNoise(m)).toThrow(RangeError);
  });

  it('a non-finite lmax is a RangeError naming lmax', () => {
    expect(() => assessNightMaxNoise({ zone: '1', lmax: Number.NaN })).toThrow(/lmax/);
  });
});
