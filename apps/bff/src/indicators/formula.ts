import type { IndicatorDefinitionInput, IndicatorFormula } from '@cockpit/contracts';

/** The indicator ids a formula reads, in order. */
export function formulaOperands(f: IndicatorFormula): string[] {
  switch (f.op) {
    case 'ratio':
    case 'share':
      return [f.numerator, f.denominator];
    case 'sum':
      return [...f.terms];
    case 'difference':
      return [f.minuend, f.subtrahend];
  }
}

/**
 * A formula's value from its operands' values (computed by `valueAt`). Null when an operand is null or a
 * denominator is 0: unknown, never 0. Data in, number out: nothing is evaluated as code.
 */
export function computeFormula(f: IndicatorFormula, valueAt: (id: string) => number | null): number | null {
  const values = formulaOperands(f).map(valueAt);
  if (values.some((v) => v === null || !Number.isFinite(v))) return null;
  const [a, b] = values as number[];
  switch (f.op) {
    case 'ratio':
    case 'share':
      return b === 0 ? null : a! / b!;
    case 'sum':
      return (values as number[]).reduce((s, v) => s + v, 0);
    case 'difference':
      return a! - b!;
  }
}

/** Why a definition cannot be stored: the field (a JSON path) and what is wrong with it. */
export type DefinitionProblem = { field: string; message: string };

type Known = ReadonlyMap<string, Pick<IndicatorDefinitionInput, 'id' | 'formula' | 'levels'>>;

/**
 * Checks what a schema cannot: that a formula and a roll-up name indicators that exist (`known`: every
 * stored definition; `d` replaces its own entry), that a formula makes no cycle, that a derived indicator's
 * operands exist at each of its levels, and that the units fit the operation.
 */
export function checkDefinition(d: IndicatorDefinitionInput, known: Known): DefinitionProblem | null {
  const all = new Map(known);
  all.set(d.id, d);
  const r = d.rollup;
  const rollupRefs: [string, string | undefined][] =
    r.rule === 'weightedMean'
      ? [['rollup.weight', r.weight]]
      : r.rule === 'ratio'
        ? [
            ['rollup.numerator', r.numerator],
            ['rollup.denominator', r.denominator],
          ]
        : [];
  if (r.rule === 'ratio' && (r.numerator === undefined) !== (r.denominator === undefined))
    return {
      field: 'rollup',
      message: 'a ratio roll-up names both its numerator and its denominator, or neither',
    };
  for (const [field, id] of rollupRefs) {
    if (id === undefined) continue;
    if (id === d.id) return { field, message: `the roll-up of ${d.id} cannot use ${d.id} itself` };
    if (!all.has(id)) return { field, message: `unknown indicator ${id}` };
  }
  const f = d.formula;
  if (!f) return null;
  if (r.rule !== 'none')
    return {
      field: 'rollup.rule',
      message:
        'a derived indicator is computed from its formula at every level: its roll-up rule must be none',
    };
  if (f.op === 'share' && d.unit !== '%')
    return { field: 'unit', message: 'a share is shown in %: the unit must be %' };
  const operands = formulaOperands(f);
  for (const [i, id] of operands.entries()) {
    const field = `formula.${operandField(f, i)}`;
    const operand = all.get(id);
    if (!operand) return { field, message: `unknown indicator ${id}` };
    const missing = d.levels.find((l) => !operand.levels.includes(l));
    if (missing) return { field, message: `${id} does not exist at level ${missing}` };
  }
  const cycle = findCycle(d.id, all);
  if (cycle) return { field: 'formula', message: `the formula makes a cycle: ${cycle.join(' → ')}` };
  return null;
}

function operandField(f: IndicatorFormula, i: number): string {
  switch (f.op) {
    case 'ratio':
    case 'share':
      return i === 0 ? 'numerator' : 'denominator';
    case 'sum':
      return `terms.${i}`;
    case 'difference':
      return i === 0 ? 'minuend' : 'subtrahend';
  }
}

/** A path from `start` back to itself through formula operands, if there is one. */
export function findCycle(start: string, all: Known): string[] | null {
  const onPath: string[] = [];
  const done = new Set<string>();
  const visit = (id: string): string[] | null => {
    const at = onPath.indexOf(id);
    if (at >= 0) return [...onPath.slice(at), id];
    if (done.has(id)) return null;
    const f = all.get(id)?.formula;
    if (!f) return null;
    onPath.push(id);
    for (const next of formulaOperands(f)) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(id);
    return null;
  };
  return visit(start);
}
