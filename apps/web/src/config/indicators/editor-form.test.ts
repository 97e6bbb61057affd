import { type IndicatorDefinition, UpdateIndicatorRequest } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { validate } from '../../auth/form';
import { indicatorDefinition } from './definition.fixture';
import { definitionOf, EMPTY_FORM, formOf } from './editor-form';

const stored: IndicatorDefinition = indicatorDefinition('urban.closureRate', {
  name: { zh: '结案率', en: 'Closure rate' },
  direction: 'higherIsBetter',
  thresholds: { warning: 0.8, alarm: null },
  target: { comparator: '>=', value: 0.9 },
  formula: { op: 'share', numerator: 'urban.casesClosed', denominator: 'urban.casesReported' },
  version: 3,
});

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
