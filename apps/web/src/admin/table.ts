/** Pure sorting, filtering and paging of an admin table. */

export type SortDir = 'asc' | 'desc';
export type TableState = {
  sortKey: string | null;
  sortDir: SortDir;
  filter: string;
  page: number;
  pageSize: number;
};
export type ColumnValue<Row> = { key: string; value: (row: Row) => string | number | boolean | null };

export type TableView<Row> = { rows: Row[]; total: number; pages: number; page: number };

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

function compare(a: string | number | boolean | null, b: string | number | boolean | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // empty cells last
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Rows whose any column contains the filter text (case-insensitive), sorted, then the requested page. */
export function tableView<Row>(
  rows: readonly Row[],
  columns: readonly ColumnValue<Row>[],
  state: TableState,
): TableView<Row> {
  const needle = state.filter.trim().toLowerCase();
  const filtered = needle
    ? rows.filter((row) =>
        columns.some((c) =>
          String(c.value(row) ?? '')
            .toLowerCase()
            .includes(needle),
        ),
      )
    : [...rows];
  const column = columns.find((c) => c.key === state.sortKey);
  if (column) {
    const sign = state.sortDir === 'asc' ? 1 : -1;
    filtered.sort((x, y) => sign * compare(column.value(x), column.value(y)));
  }
  const pages = Math.max(1, Math.ceil(filtered.length / state.pageSize));
  const page = Math.min(Math.max(0, state.page), pages - 1);
  return {
    rows: filtered.slice(page * state.pageSize, (page + 1) * state.pageSize),
    total: filtered.length,
    pages,
    page,
  };
}

/** A click on a column header: a new column sorts ascending, the same column flips. */
export function nextSort(state: TableState, key: string): TableState {
  if (state.sortKey === key) return { ...state, sortDir: state.sortDir === 'asc' ? 'desc' : 'asc', page: 0 };
  return { ...state, sortKey: key, sortDir: 'asc', page: 0 };
}
