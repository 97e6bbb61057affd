import { describe, expect, it } from 'vitest';
import { compareYearOnYear } from './compare';
import { shiftBeijingYears } from './time';

const H = 3600_000;
const bj = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) - 8 * H;

describe('compareYearOnYear', () => {
  // 24 h ending 2024-03-11 00:00 Beijing; same span in 2023.
  const series = [
    ...Array.from({ length: 24 }, (_, h) => ({ atMs: bj(2024, 3, 10, h), value: h < 12 ? 20 : 40 })),
    ...Array.from({ length: 24 }, (_, h) => ({ atMs: bj(2023, 3, 10, h), value: 40 })),
    { atMs: bj(2024, 3, 11, 0), value: 1000 }, // at endMs: excluded (half-open)
    { atMs: bj(2024, 3, 9, 23), value: 1000 }, // before the window
    { atMs: bj(2024, 3, 10, 5), value: null }, // no value: ignored
  ];

  it('mean, change and change share against the same period last year', () => {
    const r = compareYearOnYear(series, { window: '24h', endMs: bj(2024, 3, 11) });
    expect(r.current).toEqual({ startMs: bj(2024, 3, 10), endMs: bj(2024, 3, 11), mean: 30, count: 24 });
    expect(r.previous).toEqual({ startMs: bj(2023, 3, 10), endMs: bj(2023, 3, 11), mean: 40, count: 24 });
    expect(r.change).toBe(-10);
    expect(r.changeShare).toBe(-0.25);
  });

  it('null when the previous year has no data', () => {
    const r = compareYearOnYear(series, { window: '7d', endMs: bj(2022, 3, 11) });
    expect(r.change).toBeNull();
    expect(r.changeShare).toBeNull();
    const only = compareYearOnYear(series.slice(0, 24), { window: '30d', endMs: bj(2024, 3, 11) });
    expect(only.current.mean).toBe(30);
    expect(only.previous.mean).toBeNull();
    expect(only.previous.count).toBe(0);
    expect(only.change).toBeNull();
  });

  it('window lengths and a zero previous mean', () => {
    const r = compareYearOnYear(
      [
        { atMs: bj(2024, 2, 10), value: 5 },
        { atMs: bj(2023, 2, 10), value: 0 },
      ],
      { window: '30d', endMs: bj(2024, 3, 1) },
    );
    expect(r.current.startMs).toBe(bj(2024, 3, 1) - 30 * 24 * H);
    expect(r.change).toBe(5);
    expect(r.changeShare).toBeNull();
  });

  it('same calendar period: 29 February 2024 maps to 28 February 2023', () => {
    expect(shiftBeijingYears(bj(2024, 2, 29, 13), -1)).toBe(bj(2023, 2, 28, 13));
    expect(shiftBeijingYears(bj(2024, 3, 1, 0), -1)).toBe(bj(2023, 3, 1, 0));
    // Midnight at the Beijing year boundary stays on the Beijing calendar (UTC is still the old year).
    expect(shiftBeijingYears(bj(2024, 1, 1, 0), -1)).toBe(bj(2023, 1, 1, 0));
    expect(() => compareYearOnYear([], { window: '1y' as '7d', endMs: 0 })).toThrow(RangeError);
  });
});
