import { describe, expect, it } from 'vitest';
import { assessSection, classifyWater, trophicLevelIndex } from '../index';

describe('assessSection (环办〔2011〕22号)', () => {
  it('leaves TN out of a reservoir class and reports it beside it', () => {
    // TN 0.72 is class III for a lake; every other item is class I–II.
    const sample = { ph: 7.4, do: 8.5, codMn: 1.6, nh3n: 0.1, tp: 0.017, tn: 0.72 };
    expect(classifyWater(sample, { waterbody: 'lake' }).label).toBe('III'); // GB 3838 single factor, unchanged
    const a = assessSection(sample, { waterbody: 'lake' });
    expect(a.label).toBe('II');
    expect(a.class).toBe(2);
    expect(a.worst).toEqual(['tp']);
    expect(a.excluded).toEqual(['tn', 'fecalColiform']);
    expect(a.tn).toEqual({ class: 3, label: 'III' });
  });

  it('gives rivers no TN status and classes them by their worst assessed item', () => {
    const a = assessSection({ do: 5.5, codMn: 3, nh3n: 1.2, tp: 0.1, tn: 3 }, { waterbody: 'river' });
    expect(a.label).toBe('IV');
    expect(a.worst).toEqual(['nh3n']);
    expect(a.tn).toBeUndefined();
  });

  it('a TN-only sample has no assessed item', () => {
    expect(() => assessSection({ tn: 0.5 }, { waterbody: 'lake' })).toThrow(RangeError);
  });

  it('rejects bad input naming the field', () => {
    expect(() => assessSection({ tp: 0.01, tn: -1 }, { waterbody: 'lake' })).toThrow(/tn/);
    expect(() => assessSection({ tp: Number.NaN }, { waterbody: 'lake' })).toThrow(/tp/);
    expect(() => assessSection({ tp: 0.01 }, { waterbody: 'sea' as 'lake' })).toThrow(/waterbody/);
  });
});

// TLI(j) formulas typed out again from the method (not imported): each parameter at the value whose
// partial index is X gives TLI(Σ) = X, since the weights sum to 1.
const atIndex = (x: number) => ({
  chla: Math.exp((x / 10 - 2.5) / 1.086),
  tp: Math.exp((x / 10 - 9.436) / 1.624),
  tn: Math.exp((x / 10 - 5.453) / 1.694),
  sd: Math.exp((5.118 - x / 10) / 1.94),
  codMn: Math.exp((x / 10 - 0.109) / 2.661),
});

describe('trophicLevelIndex (综合营养状态指数)', () => {
  it.each([
    [10, '贫营养'],
    [29.9, '贫营养'],
    [30, '中营养'],
    [50, '中营养'],
    [50.1, '轻度富营养'],
    [60, '轻度富营养'],
    [60.1, '中度富营养'],
    [70, '中度富营养'],
    [70.1, '重度富营养'],
    [85, '重度富营养'],
  ])('TLI %d → %s (the published bands)', (x, level) => {
    const r = trophicLevelIndex(atIndex(x));
    expect(r.tli).toBeCloseTo(x, 1);
    expect(r.level).toBe(level);
  });

  it('matches a hand-computed case', () => {
    // 0.2663·10(2.5+1.086 ln10) + 0.1879·10(9.436+1.624 ln0.05) + 0.179·10(5.453) + 0.1834·10(5.118) + 0.1834·10(0.109+2.661 ln4) = 48.02
    expect(trophicLevelIndex({ chla: 10, tp: 0.05, tn: 1, sd: 1, codMn: 4 })).toEqual({
      tli: 48,
      level: '中营养',
    });
  });

  it('rises with nutrients and falls with transparency', () => {
    const base = { chla: 5, tp: 0.03, tn: 0.8, sd: 1.5, codMn: 3 };
    expect(trophicLevelIndex({ ...base, tp: 0.06 }).tli).toBeGreaterThan(trophicLevelIndex(base).tli);
    expect(trophicLevelIndex({ ...base, sd: 3 }).tli).toBeLessThan(trophicLevelIndex(base).tli);
  });

  it.each(['chla', 'tp', 'tn', 'sd', 'codMn'] as const)('throws a RangeError naming %s', (field) => {
    const good = { chla: 5, tp: 0.03, tn: 0.8, sd: 1.5, codMn: 3 };
    expect(() => trophicLevelIndex({ ...good, [field]: 0 })).toThrow(new RegExp(`${field} must`));
    expect(() => trophicLevelIndex({ ...good, [field]: Number.NaN })).toThrow(RangeError);
    expect(() => trophicLevelIndex({ ...good, [field]: undefined } as never)).toThrow(new RegExp(field));
  });
});
