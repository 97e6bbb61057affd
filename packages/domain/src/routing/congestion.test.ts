import { describe, expect, it } from 'vitest';
import { beijingHour, congestionCostFactor, congestionFactor, type DayKind } from './congestion';
import { ROAD_CLASSES } from './types';

const DAYS: DayKind[] = ['workday', 'weekend', 'holiday'];

describe('congestionFactor (model)', () => {
  it('is finite and ≥ 1 for every class, day kind and quarter hour', () => {
    for (const c of ROAD_CLASSES)
      for (const d of DAYS)
        for (let h = 0; h < 24; h += 0.25) {
          const f = congestionFactor(c, h, d);
          expect(Number.isFinite(f)).toBe(true);
          expect(f).toBeGreaterThanOrEqual(1);
        }
  });

  it('is free flow at night', () => {
    for (const c of ROAD_CLASSES) for (const d of DAYS) expect(congestionFactor(c, 3, d)).toBe(1);
  });

  it('has workday morning (07–09) and evening (17–19) peaks, strongest on arterials/collectors', () => {
    for (const h of [7, 8, 9, 17, 18, 19]) {
      const art = congestionFactor('arterial', h, 'workday');
      expect(art).toBeGreaterThan(1.5);
      expect(congestionFactor('collector', h, 'workday')).toBeGreaterThan(1.4);
      expect(congestionFactor('expressway', h, 'workday')).toBeLessThan(1.25);
      expect(congestionFactor('local', h, 'workday')).toBeLessThan(
        congestionFactor('collector', h, 'workday'),
      );
      expect(art).toBeGreaterThan(congestionFactor('arterial', 12, 'workday'));
      expect(art).toBeGreaterThan(congestionFactor('arterial', h, 'weekend'));
    }
    expect(congestionFactor('arterial', 12, 'workday')).toBeLessThan(1.2);
  });

  it('wraps hours and validates input', () => {
    expect(congestionFactor('arterial', 32, 'workday')).toBe(congestionFactor('arterial', 8, 'workday'));
    expect(congestionFactor('arterial', -16, 'workday')).toBe(congestionFactor('arterial', 8, 'workday'));
    expect(() => congestionFactor('arterial', Number.NaN, 'workday')).toThrow(RangeError);
    expect(() => congestionFactor('arterial', 8, 'someday' as DayKind)).toThrow(RangeError);
  });

  it('congestionCostFactor matches congestionFactor per class', () => {
    const fn = congestionCostFactor(18, 'workday');
    for (const c of ROAD_CLASSES) expect(fn(c, 0)).toBe(congestionFactor(c, 18, 'workday'));
  });

  it('beijingHour is UTC+8', () => {
    expect(beijingHour(new Date('2024-05-01T00:30:00Z'))).toBeCloseTo(8.5, 12);
    expect(beijingHour(new Date('2024-05-01T20:00:00Z'))).toBeCloseTo(4, 12);
    expect(() => beijingHour(new Date('nope'))).toThrow(RangeError);
  });
});
