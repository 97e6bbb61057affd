import type { Breakdown, IndicatorDefinition, PanelSort } from '@cockpit/contracts';
import { orderChildren } from '../sort';

export type TableRow = { regionCode: string; name: string; values: (number | null)[] };

/**
 * Pure transform of the `table` panel: one row per child region (from the first indicator's ranking, or any
 * named one the snapshot has), one column per indicator named, in the panel's order of the first column
 * (default largest first; `worstFirst` read with that column's `direction`; or by name), missing last, at most
 * `limit` rows. A column whose indicator has no ranking here is all null.
 */
export function tableRows(
  breakdowns: readonly Breakdown[],
  indicatorIds: readonly string[],
  limit: number,
  sort: PanelSort = 'valueDesc',
  direction?: IndicatorDefinition['direction'],
): { columns: (Breakdown | undefined)[]; rows: TableRow[] } {
  const columns = indicatorIds.map((id) => breakdowns.find((b) => b.indicatorId === id));
  const base = columns.find((c) => c !== undefined);
  if (!base) return { columns, rows: [] };
  const rows = base.children.map((child) => ({
    regionCode: child.regionCode,
    name: child.name,
    values: columns.map((c) => c?.children.find((x) => x.regionCode === child.regionCode)?.value ?? null),
  }));
  const ordered = orderChildren(
    rows.map((row) => ({ ...row, value: row.values[0] ?? null })),
    sort,
    direction,
  );
  return { columns, rows: ordered.slice(0, limit).map(({ value: _, ...row }) => row) };
}
