export type RollupRule = 'sum' | 'mean' | 'weightedMean' | 'max';

export type Contribution = { value: number | null; weight?: number };

/**
 * Combines the values of the units below a region into the region's value. Missing values (null) are left
 * out; with nothing left, the result is null (unknown), never 0.
 */
export function rollup(rule: RollupRule, items: readonly Contribution[]): number | null {
  const present = items.filter(
    (i): i is { value: number; weight?: number } => i.value !== null && Number.isFinite(i.value),
  );
  if (present.length === 0) return null;
  switch (rule) {
    case 'sum':
      return present.reduce((s, i) => s + i.value, 0);
    case 'mean':
      return present.reduce((s, i) => s + i.value, 0) / present.length;
    case 'max':
      return Math.max(...present.map((i) => i.value));
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
