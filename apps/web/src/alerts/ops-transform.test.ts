import { describe, expect, it } from 'vitest';
import { alarmStateCounts, beijingDate, openAlarmsIn } from './ops-transform';

describe('ops transforms', () => {
  it('counts alarms per state', () => {
    expect(
      alarmStateCounts([
        { state: 'firing' },
        { state: 'firing' },
        { state: 'resolved' },
        { state: 'dispatched' },
      ]),
    ).toEqual({ firing: 2, acknowledged: 0, dispatched: 1, resolved: 1 });
  });

  it('gives the Beijing date of an instant (16:00 UTC is already tomorrow in Beijing)', () => {
    expect(beijingDate(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01');
    expect(beijingDate(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02');
  });

  it('keeps the open alarms of a region and below, most severe first, newest first', () => {
    const a = (
      id: string,
      regionCode: string,
      severity: string,
      state = 'firing',
      at = '2026-12-01T01:00:00Z',
    ) => ({
      id,
      regionCode,
      severity,
      state: state as 'firing',
      lastChangedAt: at,
    });
    const out = openAlarmsIn(
      [
        a('w-old', '331023105201', 'warning', 'firing', '2026-12-01T00:00:00Z'),
        a('w-new', '331023105', 'warning', 'acknowledged'),
        a('c', '331023105', 'critical'),
        a('gone', '331023105', 'critical', 'resolved'),
        a('elsewhere', '331023106', 'critical'),
      ],
      '331023105',
    );
    expect(out.map((x) => x.id)).toEqual(['c', 'w-new', 'w-old']);
  });
});
