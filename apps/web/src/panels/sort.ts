import type { IndicatorDefinition, PanelSort } from '@cockpit/contracts';

type Direction = IndicatorDefinition['direction'];

/** A panel's sort option, or `given`: keep the order the caller already made. */
export type ChildOrder = PanelSort | 'given';

/** The sort a panel applies: worst first is largest first when higher is worse, else smallest first. */
export function resolvedSort(
  sort: PanelSort,
  direction: Direction | undefined,
): Exclude<PanelSort, 'worstFirst'> {
  if (sort !== 'worstFirst') return sort;
  return direction === 'higherIsBetter' ? 'valueAsc' : 'valueDesc';
}

/**
 * Child regions (rows, bars, slices) in a panel's order. Pure. Missing values always come last, ties go by
 * region code, names compare the Chinese way (拼音 order).
 */
export function orderChildren<T extends { regionCode: string; name: string; value: number | null }>(
  items: readonly T[],
  sort: ChildOrder,
  direction?: Direction,
): T[] {
  if (sort === 'given') return [...items];
  const by = resolvedSort(sort, direction);
  const sign = by === 'valueAsc' ? 1 : -1;
  return [...items].sort((a, b) => {
    if (by === 'name')
      return a.name.localeCompare(b.name, 'zh-Hans-CN') || a.regionCode.localeCompare(b.regionCode);
    if (a.value === null || b.value === null)
      return (
        (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || a.regionCode.localeCompare(b.regionCode)
      );
    return sign * (a.value - b.value) || a.regionCode.localeCompare(b.regionCode);
  });
}
