import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextSort, type TableState, tableView } from './table';

export type Column<Row> = {
  key: string;
  label: string;
  /** What the column sorts and filters by. */
  value: (row: Row) => string | number | boolean | null;
  /** How a cell shows (defaults to the value as text). */
  render?: (row: Row) => ReactNode;
};

/** A table that sorts (click a header), filters (any column) and pages; everything renders as text. */
export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  pageSize = 20,
  testId,
}: {
  rows: readonly Row[];
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  pageSize?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<TableState>({
    sortKey: null,
    sortDir: 'asc',
    filter: '',
    page: 0,
    pageSize,
  });
  const view = tableView(rows, columns, state);
  return (
    <div className="data-table" data-testid={testId}>
      <label className="data-table__filter">
        <span>{t('admin.filter')}</span>
        <input
          type="search"
          value={state.filter}
          placeholder={t('admin.filterPlaceholder')}
          onChange={(e) => setState({ ...state, filter: e.target.value, page: 0 })}
        />
      </label>
      <div className="data-table__scroll">
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  aria-sort={
                    state.sortKey === c.key
                      ? state.sortDir === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : undefined
                  }
                >
                  <button type="button" onClick={() => setState(nextSort(state, c.key))}>
                    {c.label}
                    <span className="data-table__arrow" aria-hidden>
                      {state.sortKey === c.key ? (state.sortDir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={rowKey(row)} data-key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.key}>{c.render ? c.render(row) : String(c.value(row) ?? '—')}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {view.total === 0 && <p className="muted data-table__empty">{t('admin.none')}</p>}
      </div>
      <Pager
        page={view.page}
        pages={view.pages}
        total={view.total}
        onPage={(page) => setState({ ...state, page })}
      />
    </div>
  );
}

export function Pager({
  page,
  pages,
  total,
  onPage,
}: {
  page: number;
  pages: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="pager">
      <button
        type="button"
        className="button button--ghost"
        disabled={page <= 0}
        onClick={() => onPage(page - 1)}
      >
        {t('admin.prev')}
      </button>
      <span>{t('admin.page', { page: page + 1, pages, total })}</span>
      <button
        type="button"
        className="button button--ghost"
        disabled={page >= pages - 1}
        onClick={() => onPage(page + 1)}
      >
        {t('admin.next')}
      </button>
    </div>
  );
}
