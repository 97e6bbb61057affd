import { describe, expect, it } from 'vitest';
import type { DailyAqiRecord } from './good-days';
import { datesBetween, goodDayShare, monthGoodDayShare, yearGoodDayProgress } from './good-days';
import { beijingDateOf } from './time';

/** Records for every date in a range, AQI by index. */
function records(
  from: string,
  to: string,
  aqi: (i: number, date: string) => number | null,
): DailyAqiRecord[] {
  return datesBetween(from, to).map((date, i) => ({ date, aqi: aqi(i, date) }));
}

describe('goodDayShare', () => {
  it('AQI ≤ 100 is good (100 is, 101 is not); null days are left out of both counts', () => {
    const days = [
      { date: '2024-03-01', aqi: 100 },
      { date: '2024-03-02', aqi: 101 },
      { date: '2024-03-03', aqi: null },
      { date: '2024-03-04', aqi: 35 },
    ];
    expect(goodDayShare(days, '2024-03-01', '2024-03-04')).toEqual({
      from: '2024-03-01',
      to: '2024-03-04',
      validDays: 3,
      goodDays: 2,
      share: 2 / 3,
    });
    expect(goodDayShare(days, '2024-03-03', '2024-03-03').share).toBeNull();
  });

  it('rejects duplicates, malformed dates and bad AQIs', () => {
    expect(() => goodDayShare([{ date: '2024-02-30', aqi: 1 }], '2024-01-01', '2024-12-31')).toThrow(
      RangeError,
    );
    expect(() =>
      goodDayShare(
        [
          { date: '2024-01-01', aqi: 1 },
          { date: '2024-01-01', aqi: 2 },
        ],
        '2024-01-01',
        '2024-01-02',
      ),
    ).toThrow(/duplicate/);
    expect(() => goodDayShare([{ date: '2024-01-01', aqi: -1 }], '2024-01-01', '2024-01-02')).toThrow(
      RangeError,
    );
  });
});

describe('month boundaries (Beijing days)', () => {
  const days = [
    { date: '2024-01-30', aqi: 50 },
    { date: '2024-01-31', aqi: 150 },
    { date: '2024-02-01', aqi: 40 },
    { date: '2024-02-29', aqi: 160 },
    { date: '2024-03-01', aqi: 20 },
  ];

  it('31 January belongs to January, 1 February to February, 29 February (leap) to February', () => {
    expect(monthGoodDayShare(days, 2024, 1)).toMatchObject({ to: '2024-01-31', validDays: 2, goodDays: 1 });
    expect(monthGoodDayShare(days, 2024, 2)).toMatchObject({
      to: '2024-02-29',
      validDays: 2,
      goodDays: 1,
      share: 0.5,
    });
    expect(monthGoodDayShare(days, 2024, 3)).toMatchObject({ validDays: 1, goodDays: 1, share: 1 });
    expect(monthGoodDayShare(days, 2023, 2).to).toBe('2023-02-28');
  });

  it('an instant at 16:00 UTC on 31 January is 1 February in Beijing', () => {
    expect(beijingDateOf(Date.UTC(2024, 0, 31, 15, 59, 59))).toBe('2024-01-31');
    expect(beijingDateOf(Date.UTC(2024, 0, 31, 16, 0, 0))).toBe('2024-02-01');
    expect(beijingDateOf(Date.UTC(2023, 11, 31, 16, 0, 0))).toBe('2024-01-01');
  });
});

describe('yearGoodDayProgress', () => {
  it('2023 as of 30 June with 5 non-good days: 347 good needed of 365, 18 allowed, slack 13', () => {
    const days = records('2023-01-01', '2023-06-30', (i) => (i < 5 ? 150 : 60));
    const p = yearGoodDayProgress(days, 2023);
    expect(p).toMatchObject({
      asOf: '2023-06-30',
      daysInYear: 365,
      elapsedDays: 181,
      remainingDays: 184,
      validDays: 181,
      goodDays: 176,
      nonGoodDays: 5,
      goodDaysNeeded: 347,
      allowedNonGoodDays: 18,
      slackDays: 13,
      onTrack: true,
      reachable: true,
    });
    expect(p.share).toBeCloseTo(176 / 181, 12);
    expect(p.bestPossibleShare).toBeCloseTo(360 / 365, 12);
  });

  it('days without a valid AQI shrink the denominator', () => {
    // 10 days, 2 without AQI, 1 non-good: P = 8 + 355 = 363, ⌈0.95 × 363⌉ = 345 → 18 allowed, slack 17.
    const days = records('2023-01-01', '2023-01-10', (i) => (i < 2 ? null : i === 2 ? 120 : 50));
    const p = yearGoodDayProgress(days, 2023);
    expect(p).toMatchObject({
      validDays: 8,
      remainingDays: 355,
      goodDaysNeeded: 345,
      allowedNonGoodDays: 18,
      slackDays: 17,
    });
  });

  it('no float error: 0.81 × 300 (= 243.00000000000003 in floating point) needs exactly 243 good days', () => {
    // 65 days missing → P = 300 at year end.
    const days = records('2023-01-01', '2023-12-31', (i) => (i < 65 ? null : 50));
    const p = yearGoodDayProgress(days, 2023, { target: 0.81 });
    expect(p.remainingDays).toBe(0);
    expect(p.validDays).toBe(300);
    expect(p.goodDaysNeeded).toBe(243);
    expect(p.allowedNonGoodDays).toBe(57);
    expect(yearGoodDayProgress(days.slice(5), 2023).goodDaysNeeded).toBe(285); // 0.95 × 300
  });

  it('leap year end: 366 days, 19 non-good days → target missed by one', () => {
    const days = records('2024-01-01', '2024-12-31', (i) => (i < 19 ? 101 : 100));
    const p = yearGoodDayProgress(days, 2024);
    expect(p).toMatchObject({ daysInYear: 366, elapsedDays: 366, remainingDays: 0, goodDaysNeeded: 348 });
    expect(p.slackDays).toBe(-1);
    expect(p.reachable).toBe(false);
    expect(p.onTrack).toBe(false);
    const ok = yearGoodDayProgress(
      days.map((d, i) => (i === 0 ? { ...d, aqi: 100 } : d)),
      2024,
    );
    expect(ok.slackDays).toBe(0);
    expect(ok.reachable).toBe(true);
    expect(ok.onTrack).toBe(true);
  });

  it('year boundary: 31 December of the previous year and later dates are not counted', () => {
    const days = [
      { date: '2023-12-31', aqi: 300 },
      { date: '2024-01-01', aqi: 50 },
      { date: '2024-01-02', aqi: 200 },
      { date: '2024-01-03', aqi: 60 },
    ];
    const p = yearGoodDayProgress(days, 2024, { asOf: '2024-01-02', target: 0.9 });
    expect(p).toMatchObject({
      from: '2024-01-01',
      to: '2024-01-02',
      validDays: 2,
      goodDays: 1,
      elapsedDays: 2,
    });
    // P = 2 + 364 = 366, ⌈0.9 × 366⌉ = 330 → 36 allowed − 1 = 35.
    expect(p.slackDays).toBe(35);
    expect(() => yearGoodDayProgress(days, 2024, { asOf: '2023-12-31' })).toThrow(RangeError);
  });

  it('defaults asOf to the latest date of that year in the data', () => {
    const p = yearGoodDayProgress(
      [
        { date: '2024-03-05', aqi: 20 },
        { date: '2025-01-01', aqi: 20 },
      ],
      2024,
    );
    expect(p.asOf).toBe('2024-03-05');
    expect(p.elapsedDays).toBe(65);
  });
});

describe('incomplete days are never good days by default', () => {
  const days: DailyAqiRecord[] = [
    { date: '2026-10-01', aqi: 50 },
    { date: '2026-10-02', aqi: 40, complete: false },
    { date: '2026-10-03', aqi: 120 },
  ];
  it('left out of numerator and denominator', () => {
    expect(goodDayShare(days, '2026-10-01', '2026-10-31')).toMatchObject({
      validDays: 2,
      goodDays: 1,
      share: 0.5,
    });
    expect(monthGoodDayShare(days, 2026, 10).validDays).toBe(2);
    expect(yearGoodDayProgress(days, 2026, { asOf: '2026-10-03' }).goodDays).toBe(1);
  });
  it('counted only when asked', () => {
    expect(goodDayShare(days, '2026-10-01', '2026-10-31', { countIncomplete: true }).goodDays).toBe(2);
  });
});
