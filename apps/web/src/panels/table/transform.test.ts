import { describe, expect, it } from 'vitest';
import { tableRows } from './transform';

const b = (indicatorId: string, values: (number | null)[]) => ({
  indicatorId,
  unit: '个',
  children: [
    { regionCode: '331023001', name: '赤城街道', value: values[0] ?? null },
    { regionCode: '331023002', name: '始丰街道', value: values[1] ?? null },
    { regionCode: '331023101', name: '白鹤镇', value: values[2] ?? null },
  ],
});

describe('tableRows', () => {
  it('gives a row per child with a column per indicator, sorted by the first column, cut to the limit', () => {
    const { rows, columns } = tableRows([b('a', [5, 9, null]), b('c', [1, 2, 3])], ['a', 'missing', 'c'], 2);
    expect(columns.map((c) => c?.indicatorId)).toEqual(['a', undefined, 'c']);
    expect(rows).toEqual([
      { regionCode: '331023002', name: '始丰街道', values: [9, null, 2] },
      { regionCode: '331023001', name: '赤城街道', values: [5, null, 1] },
    ]);
  });
  it("orders the rows by the panel's sort on the first column, or by name", () => {
    const data = [b('a', [5, 9, 1])];
    const order = (...args: [Parameters<typeof tableRows>[3], Parameters<typeof tableRows>[4]?]) =>
      tableRows(data, ['a'], 3, ...args).rows.map((r) => r.name);
    expect(order('valueDesc')).toEqual(['始丰街道', '赤城街道', '白鹤镇']);
    expect(order('valueAsc')).toEqual(['白鹤镇', '赤城街道', '始丰街道']);
    expect(order('name')).toEqual(['白鹤镇', '赤城街道', '始丰街道']);
    expect(order('worstFirst', 'higherIsBetter')).toEqual(order('valueAsc'));
    expect(tableRows(data, ['a'], 1, 'valueAsc').rows).toEqual([
      { regionCode: '331023101', name: '白鹤镇', values: [1] },
    ]);
  });
  it('has no rows when no indicator named has a ranking here', () => {
    expect(tableRows([b('a', [1, 2, 3])], ['x'], 5).rows).toEqual([]);
  });
});
