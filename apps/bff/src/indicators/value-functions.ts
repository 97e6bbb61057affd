import type { DatasetRead } from './dataset-cache';
import type { IndicatorId } from './registry';
import { type DirectValue, inRegion, rollup } from './rollup';

/**
 * The value functions: how each indicator's value is computed from the datasets for one region, keyed by
 * indicator id. They run at the lowest level an indicator exists at (and at every level for rule none);
 * the roll-up above is the stored rule's (rollup.ts, createEvaluator). Derived indicators have no value
 * function: their formula is data.
 */
export type ValueFunction<U> = (units: U, regionCode: string) => number | null;

/** The units a value function reads, found by region: village entities by village, township rows by township. */
export type Units<T> = (regionCode: string) => T[];

/** An index of entities by the code of the unit they lie in (exact match fast, any region by prefix). */
export function unitsBy<T>(items: readonly T[] | undefined, codeOf: (t: T) => string): Units<T> {
  const index = new Map<string, T[]>();
  for (const item of items ?? []) {
    const code = codeOf(item);
    const list = index.get(code);
    if (list) list.push(item);
    else index.set(code, [item]);
  }
  const unitLength = Math.min(...[...index.keys()].map((k) => k.length));
  const within = new Map<string, T[]>();
  const none: T[] = [];
  return (regionCode) => {
    // A region at or below the unit's level holds exactly its own entities (often none).
    if (regionCode.length >= unitLength) return index.get(regionCode) ?? none;
    let out = within.get(regionCode);
    if (!out) {
      out = [];
      for (const [code, list] of index) if (inRegion(regionCode, code)) out.push(...list);
      within.set(regionCode, out);
    }
    return out;
  };
}

export const sumOf = <T>(items: readonly T[], value: (t: T) => number) =>
  rollup(
    'sum',
    items.map((t) => ({ value: value(t) })),
  );
export const meanOf = <T>(items: readonly T[], value: (t: T) => number | null) =>
  rollup(
    'mean',
    items.map((t) => ({ value: value(t) })),
  );

/**
 * A registry of value functions as the evaluator's `direct` (undefined for an id it has no function for)
 * and `hasDirect`.
 */
export function directValues<U>(
  registry: Partial<Record<IndicatorId, ValueFunction<U>>>,
  units: U,
): { direct: DirectValue; hasDirect: (id: string) => boolean } {
  const fns = registry as Record<string, ValueFunction<U> | undefined>;
  return { direct: (id, code) => fns[id]?.(units, code), hasDirect: (id) => fns[id] !== undefined };
}

/** The latest of ISO 8601 UTC instants (they sort as text). */
export const latestIso = (isos: readonly string[]) => [...isos].sort().at(-1);

/** A read's status and fetch time, worst first: for a value made from several datasets. */
export function worstRead(reads: readonly DatasetRead<unknown>[]): DatasetRead<unknown> | undefined {
  const rank = { ok: 0, stale: 1, error: 2 } as const;
  return [...reads].sort(
    (a, b) => rank[b.status] - rank[a.status] || (a.fetchedAt ?? 0) - (b.fetchedAt ?? 0),
  )[0];
}
