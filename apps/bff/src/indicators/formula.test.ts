import type { IndicatorDefinitionInput, IndicatorFormula, Level } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { SEED_DEFINITIONS } from './definitions.seed';
import { checkDefinition, computeFormula, findCycle } from './formula';

const ALL: Level[] = ['county', 'township', 'village'];
const base = (id: string, extra: Partial<IndicatorDefinitionInput> = {}): IndicatorDefinitionInput => ({
  id,
  name: { zh: id, en: id },
  unit: '件',
  field: 'urban',
  theme: 'overview',
  definition: { zh: '口径', en: 'definition' },
  departmentId: 'enforcement',
  source: { system: 'county-services', dataset: 'county.cases' },
  levels: ['county', 'township'],
  rollup: { rule: 'sum' },
  updateFrequencySeconds: 15,
  freshnessTargetSeconds: 35,
  direction: 'higherIsBetter',
  thresholds: { warning: null, alarm: null },
  target: null,
  formula: null,
  status: 'active',
  ...extra,
});
const known = new Map<string, IndicatorDefinitionInput>(SEED_DEFINITIONS.map((d) => [d.id, d]));
const derived = (id: string, formula: IndicatorFormula, extra: Partial<IndicatorDefinitionInput> = {}) =>
  base(id, { rollup: { rule: 'none' }, formula, ...extra });

describe('computeFormula', () => {
  const values: Record<string, number | null> = { a: 6, b: 3, z: 0, n: null };
  const v = (id: string) => values[id] ?? null;
  it('computes ratio, share, sum and difference from the operands', () => {
    expect(computeFormula({ op: 'ratio', numerator: 'a', denominator: 'b' }, v)).toBe(2);
    expect(computeFormula({ op: 'share', numerator: 'b', denominator: 'a' }, v)).toBe(0.5);
    expect(computeFormula({ op: 'sum', terms: ['a', 'b', 'z'] }, v)).toBe(9);
    expect(computeFormula({ op: 'difference', minuend: 'b', subtrahend: 'a' }, v)).toBe(-3);
  });
  it('is unknown (null) when an operand is unknown or a denominator is 0', () => {
    expect(computeFormula({ op: 'ratio', numerator: 'a', denominator: 'z' }, v)).toBeNull();
    expect(computeFormula({ op: 'sum', terms: ['a', 'n'] }, v)).toBeNull();
    expect(computeFormula({ op: 'difference', minuend: 'n', subtrahend: 'a' }, v)).toBeNull();
  });
});

describe('checkDefinition', () => {
  it('accepts every seeded definition against the seeded set', () => {
    for (const d of SEED_DEFINITIONS) expect(checkDefinition(d, known), d.id).toBeNull();
  });

  it('accepts a derived indicator over existing ones', () => {
    const d = derived('urban.casesOpen', {
      op: 'difference',
      minuend: 'urban.casesReported',
      subtrahend: 'urban.casesClosed',
    });
    expect(checkDefinition(d, known)).toBeNull();
  });

  it('refuses a formula naming an unknown indicator, naming it and the field', () => {
    const d = derived('urban.x', { op: 'sum', terms: ['urban.casesReported', 'urban.nope'] });
    expect(checkDefinition(d, known)).toEqual({
      field: 'formula.terms.1',
      message: 'unknown indicator urban.nope',
    });
    const r = derived('urban.y', { op: 'ratio', numerator: 'nope.a', denominator: 'urban.casesReported' });
    expect(checkDefinition(r, known)).toEqual({
      field: 'formula.numerator',
      message: 'unknown indicator nope.a',
    });
  });

  it('refuses a formula that refers to itself', () => {
    const d = derived('urban.self', { op: 'sum', terms: ['urban.self', 'urban.casesReported'] });
    expect(checkDefinition(d, known)?.message).toBe('the formula makes a cycle: urban.self → urban.self');
  });

  it('refuses a cycle through other derived indicators, naming the path', () => {
    const withA = new Map(known);
    withA.set('urban.a', derived('urban.a', { op: 'sum', terms: ['urban.b', 'urban.casesReported'] }));
    withA.set(
      'urban.b',
      derived('urban.b', {
        op: 'difference',
        minuend: 'urban.casesClosed',
        subtrahend: 'urban.casesReported',
      }),
    );
    // Changing b to read a closes the loop a → b → a.
    const b = derived('urban.b', { op: 'ratio', numerator: 'urban.a', denominator: 'urban.casesReported' });
    expect(checkDefinition(b, withA)).toEqual({
      field: 'formula',
      message: 'the formula makes a cycle: urban.b → urban.a → urban.b',
    });
    expect(findCycle('urban.a', withA)).toBeNull();
  });

  it('refuses an operand that does not exist at every level of the derived indicator', () => {
    const d = derived(
      'urban.perVillage',
      { op: 'ratio', numerator: 'urban.casesReported', denominator: 'health.outpatientVisits' },
      { levels: ALL },
    );
    expect(checkDefinition(d, known)).toEqual({
      field: 'formula.numerator',
      message: 'urban.casesReported does not exist at level village',
    });
  });

  it('refuses a share not in %, and a derived indicator with a roll-up rule', () => {
    const share = derived('urban.s', {
      op: 'share',
      numerator: 'urban.casesClosed',
      denominator: 'urban.casesReported',
    });
    expect(checkDefinition(share, known)?.field).toBe('unit');
    expect(checkDefinition({ ...share, unit: '%' }, known)).toBeNull();
    expect(checkDefinition({ ...share, unit: '%', rollup: { rule: 'sum' } }, known)?.field).toBe(
      'rollup.rule',
    );
  });

  it('refuses roll-up operands that are unknown, or itself', () => {
    const w = base('urban.w', { rollup: { rule: 'weightedMean', weight: 'urban.none' } });
    expect(checkDefinition(w, known)).toEqual({
      field: 'rollup.weight',
      message: 'unknown indicator urban.none',
    });
    const self = base('urban.r', {
      rollup: { rule: 'ratio', numerator: 'urban.r', denominator: 'urban.casesReported' },
    });
    expect(checkDefinition(self, known)?.field).toBe('rollup.numerator');
    const half = base('urban.h', { rollup: { rule: 'ratio', numerator: 'urban.casesClosed' } });
    expect(checkDefinition(half, known)?.field).toBe('rollup');
  });
});
