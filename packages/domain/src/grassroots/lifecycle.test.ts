import { describe, expect, it } from 'vitest';
import {
  averageHandlingHours,
  closureRate,
  isOverdueOpen,
  type LifecycleEvent,
  lifecycleParts,
  onTimeRate,
  sumParts,
  villageSettlementRate,
} from './lifecycle';
import { maskPersonName, maskPhone } from './mask';

const H = 3_600_000;
const NOW = Date.parse('2026-07-15T12:00:00Z');
const ev = (
  type: string,
  reportedHoursAgo: number,
  deadlineHours: number,
  closedHoursAgo: number | null,
  handlingLevel: LifecycleEvent['handlingLevel'] = 'village',
): LifecycleEvent => ({
  type,
  reportedAtMs: NOW - reportedHoursAgo * H,
  deadlineHours,
  closedAtMs: closedHoursAgo === null ? null : NOW - closedHoursAgo * H,
  handlingLevel,
});

// Hand-made: the expectations below are worked out by hand from these seven events.
const E1 = ev('dispute', 100, 72, 40); // closed after 60 h, on time, settled in the village
const E2 = ev('dispute', 90, 72, 10, 'township'); // closed after 80 h: late; escalated
const E3 = ev('sanitation', 30, 24, 20); // closed after 10 h, on time
const E4 = ev('safety', 60, 48, null); // open, 12 h past its deadline: overdue
const E5 = ev('fire', 5, 12, null); // open, within its deadline
const E6 = ev('flood', 2, 6, -1); // closes an hour from now: open at NOW, not overdue
const E7 = ev('other', -1, 24, null); // reported after NOW: not counted
const ALL = [E1, E2, E3, E4, E5, E6, E7];

describe('lifecycle figures on fixed data', () => {
  it('counts the additive parts', () => {
    expect(lifecycleParts(ALL, NOW)).toEqual({
      reported: 6,
      closed: 3,
      closedOnTime: 2,
      handlingHoursTotal: 150, // 60 + 80 + 10
      overdueOpen: 1,
      disputesClosed: 2,
      disputesSettledInVillage: 1,
    });
  });

  it('computes closure rate, on-time rate, handling time and village settlement', () => {
    const p = lifecycleParts(ALL, NOW);
    expect(closureRate(p)).toBe(0.5); // 3 / 6
    expect(onTimeRate(p)).toBeCloseTo(2 / 3, 12);
    expect(averageHandlingHours(p)).toBe(50); // 150 h / 3
    expect(villageSettlementRate(p)).toBe(0.5); // 1 / 2
  });

  it('says which open cases are overdue', () => {
    expect(ALL.filter((e) => isOverdueOpen(e, NOW))).toEqual([E4]);
    // An hour later E6 is closed, E5 still within its 12 h.
    expect(lifecycleParts(ALL, NOW + H).closed).toBe(4);
  });

  it('rolls up as a ratio of sums, never a mean of ratios', () => {
    const a = lifecycleParts([E1, E2, E3, E4], NOW); // closure 3/4
    const b = lifecycleParts([E5, E6], NOW); // closure 0/2
    const pooled = sumParts([a, b]);
    expect(pooled).toEqual(lifecycleParts(ALL, NOW));
    expect(closureRate(pooled)).toBe(0.5);
    expect(((closureRate(a) ?? 0) + (closureRate(b) ?? 0)) / 2).toBe(0.375); // what a mean would have said
  });

  it('answers null, not 0, without events', () => {
    const none = lifecycleParts([], NOW);
    expect([
      closureRate(none),
      onTimeRate(none),
      averageHandlingHours(none),
      villageSettlementRate(none),
    ]).toEqual([null, null, null, null]);
  });
});

describe('masking personal data', () => {
  it('masks names and phones', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('王建明')).toBe('王*明');
    expect(maskPersonName('欧阳建国')).toBe('欧**国');
    expect(maskPersonName('')).toBe('*');
    expect(maskPhone('13803360772')).toBe('138****0772');
    expect(maskPhone('12')).toBe('***');
  });
});
