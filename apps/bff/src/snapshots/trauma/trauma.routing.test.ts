import { congestionCostFactor } from '@cockpit/domain/routing';
import { describe, expect, it } from 'vitest';
import { congestionAt, dayKindAt } from './trauma.routing';

describe('trauma congestion reads the holiday calendar', () => {
  it('a public holiday on a weekday is a holiday, a make-up Saturday a workday', () => {
    expect(dayKindAt(Date.parse('2026-10-02T02:00:00Z'))).toBe('holiday'); // Friday, 国庆节
    expect(dayKindAt(Date.parse('2026-10-10T02:00:00Z'))).toBe('workday'); // Saturday, 调休上班
    expect(dayKindAt(Date.parse('2026-10-11T02:00:00Z'))).toBe('weekend');
  });

  it('routes with the holiday congestion model on a holiday', () => {
    // 10:00 Beijing on 2026-10-02: holiday outbound tourist traffic, not the workday peak.
    const at = Date.parse('2026-10-02T02:00:00Z');
    expect(congestionAt(at)('arterial', 0)).toBe(congestionCostFactor(10, 'holiday')('arterial', 0));
    expect(congestionCostFactor(10, 'holiday')('arterial', 0)).not.toBe(
      congestionCostFactor(10, 'workday')('arterial', 0),
    );
  });
});
