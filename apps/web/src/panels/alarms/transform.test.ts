import type { Alarm } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { alarmRows } from './transform';

const alarm = (id: string, severity: Alarm['severity']): Alarm => ({
  id,
  kind: 'K',
  severity,
  title: { zh: id, en: id },
  regionCode: null,
  entityId: null,
  since: null,
});
const list = [alarm('w1', 'warning'), alarm('a1', 'alarm'), alarm('w2', 'warning'), alarm('a2', 'alarm')];

describe('alarmRows', () => {
  it('puts alarms before warnings, keeping the order within each', () => {
    expect(alarmRows(list, { severity: 'all', limit: 10 }).rows.map((a) => a.id)).toEqual([
      'a1',
      'a2',
      'w1',
      'w2',
    ]);
  });
  it('keeps only alarms when asked, and counts what the limit leaves out', () => {
    expect(alarmRows(list, { severity: 'alarm', limit: 10 }).rows.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(alarmRows(list, { severity: 'all', limit: 3 })).toMatchObject({ more: 1 });
    expect(alarmRows([], { severity: 'all', limit: 3 })).toEqual({ rows: [], more: 0 });
  });
});
