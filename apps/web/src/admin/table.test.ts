import { describe, expect, it } from 'vitest';
import { nextSort, type TableState, tableView } from './table';

type Row = { name: string; logins: number | null; enabled: boolean };
const rows: Row[] = [
  { name: '张三', logins: 3, enabled: true },
  { name: 'alice', logins: null, enabled: false },
  { name: 'bob', logins: 12, enabled: true },
  { name: '李四', logins: 1, enabled: true },
  { name: 'carol', logins: 2, enabled: true },
];
const columns = [
  { key: 'name', value: (r: Row) => r.name },
  { key: 'logins', value: (r: Row) => r.logins },
];
const base: TableState = { sortKey: null, sortDir: 'asc', filter: '', page: 0, pageSize: 2 };

describe('tableView', () => {
  it('pages the rows and counts the pages', () => {
    const view = tableView(rows, columns, base);
    expect(view.rows.map((r) => r.name)).toEqual(['张三', 'alice']);
    expect(view.pages).toBe(3);
    expect(view.total).toBe(5);
  });
  it('sorts numbers as numbers, with empty cells last, both ways', () => {
    const asc = tableView(rows, columns, { ...base, sortKey: 'logins', pageSize: 10 });
    expect(asc.rows.map((r) => r.logins)).toEqual([1, 2, 3, 12, null]);
    const desc = tableView(rows, columns, { ...base, sortKey: 'logins', sortDir: 'desc', pageSize: 10 });
    expect(desc.rows.map((r) => r.logins)).toEqual([null, 12, 3, 2, 1]);
  });
  it('filters on any column, ignoring case', () => {
    const view = tableView(rows, columns, { ...base, filter: 'BO', pageSize: 10 });
    expect(view.rows.map((r) => r.name)).toEqual(['bob']);
    expect(tableView(rows, columns, { ...base, filter: '12' }).rows.map((r) => r.name)).toEqual(['bob']);
  });
  it('clamps a page beyond the end after filtering', () => {
    const view = tableView(rows, columns, { ...base, filter: 'a', page: 7 });
    expect(view.page).toBe(view.pages - 1);
    expect(view.rows.length).toBeGreaterThan(0);
  });
  it('flips the direction on a second click and starts at page one', () => {
    const once = nextSort({ ...base, page: 2 }, 'name');
    expect(once).toMatchObject({ sortKey: 'name', sortDir: 'asc', page: 0 });
    expect(nextSort(once, 'name').sortDir).toBe('desc');
    expect(nextSort(once, 'logins')).toMatchObject({ sortKey: 'logins', sortDir: 'asc' });
  });
});
