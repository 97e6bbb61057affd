import { describe, expect, it } from 'vitest';
import { beijingTime } from '../parking/time';
import { CALENDAR_COVERAGE, calendarDay, HOLIDAY_SCHEDULE, officialDayKind } from './index';

const at = (y: number, m: number, d: number, h = 12) => beijingTime(y, m, d, h);

describe('the State Council holiday schedule', () => {
  it.each([
    // [date, kind] from the 2025 and 2026 notices, typed out again here
    [[2025, 1, 28], 'holiday'], // 春节 (除夕)
    [[2025, 2, 4], 'holiday'],
    [[2025, 1, 26], 'workday'], // Sunday, 调休上班
    [[2025, 2, 8], 'workday'], // Saturday, 调休上班
    [[2025, 10, 8], 'holiday'], // 国庆节、中秋节 8 days
    [[2025, 10, 11], 'workday'], // Saturday make-up
    [[2026, 1, 4], 'workday'], // Sunday make-up after 元旦
    [[2026, 2, 15], 'holiday'], // 春节 9 days
    [[2026, 2, 23], 'holiday'],
    [[2026, 2, 28], 'workday'],
    [[2026, 9, 20], 'workday'], // Sunday make-up before 国庆
    [[2026, 10, 3], 'holiday'],
    [[2026, 10, 10], 'workday'],
    [[2026, 10, 11], 'weekend'], // an ordinary Sunday
    [[2026, 10, 12], 'workday'],
  ] as const)('%j is a %s', ([y, m, d], kind) => {
    expect(calendarDay(at(y, m, d))).toMatchObject({ kind, source: 'official' });
    expect(officialDayKind(at(y, m, d))).toBe(kind);
  });

  it('uses the Beijing date, not UTC', () => {
    // 2026-10-01 00:30 Beijing is 2026-09-30 16:30 UTC.
    expect(calendarDay(at(2026, 10, 1, 0) + 30 * 60_000)).toMatchObject({
      date: '2026-10-01',
      kind: 'holiday',
    });
  });

  it('labels the holiday', () => {
    expect(calendarDay(at(2026, 10, 2)).holiday).toBe('国庆节');
  });

  it('says 2027 is provisional and falls back to weekday/weekend outside the table', () => {
    expect(calendarDay(at(2027, 10, 2))).toMatchObject({ kind: 'holiday', source: 'provisional' });
    expect(calendarDay(at(2028, 10, 2))).toEqual({ date: '2028-10-02', kind: 'workday', source: 'fallback' }); // Monday
    expect(calendarDay(at(2024, 10, 5))).toMatchObject({ kind: 'weekend', source: 'fallback' }); // Saturday
    expect(CALENDAR_COVERAGE).toEqual({ from: '2025-01-01', to: '2027-12-31' });
  });

  it('every make-up workday is a weekend day and no period overlaps another', () => {
    for (const y of HOLIDAY_SCHEDULE) {
      expect(y.source.length).toBeGreaterThan(0);
      for (const p of y.periods) {
        expect(p.from <= p.to).toBe(true);
        for (const d of p.makeupWorkdays) {
          const [yy, mm, dd] = d.split('-').map(Number);
          const wd = new Date(Date.UTC(yy!, mm! - 1, dd!)).getUTCDay();
          expect([0, 6]).toContain(wd);
        }
      }
    }
  });
});
