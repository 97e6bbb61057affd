import { type IndicatorDefinition, UpdateIndicatorRequest } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { validate } from '../../auth/form';
import { definitionOf, EMPTY_FORM, formOf } from './editor-form';

const stored: IndicatorDefinition = {
  id: 'urban.closureRate',
  name: { zh: '结案率', en: 'Closure rate' },
  unit: '%',
  field: 'urban',
  theme: 'overview',
  definition: { zh: '今日结案 ÷ 今日上报', en: 'closed ÷ reported' },
  departmentId: 'enforcement',
  source: { system: 'county-services', dataset: 'county.cases' },
  levels: ['county', 'township'],
  rollup: { rule: 'none' },
  updateFrequencySeconds: 15,
  freshnessTargetSeconds: 35,
  direction: 'higherIsBetter',
  thresholds: { warning: 0.8, alarm: null },
  target: { comparator: '>=', value: 0.9 },
  formula: { op: 'share', numerator: 'urban.casesClosed', denominator: 'urban.casesReported' },
  status: 'active',
  version: 3,
  updatedAt: '2026-12-01T00:00:00.000Z',
  updatedBy: 'system',
};

describe('the indicator editor form', () => {
  it('round-trips a stored definition', () => {
    const { version: _v, updatedAt: _a, updatedBy: _b, ...input } = stored;
    expect(definitionOf(formOf(stored))).toEqual(input);
    const weighted = {
      ...stored,
      formula: null,
      rollup: { rule: 'weightedMean' as const, weight: 'urban.casesClosed' },
    };
    expect(definitionOf(formOf(weighted)).rollup).toEqual(weighted.rollup);
  });

  it('gives errors by field for what the contract refuses', () => {
    const form = {
      ...formOf(stored),
      nameZh: '',
      freshnessTargetSeconds: 'abc',
      warning: 'x',
      formulaOperands: 'urban.casesClosed',
    };
    const checked = validate(UpdateIndicatorRequest, { ...definitionOf(form), version: 3 });
    expect(checked.ok).toBe(false);
    const fields = checked.ok ? [] : checked.errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'name.zh',
        'freshnessTargetSeconds',
        'thresholds.warning',
        'formula.denominator',
      ]),
    );
  });

  it('starts a new indicator as a draft with nothing derived', () => {
    const d = definitionOf(EMPTY_FORM);
    expect(d.status).toBe('draft');
    expect(d.formula).toBeNull();
    expect(d.target).toBeNull();
  });
});
