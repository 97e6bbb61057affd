import type { Breakdown } from '@cockpit/contracts';

export type TableRow = { regionCode: string; name: string; values: (number | null)[] };

/**
 * Pure transform of the `table` panel: one row per child region (from the first indicator's ranking, or any
 * named one the snapshot has), one column per indicator named, sorted by the first column (largest first,
 * missing last), at most `limit` rows. A column whose indicator has no ranking here is all null.
 */
export function tableRows(
  breakdowns: readonly Breakdown[],
  indicatorIds: readonly string[],
  limit: number,
): { columns: (Breakdown | undefined)[]; rows: TableRow[] } {
  const columns = indicatorIds.map((id) => breakdowns.find((b) => b.indicatorId === id));
  const base = columns.find((c) => c !== undefined);
  if (!base) return { columns, rows: [] };
  const rows = base.children.map((child) => ({
    regionCode: child.regionCode,
    name: child.name,
    values: columns.map((c) => c?.children.find((x) => x.regionCode === child.regionCode)?.value ?? null),
  }));
  rows.sort(
    (a, b) =>
      (b.values[0] ?? Number.NEGATIVE_INFINITY) - (a.values[0] ?? Number.NEGATIVE_INFINITY) ||
      a.regionCode.localeCompare(b.regionCode),
  );
  return { columns, rows: rows.slice(0, limit) };
}
