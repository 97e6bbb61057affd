import type { IndicatorDefinition, IndicatorValue, Level, Theme } from '@cockpit/contracts';
import type { DatasetRead } from '../indicators/dataset-cache';
import { formulaOperands } from '../indicators/formula';
import { createEvaluator } from '../indicators/rollup';
import { worstRead } from '../indicators/value-functions';
import { type DatasetUnits, VALUE_FUNCTIONS } from '../indicators/value-registry';
import { valueWithUnit } from './values';

type RegionNode = { code: string; level: Level; childCodes: readonly string[] };

const entries = VALUE_FUNCTIONS as Record<string, (typeof VALUE_FUNCTIONS)[keyof typeof VALUE_FUNCTIONS]>;

/** The registry's value functions over these datasets, rolled up by the stored rules (memoised). */
export function registryEvaluator(
  definitions: ReadonlyMap<string, IndicatorDefinition>,
  regionOf: (code: string) => RegionNode | undefined,
  units: DatasetUnits,
) {
  return createEvaluator({
    definition: (id) => definitions.get(id),
    region: regionOf,
    direct: (id, code) => entries[id]?.value(units, code),
    hasDirect: (id) => entries[id] !== undefined,
  });
}

/**
 * The one way a snapshot gets its indicator values: the stored definitions, the registry of value functions
 * over the datasets the snapshot has read (indicators/value-registry.ts) and the one roll-up path
 * (createEvaluator). Each value carries the freshness of the dataset it is computed from (a derived one: the
 * worst of its operands'). Make one per snapshot build (values are memoised).
 */
export function indicatorValues(opts: {
  definitions: readonly IndicatorDefinition[];
  regionOf: (code: string) => RegionNode | undefined;
  units: DatasetUnits;
  /** The reads by dataset id (a definition names its dataset: source.dataset). */
  reads: ReadonlyMap<string, DatasetRead<unknown>>;
  /** When the upstream observed a dataset's value (ISO 8601 UTC). */
  observedAt: (datasetId: string, read: DatasetRead<unknown>) => string | undefined;
}) {
  const defs = new Map(opts.definitions.map((d) => [d.id, d]));
  const evaluator = registryEvaluator(defs, opts.regionOf, opts.units);
  const sourceOf = (
    d: IndicatorDefinition,
    depth = 0,
  ): { id: string; read: DatasetRead<unknown> } | undefined => {
    const datasetId = entries[d.id]?.freshnessDataset ?? d.source.dataset;
    const own = opts.reads.get(datasetId);
    if (own) return { id: datasetId, read: own };
    if (!d.formula || depth > 8) return undefined;
    const parts = formulaOperands(d.formula).flatMap((op) => {
      const o = defs.get(op);
      return o ? (sourceOf(o, depth + 1) ?? []) : [];
    });
    const worst = worstRead(parts.map((p) => p.read));
    return parts.find((p) => p.read === worst);
  };
  const observed = new Map<string, string | undefined>();
  const observedOnce = (id: string, read: DatasetRead<unknown>) => {
    if (!observed.has(id)) observed.set(id, opts.observedAt(id, read));
    return observed.get(id);
  };
  /**
   * An indicator's value at a region with its freshness; null when it cannot be given there (unknown
   * indicator, not at the region's level, no dataset read). With `orNull`, a value the datasets cannot give
   * (their data has not arrived) is a null value rather than no value.
   */
  const indicator = (id: string, code: string, orNull = false): IndicatorValue | null => {
    const d = defs.get(id);
    const region = opts.regionOf(code);
    if (!d || !region || !d.levels.includes(region.level)) return null;
    const value = evaluator.value(id, code);
    const source = sourceOf(d);
    if (!source || (value === undefined && !orNull)) return null;
    return valueWithUnit(id, d.unit, value ?? null, source.read, observedOnce(source.id, source.read));
  };
  /** Every active indicator of a theme at a region, in catalogue order (derived ones included). */
  const ofTheme = (theme: Theme, code: string): IndicatorValue[] =>
    opts.definitions.flatMap((d) =>
      d.status === 'active' && d.theme === theme ? (indicator(d.id, code, true) ?? []) : [],
    );
  const valueAt = (id: string, code: string) => evaluator.value(id, code) ?? null;
  return { indicator, ofTheme, valueAt, definition: (id: string) => defs.get(id) };
}
