import { describe, expect, it } from 'vitest';
import { addDays } from './time';
import { yearToDateGoodDays } from './year-to-date';

/** `n` consecutive days from `from`, with the AQI given by `aqiOf(i)`. */
const days = (from: string, n: number, aqiOf: (i: number) => number | null, complete = true) =>
  Array.from({ length: n }, (_, i) => ({ date: addDays(from, i), aqi: aqiOf(i), complete }));

describe('yearToDateGoodDays', () => {
  it('counts the stored days of the year with the recent window, the recent one winning on a shared date', () => {
    // Stored: 1 Jan … 10 Mar (69 days), every 10th day AQI 120 (not good). Recent: 1 … 15 Mar, all good.
    const stored = days('2026-01-01', 69, (i) => (i % 10 === 0 ? 120 : 60));
    const recent = days('2026-03-01', 15, () => 50);
    const ytd = yearToDateGoodDays(stored, recent, { asOf: '2026-03-15', target: 0.9 });
    // 1 Jan … 15 Mar = 74 days counted; stored-only days 1 Jan … 28 Feb = 59.
    expect(ytd.countedDays).toBe(74);
    expect(ytd.storedDays).toBe(59);
    expect(ytd.firstDate).toBe('2026-01-01');
    // Non-good stored days before March: i = 0,10,…,50 → 6 (i = 60 is 2 Mar, overridden by the recent good day).
    expect(ytd.validDays).toBe(74);
    expect(ytd.goodDays).toBe(68);
    expect(ytd.share).toBeCloseTo(68 / 74, 12);
    // Slack: projected valid = 74 + (365 − 74) = 365; needed = ceil(0.9 × 365) = 329; allowed = 36; used 6.
    expect(ytd.allowedNonGoodDays).toBe(36);
    expect(ytd.slackDays).toBe(30);
  });

  it('leaves out days of other years and after asOf, and incomplete days from the valid ones', () => {
    const stored = [
      ...days('2025-12-25', 7, () => 200),
      ...days('2026-01-01', 5, () => 40),
      ...days('2026-01-06', 2, () => 300, false),
    ];
    const recent = days('2026-01-08', 5, () => 150);
    const ytd = yearToDateGoodDays(stored, recent, { asOf: '2026-01-09' });
    expect(ytd.countedDays).toBe(9); // 1–9 Jan
    expect(ytd.validDays).toBe(7); // 6–7 Jan incomplete
    expect(ytd.goodDays).toBe(5);
    expect(ytd.nonGoodDays).toBe(2);
    expect(ytd.year).toBe(2026);
  });

  it('has no share and no first date without any day', () => {
    const ytd = yearToDateGoodDays([], [], { asOf: '2026-06-30' });
    expect(ytd.countedDays).toBe(0);
    expect(ytd.firstDate).toBeNull();
    expect(ytd.share).toBeNull();
  });
});
