import type { IndicatorDefinitionInput, IndicatorRollup, Level } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { createEvaluator, inRegion, rollup } from './rollup';

describe('rollup', () => {
  const items = [
    { value: 10, weight: 1 },
    { value: 20, weight: 3 },
    { value: null, weight: 100 },
  ];
  it('sums, averages, weights and takes the max and min, leaving out missing values', () => {
    expect(rollup('sum', items)).toBe(30);
    expect(rollup('mean', items)).toBe(15);
    expect(rollup('weightedMean', items)).toBe(17.5);
    expect(rollup('max', items)).toBe(20);
    expect(rollup('min', items)).toBe(10);
  });
  it('is unknown (null), never 0, when nothing is reported', () => {
    expect(rollup('sum', [])).toBeNull();
    expect(rollup('sum', [{ value: null }])).toBeNull();
    expect(rollup('min', [{ value: null }])).toBeNull();
    expect(rollup('weightedMean', [{ value: 5, weight: 0 }])).toBeNull();
  });
});

describe('inRegion', () => {
  it('places an entity by its village code', () => {
    expect(inRegion('331023', '331023105200')).toBe(true);
    expect(inRegion('331023105', '331023105200')).toBe(true);
    expect(inRegion('331023105', '331023101200')).toBe(false);
    expect(inRegion('331023105200', '331023105200')).toBe(true);
  });
});

/**
 * A county of two townships: T1 with villages V11, V12; T2 with V21 (and V22, which reports nothing).
 * Each village's own figure (the "value function") is fixed; everything above comes from the rule.
 */
const C = '331023';
const T1 = '331023001';
const T2 = '331023002';
const V11 = '331023001001';
const V12 = '331023001002';
const V21 = '331023002001';
const V22 = '331023002002';
const REGIONS = new Map(
  [
    { code: C, level: 'county' as Level, childCodes: [T1, T2] },
    { code: T1, level: 'township' as Level, childCodes: [V11, V12] },
    { code: T2, level: 'township' as Level, childCodes: [V21, V22] },
    ...[V11, V12, V21, V22].map((code) => ({ code, level: 'village' as Level, childCodes: [] })),
  ].map((r) => [r.code, r]),
);
const ALL: Level[] = ['county', 'township', 'village'];

/** Per village: x (a measure), w (a count used as weight), n / d (numerator and denominator counts). */
const VILLAGE: Record<string, Record<string, number | null>> = {
  [V11]: { x: 10, w: 1, n: 1, d: 4 },
  [V12]: { x: 30, w: 3, n: 3, d: 4 },
  [V21]: { x: 5, w: 2, n: 2, d: 2 },
  [V22]: { x: null, w: null, n: null, d: null },
};
/** What a rule-none value function computes afresh at every level (here: a marker per region). */
const DIRECT_ANY_LEVEL: Record<string, number> = { [C]: 100, [T1]: 101, [T2]: 102 };

function evaluatorWith(
  defs: Record<string, { rollup: IndicatorRollup; levels?: Level[] } & Partial<IndicatorDefinitionInput>>,
) {
  const definitions = new Map(
    Object.entries(defs).map(([id, d]) => [id, { id, levels: ALL, formula: null, ...d }]),
  );
  return createEvaluator({
    definition: (id) => definitions.get(id),
    region: (code) => REGIONS.get(code),
    direct: (id, code) => {
      const key = id.split('.')[1]!;
      const village = VILLAGE[code];
      if (village && key === 'share') return village.d ? village.n! / village.d : null;
      if (village) return village[key.slice(0, 1)] ?? null;
      if (definitions.get(id)!.rollup.rule === 'none' || key === 'pooled') return DIRECT_ANY_LEVEL[code]!;
      throw new Error(`value function of ${id} called above the village level at ${code}`);
    },
  });
}

describe('the roll-up path village → township → county reads the stored rule', () => {
  it('sum, mean, max and min, at three levels, leaving out the village that reports nothing', () => {
    const e = evaluatorWith({
      't.xSum': { rollup: { rule: 'sum' } },
      't.xMean': { rollup: { rule: 'mean' } },
      't.xMax': { rollup: { rule: 'max' } },
      't.xMin': { rollup: { rule: 'min' } },
    });
    const at = (id: string) => [V11, T1, T2, C].map((c) => e.value(id, c));
    expect(at('t.xSum')).toEqual([10, 40, 5, 45]);
    // Mean of the children's values: the county is the mean of the township means, not of the villages.
    expect(at('t.xMean')).toEqual([10, 20, 5, 12.5]);
    expect(at('t.xMax')).toEqual([10, 30, 5, 30]);
    expect(at('t.xMin')).toEqual([10, 10, 5, 5]);
    expect(e.value('t.xSum', V22)).toBeNull();
  });

  it('weightedMean weights each child by the weight indicator, itself rolled up', () => {
    const e = evaluatorWith({
      't.wCount': { rollup: { rule: 'sum' } },
      't.xWeighted': { rollup: { rule: 'weightedMean', weight: 't.wCount' } },
    });
    // T1: (10·1 + 30·3) / 4 = 25; T2: 5; county: (25·4 + 5·2) / 6 = 18.33… = the villages' weighted mean.
    expect(e.value('t.xWeighted', T1)).toBe(25);
    expect(e.value('t.xWeighted', T2)).toBe(5);
    expect(e.value('t.xWeighted', C)).toBeCloseTo((10 * 1 + 30 * 3 + 5 * 2) / 6, 12);
  });

  it('ratio is Σ numerator ÷ Σ denominator of the children, not a mean of ratios', () => {
    const e = evaluatorWith({
      't.nCount': { rollup: { rule: 'sum' } },
      't.dCount': { rollup: { rule: 'sum' } },
      't.share': { rollup: { rule: 'ratio', numerator: 't.nCount', denominator: 't.dCount' } },
    });
    expect(e.value('t.share', V11)).toBe(1 / 4); // the village's own value function
    expect(e.value('t.share', T1)).toBe(4 / 8);
    expect(e.value('t.share', T2)).toBe(1);
    expect(e.value('t.share', C)).toBe(6 / 10);
  });

  it('ratio without operands, and none, are computed afresh at every level by the value function', () => {
    const e = evaluatorWith({
      't.pooled': { rollup: { rule: 'ratio' } },
      't.median': { rollup: { rule: 'none' } },
    });
    expect([T1, T2, C].map((c) => e.value('t.pooled', c))).toEqual([101, 102, 100]);
    expect([T1, T2, C].map((c) => e.value('t.median', c))).toEqual([101, 102, 100]);
  });

  it('an indicator starts at its lowest level, and does not exist below it', () => {
    const direct: string[] = [];
    const e = createEvaluator({
      definition: () => ({
        id: 't.town',
        levels: ['county', 'township'],
        rollup: { rule: 'sum' },
        formula: null,
      }),
      region: (code) => REGIONS.get(code),
      direct: (_id, code) => {
        direct.push(code);
        return code === T1 ? 7 : 3;
      },
    });
    expect(e.value('t.town', C)).toBe(10);
    expect(direct.sort()).toEqual([T1, T2]);
    expect(e.value('t.town', V11)).toBeUndefined();
  });

  it('a derived indicator is its formula over the operands at each level', () => {
    const e = evaluatorWith({
      't.nCount': { rollup: { rule: 'sum' } },
      't.dCount': { rollup: { rule: 'sum' } },
      't.open': {
        rollup: { rule: 'none' },
        formula: { op: 'difference', minuend: 't.dCount', subtrahend: 't.nCount' },
      },
      't.closed': {
        rollup: { rule: 'none' },
        unit: '%',
        formula: { op: 'share', numerator: 't.nCount', denominator: 't.dCount' },
      },
    });
    expect([V11, T1, C].map((c) => e.value('t.open', c))).toEqual([3, 4, 4]);
    expect([V11, T1, C].map((c) => e.value('t.closed', c))).toEqual([0.25, 0.5, 0.6]);
    expect(e.value('t.closed', V22)).toBeNull();
  });

  it('an indicator without a value function, or unknown, is not computable (undefined), not 0', () => {
    const e = createEvaluator({
      definition: (id) =>
        id === 't.x' ? { id, levels: ALL, rollup: { rule: 'sum' }, formula: null } : undefined,
      region: (code) => REGIONS.get(code),
      direct: () => undefined,
    });
    expect(e.value('t.x', C)).toBeUndefined();
    expect(e.value('t.unknown', C)).toBeUndefined();
  });
});
