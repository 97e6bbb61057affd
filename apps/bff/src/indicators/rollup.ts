import type { IndicatorDefinitionInput, Level } from '@cockpit/contracts';
import { computeFormula } from './formula';

export type RollupRule = 'sum' | 'mean' | 'weightedMean' | 'max' | 'min';

export type Contribution = { value: number | null; weight?: number | null };

/**
 * Combines the values of the units below a region into the region's value. Missing values (null) are left
 * out; with nothing left, the result is null (unknown), never 0.
 */
export function rollup(rule: RollupRule, items: readonly Contribution[]): number | null {
  const present = items.filter(
    (i): i is { value: number; weight?: number | null } => i.value !== null && Number.isFinite(i.value),
  );
  if (present.length === 0) return null;
  switch (rule) {
    case 'sum':
      return present.reduce((s, i) => s + i.value, 0);
    case 'mean':
      return present.reduce((s, i) => s + i.value, 0) / present.length;
    case 'max':
      return Math.max(...present.map((i) => i.value));
    case 'min':
      return Math.min(...present.map((i) => i.value));
    case 'weightedMean': {
      const weight = present.reduce((s, i) => s + (i.weight ?? 0), 0);
      if (weight <= 0) return null;
      return present.reduce((s, i) => s + i.value * (i.weight ?? 0), 0) / weight;
    }
  }
}

/** Whether an entity with this village or township code lies in the region. */
export function inRegion(regionCode: string, entityCode: string): boolean {
  return entityCode.startsWith(regionCode);
}

type Definition = Pick<IndicatorDefinitionInput, 'id' | 'levels' | 'rollup' | 'formula'>;
type RegionNode = { code: string; level: Level; childCodes: readonly string[] };

/**
 * Where a region's value comes from, computed directly from the datasets (the value function of the
 * indicator, in code): undefined when the code has no value function for the indicator.
 */
export type DirectValue = (indicatorId: string, regionCode: string) => number | null | undefined;

const DEPTH: Record<Level, number> = { county: 0, township: 1, village: 2 };

/**
 * The one roll-up path, village → township → county, driven by the stored definitions:
 * - a derived indicator (formula) is computed from its operands' values at the region;
 * - rule none: the value function at every level (medians, AQI from pooled concentrations);
 * - at the lowest level the indicator exists at: the value function;
 * - above it: the stored rule over the children's values (sum, mean, max, min; weightedMean weighted by
 *   the weight indicator's values; ratio = Σ numerator ÷ Σ denominator of the children, or the value
 *   function when the operands are not indicators).
 * Values are memoised per evaluator (make one per snapshot build). Null = unknown; undefined = not
 * computable here (no value function, unknown indicator, or not at this region's level).
 */
export function createEvaluator(opts: {
  definition: (id: string) => Definition | undefined;
  region: (code: string) => RegionNode | undefined;
  direct: DirectValue;
  /** Whether the code has a value function for an indicator (skips walking the villages when not). */
  hasDirect?: (id: string) => boolean;
}) {
  const memo = new Map<string, Map<string, number | null | undefined>>();
  const computing = new Set<string>();
  const lowestOf = new Map<string, number>();

  const value = (id: string, code: string): number | null | undefined => {
    let byCode = memo.get(id);
    if (!byCode) {
      byCode = new Map();
      memo.set(id, byCode);
    }
    if (byCode.has(code)) return byCode.get(code);
    const key = `${id}@${code}`;
    if (computing.has(key)) return undefined; // a cycle slipped past validation: not computable
    computing.add(key);
    const v = compute(id, code);
    computing.delete(key);
    byCode.set(code, v);
    return v;
  };

  const compute = (id: string, code: string): number | null | undefined => {
    const d = opts.definition(id);
    const region = opts.region(code);
    if (!d || !region || !d.levels.includes(region.level)) return undefined;
    if (d.formula) {
      let computable = true;
      const result = computeFormula(d.formula, (op) => {
        const v = value(op, code);
        if (v === undefined) computable = false;
        return v ?? null;
      });
      return computable ? result : undefined;
    }
    if (opts.hasDirect && !opts.hasDirect(id)) return undefined;
    let lowest = lowestOf.get(id);
    if (lowest === undefined) {
      lowest = Math.max(...d.levels.map((l) => DEPTH[l]));
      lowestOf.set(id, lowest);
    }
    const r = d.rollup;
    if (r.rule === 'none' || DEPTH[region.level] >= lowest || region.childCodes.length === 0)
      return opts.direct(id, code);
    if (r.rule === 'ratio' && (!r.numerator || !r.denominator)) return opts.direct(id, code);
    const children = region.childCodes;
    const of = (operand: string) => children.map((c) => value(operand, c));
    if (r.rule === 'ratio') {
      const nums = of(r.numerator!);
      const dens = of(r.denominator!);
      if ([...nums, ...dens].includes(undefined)) return undefined;
      const num = rollup(
        'sum',
        nums.map((v) => ({ value: v ?? null })),
      );
      const den = rollup(
        'sum',
        dens.map((v) => ({ value: v ?? null })),
      );
      return num === null || !den ? null : num / den;
    }
    const values = of(id);
    if (values.includes(undefined)) return undefined;
    if (r.rule === 'weightedMean') {
      const weights = of(r.weight);
      if (weights.includes(undefined)) return undefined;
      return rollup(
        'weightedMean',
        values.map((v, i) => ({ value: v ?? null, weight: weights[i] ?? null })),
      );
    }
    return rollup(
      r.rule,
      values.map((v) => ({ value: v ?? null })),
    );
  };

  return { value };
}
