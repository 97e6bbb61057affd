import { describe, expect, it } from 'vitest';
import { orderChildren, resolvedSort } from './sort';

const children = [
  { regionCode: '331023101', name: '白鹤镇', value: 10 },
  { regionCode: '331023001', name: '赤城街道', value: 300 },
  { regionCode: '331023102', name: '石梁镇', value: null },
  { regionCode: '331023105', name: '平桥镇', value: 10 },
  { regionCode: '331023002', name: '始丰街道', value: 42 },
];
const names = (sort: Parameters<typeof orderChildren>[1], direction?: 'higherIsBetter' | 'higherIsWorse') =>
  orderChildren(children, sort, direction).map((c) => c.name);

describe('the order of a list of child regions', () => {
  it('by value either way: missing values last, ties by region code', () => {
    expect(names('valueDesc')).toEqual(['赤城街道', '始丰街道', '白鹤镇', '平桥镇', '石梁镇']);
    expect(names('valueAsc')).toEqual(['白鹤镇', '平桥镇', '始丰街道', '赤城街道', '石梁镇']);
  });
  it('by name in 拼音 order (石 shí before 始 shǐ)', () => {
    expect(names('name')).toEqual(['白鹤镇', '赤城街道', '平桥镇', '石梁镇', '始丰街道']);
  });
  it("worst first follows the indicator's direction", () => {
    expect(resolvedSort('worstFirst', 'higherIsWorse')).toBe('valueDesc');
    expect(resolvedSort('worstFirst', 'higherIsBetter')).toBe('valueAsc');
    expect(names('worstFirst', 'higherIsBetter')).toEqual(names('valueAsc'));
    expect(names('worstFirst', 'higherIsWorse')).toEqual(names('valueDesc'));
    // Direction not known yet: largest first, as before.
    expect(names('worstFirst')).toEqual(names('valueDesc'));
  });
  it('keeps a given order, and never changes its input', () => {
    const copy = structuredClone(children);
    expect(names('given')).toEqual(children.map((c) => c.name));
    orderChildren(children, 'name');
    expect(children).toEqual(copy);
  });
});
