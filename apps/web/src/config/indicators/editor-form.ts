/** The indicator editor's form (all text, as inputs hold it) ⇄ a definition request. Pure. */
import type { IndicatorDefinition, IndicatorFormula, IndicatorRollup, Level } from '@cockpit/contracts';

export type IndicatorForm = {
  id: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  field: string;
  theme: string;
  definitionZh: string;
  definitionEn: string;
  departmentId: string;
  sourceSystem: string;
  sourceDataset: string;
  levels: Level[];
  rollupRule: string;
  /** weightedMean: the weight; ratio: numerator and denominator (comma-separated ids). */
  rollupOperands: string;
  updateFrequencySeconds: string;
  freshnessTargetSeconds: string;
  direction: string;
  warning: string;
  alarm: string;
  targetComparator: string;
  targetValue: string;
  /** '' = not derived. */
  formulaOp: string;
  /** Operand ids, comma-separated, in the formula's order (numerator, denominator / minuend, subtrahend / terms). */
  formulaOperands: string;
  status: string;
};

export const EMPTY_FORM: IndicatorForm = {
  id: '',
  nameZh: '',
  nameEn: '',
  unit: '',
  field: 'urban',
  theme: 'overview',
  definitionZh: '',
  definitionEn: '',
  departmentId: '',
  sourceSystem: 'county-services',
  sourceDataset: '',
  levels: ['county', 'township'],
  rollupRule: 'sum',
  rollupOperands: '',
  updateFrequencySeconds: '60',
  freshnessTargetSeconds: '150',
  direction: 'higherIsBetter',
  warning: '',
  alarm: '',
  targetComparator: '>=',
  targetValue: '',
  formulaOp: '',
  formulaOperands: '',
  status: 'draft',
};

const ids = (text: string) =>
  text
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
const num = (text: string): number | null => (text.trim() === '' ? null : Number(text));
const numOrNaN = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export function formOf(d: IndicatorDefinition): IndicatorForm {
  const r = d.rollup;
  const f = d.formula;
  return {
    id: d.id,
    nameZh: d.name.zh,
    nameEn: d.name.en,
    unit: d.unit,
    field: d.field,
    theme: d.theme,
    definitionZh: d.definition.zh,
    definitionEn: d.definition.en,
    departmentId: d.departmentId,
    sourceSystem: d.source.system,
    sourceDataset: d.source.dataset,
    levels: [...d.levels],
    rollupRule: r.rule,
    rollupOperands:
      r.rule === 'weightedMean'
        ? r.weight
        : r.rule === 'ratio' && r.numerator && r.denominator
          ? `${r.numerator}, ${r.denominator}`
          : '',
    updateFrequencySeconds: String(d.updateFrequencySeconds),
    freshnessTargetSeconds: String(d.freshnessTargetSeconds),
    direction: d.direction,
    warning: d.thresholds.warning === null ? '' : String(d.thresholds.warning),
    alarm: d.thresholds.alarm === null ? '' : String(d.thresholds.alarm),
    targetComparator: d.target?.comparator ?? '>=',
    targetValue: d.target ? String(d.target.value) : '',
    formulaOp: f?.op ?? '',
    formulaOperands: !f
      ? ''
      : f.op === 'sum'
        ? f.terms.join(', ')
        : f.op === 'difference'
          ? `${f.minuend}, ${f.subtrahend}`
          : `${f.numerator}, ${f.denominator}`,
    status: d.status,
  };
}

function rollupOf(form: IndicatorForm): IndicatorRollup {
  const [a, b] = ids(form.rollupOperands);
  if (form.rollupRule === 'weightedMean') return { rule: 'weightedMean', weight: a ?? '' };
  if (form.rollupRule === 'ratio')
    return a || b ? { rule: 'ratio', numerator: a ?? '', denominator: b ?? '' } : { rule: 'ratio' };
  return { rule: form.rollupRule } as IndicatorRollup;
}

function formulaOf(form: IndicatorForm): IndicatorFormula | null {
  const list = ids(form.formulaOperands);
  const [a = '', b = ''] = list;
  switch (form.formulaOp) {
    case '':
      return null;
    case 'sum':
      return { op: 'sum', terms: list };
    case 'difference':
      return { op: 'difference', minuend: a, subtrahend: b };
    default:
      return { op: form.formulaOp, numerator: a, denominator: b } as IndicatorFormula;
  }
}

/** The request body of the form (validated afterwards with the contract's schema, errors by field). */
export function definitionOf(form: IndicatorForm) {
  const target = num(form.targetValue);
  return {
    id: form.id.trim(),
    name: { zh: form.nameZh.trim(), en: form.nameEn.trim() },
    unit: form.unit.trim(),
    field: form.field,
    theme: form.theme,
    definition: { zh: form.definitionZh.trim(), en: form.definitionEn.trim() },
    departmentId: form.departmentId.trim(),
    source: { system: form.sourceSystem.trim(), dataset: form.sourceDataset.trim() },
    levels: form.levels,
    rollup: rollupOf(form),
    updateFrequencySeconds: numOrNaN(form.updateFrequencySeconds),
    freshnessTargetSeconds: numOrNaN(form.freshnessTargetSeconds),
    direction: form.direction,
    thresholds: { warning: num(form.warning), alarm: num(form.alarm) },
    target: target === null ? null : { comparator: form.targetComparator, value: target },
    formula: formulaOf(form),
    status: form.status,
  };
}
