import { describe, expect, it } from 'vitest';
import {
  BEIJING_OFFSET_MS,
  beijingDateKey,
  beijingDayIndex,
  beijingDayStart,
  beijingHourOfDay,
  beijingHourStart,
  beijingMidnight,
  beijingMinuteOfDay,
  beijingParts,
  beijingTime,
  beijingWeekday,
  formatBeijing,
  parseBeijingLocal,
  parseDateKey,
} from './beijing';

// 2026-03-31 16:00:00 UTC is 2026-04-01 00:00:00 in Beijing: the day, the month and the quarter turn.
const MIDNIGHT = Date.UTC(2026, 2, 31, 16, 0, 0);

describe('Beijing time (fixed UTC+8)', () => {
  it('turns the day at 16:00 UTC, not at UTC midnight', () => {
    expect(beijingDateKey(MIDNIGHT - 1)).toBe('2026-03-31');
    expect(beijingDateKey(MIDNIGHT)).toBe('2026-04-01');
    expect(beijingDayIndex(MIDNIGHT) - beijingDayIndex(MIDNIGHT - 1)).toBe(1);
    expect(beijingMidnight(MIDNIGHT + 5 * 3_600_000)).toBe(MIDNIGHT);
    expect(beijingMidnight(MIDNIGHT - 1)).toBe(MIDNIGHT - 86_400_000);
    expect(beijingMinuteOfDay(MIDNIGHT - 60_000)).toBe(1439);
    expect(beijingMinuteOfDay(MIDNIGHT)).toBe(0);
    expect(beijingHourOfDay(MIDNIGHT + 90 * 60_000)).toBe(1.5);
    expect(beijingHourStart(MIDNIGHT + 59 * 60_000)).toBe(MIDNIGHT);
  });

  it('turns the year at 16:00 UTC on 31 December, with weekday and parts of the Beijing date', () => {
    const newYear = Date.UTC(2025, 11, 31, 16, 0, 0); // 2026-01-01 00:00 Beijing, a Thursday
    expect(beijingParts(newYear - 1)).toMatchObject({ year: 2025, month: 12, day: 31, hour: 23, minute: 59 });
    expect(beijingParts(newYear)).toMatchObject({ year: 2026, month: 1, day: 1, hour: 0, weekday: 4 });
    expect(beijingWeekday(newYear)).toBe(4);
    expect(beijingWeekday(newYear - 1)).toBe(3);
    // Before 1970 (negative epoch) the arithmetic stays on the calendar.
    expect(beijingDateKey(Date.UTC(1969, 11, 31, 15, 59))).toBe('1969-12-31');
    expect(beijingWeekday(Date.UTC(1969, 11, 31, 16, 0))).toBe(4);
  });

  it('is independent of daylight saving: every day is 24 h and the offset never changes', () => {
    // The dates on which Europe and the US shift their clocks change nothing in Beijing.
    for (const utc of [Date.UTC(2026, 2, 8, 12), Date.UTC(2026, 2, 29, 12), Date.UTC(2026, 9, 25, 12)]) {
      expect(beijingMidnight(utc + 86_400_000) - beijingMidnight(utc)).toBe(86_400_000);
      expect(beijingTime(2026, 3, 8) + BEIJING_OFFSET_MS).toBe(Date.UTC(2026, 2, 8));
    }
  });

  it('round-trips a wall-clock time through beijingTime, formatBeijing and parseBeijingLocal', () => {
    const t = beijingTime(2026, 2, 28, 23, 5, 9);
    expect(t).toBe(Date.UTC(2026, 1, 28, 15, 5, 9));
    expect(formatBeijing(t)).toBe('2026-02-28 23:05:09');
    expect(formatBeijing(t, 'yyyyMMddHHmm')).toBe('202602282305');
    expect(formatBeijing(t, 'HH:mm:ss')).toBe('23:05:09');
    expect(formatBeijing(new Date(t).toISOString(), 'HH:mm')).toBe('23:05');
    expect(formatBeijing(t, 'HH:00')).toBe('23:00');
    expect(formatBeijing(t, 'MM-dd HH:00')).toBe('02-28 23:00');
    expect(parseBeijingLocal('2026-02-28 23:05:09')).toBe(t);
    expect(parseBeijingLocal(' 2026-02-28T23:05 ')).toBe(t - 9_000);
  });

  it('refuses invalid input instead of rolling it over or reading the machine zone', () => {
    for (const bad of [
      '',
      '2026-02-31 10:00',
      '2026-13-01 10:00',
      '2026-02-28 24:00',
      '2026-02-28 12:60',
      '2026-02-28 12:00:60',
      '2026/02/28 12:00',
      '2026-02-28',
      'now',
    ])
      expect(parseBeijingLocal(bad), bad).toBeUndefined();
    expect(parseBeijingLocal(42 as unknown as string)).toBeUndefined();
    expect(() => beijingDateKey(Number.NaN)).toThrow(RangeError);
    expect(() => beijingParts(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatBeijing('not a time')).toThrow(RangeError);
    expect(() => parseDateKey('2026-02-29')).toThrow(/not a calendar date/);
    expect(() => parseDateKey('2026-2-1')).toThrow(RangeError);
    expect(parseDateKey('2024-02-29')).toEqual([2024, 2, 29]);
    expect(beijingDayStart('2026-04-01')).toBe(MIDNIGHT);
    expect(() => beijingDayStart('2026-04-31')).toThrow(RangeError);
  });
});
