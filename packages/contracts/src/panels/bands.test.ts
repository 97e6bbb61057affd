import { describe, expect, it } from 'vitest';
import { BAND_COLOURS, bandOrderProblem, effectiveBands, PanelThresholds, thresholdBandOf } from './bands';

const worseHigh = { direction: 'higherIsWorse' as const, thresholds: { warning: 0.85, alarm: 0.95 } };
const worseLow = { direction: 'higherIsBetter' as const, thresholds: { warning: 0.85, alarm: 0.7 } };

describe('bands read with the direction', () => {
  it('puts a value in its band, the alarm band winning, at the limits inclusive', () => {
    expect([0.5, 0.85, 0.9, 0.95, 1].map((v) => thresholdBandOf(worseHigh, v))).toEqual([
      null,
      'warning',
      'warning',
      'alarm',
      'alarm',
    ]);
    expect([0.9, 0.85, 0.75, 0.7, 0.1].map((v) => thresholdBandOf(worseLow, v))).toEqual([
      null,
      'warning',
      'warning',
      'alarm',
      'alarm',
    ]);
    expect(thresholdBandOf(worseHigh, null)).toBeNull();
    expect(thresholdBandOf(undefined, 1)).toBeNull();
  });

  it('names the alarm limit when the order does not fit the direction; one missing limit is fine', () => {
    expect(bandOrderProblem({ warning: 0.85, alarm: 0.95 }, 'higherIsWorse')).toBeUndefined();
    expect(bandOrderProblem({ warning: 0.95, alarm: 0.85 }, 'higherIsWorse')).toMatchObject({
      field: 'alarm',
    });
    expect(bandOrderProblem({ warning: 0.9, alarm: 0.9 }, 'higherIsWorse')).toMatchObject({ field: 'alarm' });
    expect(bandOrderProblem({ warning: 0.85, alarm: 0.7 }, 'higherIsBetter')).toBeUndefined();
    expect(bandOrderProblem({ warning: 0.7, alarm: 0.85 }, 'higherIsBetter')?.message).toContain(
      'must be below the warning limit',
    );
    expect(bandOrderProblem({ warning: null, alarm: 0.1 }, 'higherIsWorse')).toBeUndefined();
  });

  it("draws a panel's own limits and colours over the indicator's, the indicator's by default", () => {
    expect(PanelThresholds.parse(undefined)).toBeNull();
    expect(effectiveBands(null, worseHigh)).toEqual({
      thresholds: { warning: 0.85, alarm: 0.95 },
      direction: 'higherIsWorse',
      colors: BAND_COLOURS,
      own: false,
    });
    const own = PanelThresholds.parse({ warning: 0.6, alarm: 0.8 });
    expect(own).toEqual({ warning: 0.6, alarm: 0.8, colors: null });
    expect(effectiveBands(own, worseHigh)).toMatchObject({
      thresholds: { warning: 0.6, alarm: 0.8 },
      own: true,
    });
    const colours = { normal: '#000000', warning: '#111111', alarm: '#222222' };
    expect(effectiveBands({ ...own!, colors: colours }, worseHigh)?.colors).toEqual(colours);
    expect(effectiveBands(own, undefined)).toBeNull();
    expect(
      PanelThresholds.safeParse({ warning: 1, alarm: 2, colors: { ...colours, alarm: 'red' } }).success,
    ).toBe(false);
  });
});
