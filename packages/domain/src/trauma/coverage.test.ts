import { describe, expect, it } from 'vitest';
import { coverageSummary, isCovered } from './coverage';

const v = (villageCode: string, townshipCode: string, seconds: number) => ({
  villageCode,
  townshipCode,
  seconds,
});

describe('isCovered', () => {
  it('≤ 900 s is covered; exactly 900 s is covered', () => {
    expect(isCovered(900)).toBe(true);
    expect(isCovered(900.001)).toBe(false);
    expect(isCovered(0)).toBe(true);
    expect(isCovered(Number.POSITIVE_INFINITY)).toBe(false);
    expect(isCovered(1000, 1200)).toBe(true);
  });
});

describe('coverageSummary', () => {
  const villages = [
    v('T1-a', 'T1', 120),
    v('T1-b', 'T1', 600),
    v('T1-c', 'T1', 900),
    v('T1-d', 'T1', 901),
    v('T2-a', 'T2', 1800),
    v('T2-b', 'T2', Number.POSITIVE_INFINITY),
    v('T2-c', 'T2', 300),
  ];
  const s = coverageSummary(villages);

  it('flags villages over 15 minutes (and unreachable ones) as gaps, worst first', () => {
    expect(s.thresholdS).toBe(900);
    expect(s.gaps.map((g) => g.villageCode)).toEqual(['T2-b', 'T2-a', 'T1-d']);
  });

  it('summarises by township with cumulative 5/10/15/30-minute bands', () => {
    const [t1, t2] = s.townships;
    expect(t1).toEqual({
      townshipCode: 'T1',
      villages: 4,
      covered: 3,
      gaps: 1,
      unreachable: 0,
      coveredShare: 0.75,
      within: [
        { maxS: 300, count: 1, share: 0.25 },
        { maxS: 600, count: 2, share: 0.5 },
        { maxS: 900, count: 3, share: 0.75 },
        { maxS: 1800, count: 4, share: 1 },
      ],
      worst: { villageCode: 'T1-d', seconds: 901 },
    });
    expect(t2!.covered).toBe(1);
    expect(t2!.unreachable).toBe(1);
    expect(t2!.within.map((b) => b.count)).toEqual([1, 1, 1, 2]);
    expect(t2!.worst).toEqual({ villageCode: 'T2-b', seconds: Number.POSITIVE_INFINITY });
  });

  it('county totals', () => {
    expect(s.county.villages).toBe(7);
    expect(s.county.covered).toBe(4);
    expect(s.county.gaps).toBe(3);
    expect(s.county.coveredShare).toBeCloseTo(4 / 7, 12);
  });

  it('custom threshold and bands; empty input', () => {
    const c = coverageSummary(villages, { thresholdS: 600, bands: [600] });
    expect(c.county.covered).toBe(3);
    expect(c.county.within).toEqual([{ maxS: 600, count: 3, share: 3 / 7 }]);
    const e = coverageSummary([]);
    expect(e.county.coveredShare).toBeNull();
    expect(e.county.worst).toBeNull();
    expect(e.townships).toEqual([]);
  });

  it('rejects NaN / negative times and duplicate villages', () => {
    expect(() => coverageSummary([v('a', 'T', Number.NaN)])).toThrow(RangeError);
    expect(() => coverageSummary([v('a', 'T', -5)])).toThrow(RangeError);
    expect(() => coverageSummary([v('a', 'T', 5), v('a', 'T', 6)])).toThrow(/duplicate/);
    expect(() => coverageSummary([], { bands: [600, 300] })).toThrow(RangeError);
  });
});
