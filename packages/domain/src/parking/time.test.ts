import { describe, expect, it } from 'vitest';
import {
  beijingDateKey,
  beijingHourStart,
  beijingMidnight,
  beijingMinuteOfDay,
  beijingTime,
  beijingWeekday,
  makeCalendar,
} from './time';

describe('Beijing time (UTC+8, fixed)', () => {
  it('converts independently of the machine time zone', () => {
    const t = Date.UTC(2025, 4, 6, 16, 30); // 2025-05-07 00:30 Beijing
    expect(beijingDateKey(t)).toBe('2025-05-07');
    expect(beijingMinuteOfDay(t)).toBe(30);
    expect(beijingMidnight(t)).toBe(Date.UTC(2025, 4, 6, 16, 0));
    expect(beijingHourStart(t + 5 * 60_000)).toBe(Date.UTC(2025, 4, 6, 16, 0));
    expect(beijingTime(2025, 5, 7, 0, 30)).toBe(t);
    expect(beijingWeekday(t)).toBe(3); // Wednesday
    expect(beijingWeekday(beijingTime(2025, 5, 4))).toBe(0); // Sunday
  });
});

describe('makeCalendar', () => {
  const cal = makeCalendar({ holidays: ['2025-05-01', '2025-05-03'], makeupWorkdays: ['2025-04-27'] });
  it('holiday > make-up workday > weekend / workday', () => {
    expect(cal(beijingTime(2025, 5, 1, 12))).toBe('holiday'); // Thursday, holiday
    expect(cal(beijingTime(2025, 5, 3, 23, 59))).toBe('holiday'); // Saturday, holiday
    expect(cal(beijingTime(2025, 4, 27, 9))).toBe('workday'); // Sunday, 调休
    expect(cal(beijingTime(2025, 4, 26, 9))).toBe('weekend');
    expect(cal(beijingTime(2025, 4, 28, 9))).toBe('workday');
    // Beijing midnight boundary: 2025-04-30 23:59 Beijing is a workday even though it is 15:59 UTC.
    expect(cal(beijingTime(2025, 4, 30, 23, 59))).toBe('workday');
    expect(cal(beijingTime(2025, 5, 1, 0, 0))).toBe('holiday');
  });
  it('rejects malformed dates', () => {
    expect(() => makeCalendar({ holidays: ['2025/05/01'] })).toThrow(RangeError);
  });
});
