import { describe, expect, it } from 'vitest';
import type { Waterbody, WaterParameter, WaterSample } from './water';
import { classifyWater, WATER_CLASSES, WATER_LIMITS, WATER_PH_RANGE } from './water';

// GB 3838-2002 limits typed out again from the acceptance spec (not imported from water.ts).
type Limits = [param: Exclude<WaterParameter, 'ph' | 'do'>, waterbody: Waterbody, limits: number[]];
const AT_MOST: Limits[] = [
  ['codMn', 'river', [2, 4, 6, 10, 15]],
  ['codMn', 'lake', [2, 4, 6, 10, 15]],
  ['nh3n', 'river', [0.15, 0.5, 1.0, 1.5, 2.0]],
  ['nh3n', 'lake', [0.15, 0.5, 1.0, 1.5, 2.0]],
  ['tp', 'river', [0.02, 0.1, 0.2, 0.3, 0.4]],
  ['tp', 'lake', [0.01, 0.025, 0.05, 0.1, 0.2]],
  ['tn', 'lake', [0.2, 0.5, 1.0, 1.5, 2.0]],
];
const DO_AT_LEAST = [7.5, 6, 5, 3, 2];
const EPS = 0.001;

type Case = [param: WaterParameter, waterbody: Waterbody, value: number, cls: number];
const boundaryCases: Case[] = [];
for (const [param, waterbody, limits] of AT_MOST) {
  boundaryCases.push([param, waterbody, 0, 1]);
  limits.forEach((limit, i) => {
    boundaryCases.push([param, waterbody, limit, i + 1]); // at the limit: still that class
    boundaryCases.push([param, waterbody, limit + EPS, i + 2]); // just over: next class (6 = 劣V)
  });
}
for (const waterbody of ['river', 'lake'] as const) {
  boundaryCases.push(['do', waterbody, 12, 1]);
  boundaryCases.push(['do', waterbody, 0, 6]);
  DO_AT_LEAST.forEach((limit, i) => {
    boundaryCases.push(['do', waterbody, limit, i + 1]); // at the limit: that class
    boundaryCases.push(['do', waterbody, limit - EPS, i + 2]); // just under: next class (6 = 劣V)
  });
}

describe('GB 3838-2002 limits (data)', () => {
  it('match the spec', () => {
    expect(WATER_LIMITS).toEqual({
      do: [7.5, 6, 5, 3, 2],
      codMn: [2, 4, 6, 10, 15],
      nh3n: [0.15, 0.5, 1.0, 1.5, 2.0],
      tp: { river: [0.02, 0.1, 0.2, 0.3, 0.4], lake: [0.01, 0.025, 0.05, 0.1, 0.2] },
      tn: [0.2, 0.5, 1.0, 1.5, 2.0],
    });
    expect(WATER_PH_RANGE).toEqual({ min: 6, max: 9 });
  });
});

describe('every class boundary of every parameter', () => {
  it.each(boundaryCases)('%s (%s) = %d → class %d', (param, waterbody, value, cls) => {
    const sample: WaterSample = { [param]: value };
    const r = classifyWater(sample, { waterbody });
    expect(r.perParameter[param]).toBe(cls);
    expect(r.class).toBe(cls);
    expect(r.worst).toEqual([param]);
  });

  it.each([
    // spot checks written out by hand, with labels
    [{ codMn: 4.1 }, 3, 'III'],
    [{ nh3n: 1.0 }, 3, 'III'],
    [{ nh3n: 1.01 }, 4, 'IV'],
    [{ tp: 0.4 }, 5, 'V'],
    [{ tp: 0.41 }, 6, '劣V'],
    [{ do: 4.9 }, 4, 'IV'],
    [{ do: 1.9 }, 6, '劣V'],
  ] as const)('%o → class %d (%s), river', (sample, cls, label) => {
    const r = classifyWater(sample);
    expect(r.class).toBe(cls);
    expect(r.label).toBe(label);
  });
});

describe('pH', () => {
  it.each([
    [5.9, 6],
    [6, 1],
    [7.2, 1],
    [9, 1],
    [9.1, 6],
    [0, 6],
    [14, 6],
  ])('pH %d → class %d', (ph, cls) => {
    expect(classifyWater({ ph }).perParameter.ph).toBe(cls);
  });

  it('a pH in range does not worsen the class', () => {
    const r = classifyWater({ ph: 7, codMn: 5 }); // codMn 5 ≤ 6 → III
    expect(r.class).toBe(3);
    expect(r.worst).toEqual(['codMn']);
  });

  it('a pH out of range makes the section 劣V', () => {
    const r = classifyWater({ ph: 9.1, do: 8, codMn: 1 });
    expect(r.class).toBe(6);
    expect(r.label).toBe('劣V');
    expect(r.worst).toEqual(['ph']);
  });
});

describe('river vs lake', () => {
  it('defaults to river', () => {
    expect(classifyWater({ tp: 0.05 }).waterbody).toBe('river');
  });

  it.each([
    // tp: river limits 0.02/0.1/0.2/0.3/0.4, lake limits 0.01/0.025/0.05/0.1/0.2
    [0.015, 1, 2],
    [0.05, 2, 3],
    [0.08, 2, 4],
    [0.15, 3, 5],
    [0.25, 4, 6],
  ])('tp %d → river class %d, lake class %d', (tp, river, lake) => {
    expect(classifyWater({ tp }, { waterbody: 'river' }).class).toBe(river);
    expect(classifyWater({ tp }, { waterbody: 'lake' }).class).toBe(lake);
  });

  it('TN is ignored for rivers (absent from perParameter)', () => {
    const r = classifyWater({ codMn: 3, tn: 5 });
    expect(r.class).toBe(2);
    expect(r.perParameter).toEqual({ codMn: 2 });
    expect(r.worst).toEqual(['codMn']);
  });

  it('TN counts for lakes', () => {
    const r = classifyWater({ codMn: 3, tn: 5 }, { waterbody: 'lake' });
    expect(r.class).toBe(6);
    expect(r.perParameter).toEqual({ codMn: 2, tn: 6 });
    expect(r.worst).toEqual(['tn']);
  });

  it('a river sample with only TN has no class', () => {
    expect(() => classifyWater({ tn: 1 })).toThrow(RangeError);
  });
});

describe('worst parameter(s)', () => {
  it('a tie names all the parameters that set the class', () => {
    // do 4 → IV (≥ 3), codMn 8 → IV (≤ 10), nh3n 0.3 → II, tp 0.15 → III (river)
    const r = classifyWater({ do: 4, codMn: 8, nh3n: 0.3, tp: 0.15 });
    expect(r.perParameter).toEqual({ do: 4, codMn: 4, nh3n: 2, tp: 3 });
    expect(r.class).toBe(4);
    expect(r.worst).toEqual(['do', 'codMn']);
  });

  it('a single worst parameter', () => {
    // ph 7.5 → I, do 8 → I, codMn 3.5 → II, nh3n 1.2 → IV, tp 0.1 → II
    const r = classifyWater({ ph: 7.5, do: 8, codMn: 3.5, nh3n: 1.2, tp: 0.1 });
    expect(r.class).toBe(4);
    expect(r.label).toBe('IV');
    expect(r.worst).toEqual(['nh3n']);
  });

  it('all class I: every parameter ties', () => {
    const r = classifyWater({ ph: 7, do: 9, codMn: 1 });
    expect(r.class).toBe(1);
    expect(r.worst).toEqual(['ph', 'do', 'codMn']);
  });
});

describe('labels, categories and colours', () => {
  // One sample per class through codMn (limits 2/4/6/10/15).
  it.each([
    [1.5, 1, 'I', '优', 'Excellent', '#CCFFFF'],
    [3, 2, 'II', '优', 'Excellent', '#00CCFF'],
    [5, 3, 'III', '良好', 'Good', '#00FF00'],
    [8, 4, 'IV', '轻度污染', 'Lightly Polluted', '#FFFF00'],
    [12, 5, 'V', '中度污染', 'Moderately Polluted', '#FF9B00'],
    [20, 6, '劣V', '重度污染', 'Heavily Polluted', '#FF0000'],
  ] as const)('codMn %d → class %d %s %s', (codMn, cls, label, category, categoryEn, color) => {
    expect(classifyWater({ codMn })).toMatchObject({ class: cls, label, category, categoryEn, color });
  });

  it('exports the class table for legends', () => {
    expect(WATER_CLASSES.map((c) => [c.class, c.label, c.category])).toEqual([
      [1, 'I', '优'],
      [2, 'II', '优'],
      [3, 'III', '良好'],
      [4, 'IV', '轻度污染'],
      [5, 'V', '中度污染'],
      [6, '劣V', '重度污染'],
    ]);
  });
});

describe('bad input', () => {
  const params: WaterParameter[] = ['ph', 'do', 'codMn', 'nh3n', 'tp', 'tn'];
  const bad = [-1, -0.01, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const cases = params.flatMap((p) => bad.map((b) => [p, b] as const));

  it.each(cases)('%s = %d → RangeError naming the field (even TN for a river)', (param, value) => {
    const sample: WaterSample = { codMn: 3, [param]: value };
    expect(() => classifyWater(sample)).toThrow(RangeError);
    expect(() => classifyWater(sample)).toThrow(new RegExp(`\\b${param}\\b`));
  });

  it('an empty sample has no class', () => {
    expect(() => classifyWater({})).toThrow(RangeError);
    expect(() => classifyWater({}, { waterbody: 'lake' })).toThrow(RangeError);
  });

  it('a pH above 14 is impossible', () => {
    expect(() => classifyWater({ ph: 15 })).toThrow(/ph/);
  });

  it('null is rejected, naming the field', () => {
    expect(() => classifyWater({ nh3n: null } as unknown as WaterSample)).toThrow(/nh3n/);
  });

  it('an unknown waterbody is a RangeError', () => {
    const opts = { waterbody: 'sea' } as unknown as { waterbody: Waterbody };
    expect(() => classifyWater({ codMn: 3 }, opts)).toThrow(RangeError);
  });
});
