import { describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../components/chartSizes';
import { rankChildren, rankingChoices, rankingOption, rankOf } from './transform';

describe('rankChildren', () => {
  const breakdown = {
    indicatorId: 'parking.freeBerths',
    unit: '个',
    children: [
      { regionCode: '331023101', name: '白鹤镇', value: 10 },
      { regionCode: '331023001', name: '赤城街道', value: 300 },
      { regionCode: '331023102', name: '石梁镇', value: null },
      { regionCode: '331023105', name: '平桥镇', value: 10 },
    ],
  };
  it('sorts largest first, ties by code, missing values last, and cuts to the limit', () => {
    expect(rankChildren(breakdown, 10).map((c) => c.name)).toEqual([
      '赤城街道',
      '白鹤镇',
      '平桥镇',
      '石梁镇',
    ]);
    expect(rankChildren(breakdown, 2).map((c) => c.name)).toEqual(['赤城街道', '白鹤镇']);
  });
  it("follows the panel's sort: smallest first, by name, or worst first by the direction", () => {
    expect(rankChildren(breakdown, 2, 'valueAsc').map((c) => c.name)).toEqual(['白鹤镇', '平桥镇']);
    expect(rankChildren(breakdown, 10, 'name').map((c) => c.name)).toEqual([
      '白鹤镇',
      '赤城街道',
      '平桥镇',
      '石梁镇',
    ]);
    expect(rankChildren(breakdown, 1, 'worstFirst', 'higherIsBetter').map((c) => c.name)).toEqual(['白鹤镇']);
    const drawn = rankingOption(breakdown, {
      limit: 3,
      color: '#36c3f0',
      sizes: CHART_SIZES.desk,
      format: String,
      sort: 'valueAsc',
    }) as { yAxis: { data: string[] } };
    // Bars are drawn bottom-up: the first in the order sits on top.
    expect(drawn.yAxis.data).toEqual(['赤城街道', '平桥镇', '白鹤镇']);
  });
});

describe('a village ranked among its township’s villages', () => {
  const breakdown = {
    indicatorId: 'parking.freeBerths',
    unit: '个',
    children: Array.from({ length: 12 }, (_, i) => ({
      regionCode: `3310231052${String(i).padStart(2, '0')}`,
      name: `村${i}`,
      value: i === 5 ? null : 100 - i,
    })),
  };
  it('gives its place among those with a value', () => {
    expect(rankOf(breakdown, '331023105203')).toEqual({ rank: 4, of: 11 });
    expect(rankOf(breakdown, '331023105205')).toBeUndefined();
  });
  it('always shows it, highlighted, even below the cut', () => {
    const option = rankingOption(breakdown, {
      limit: 8,
      color: '#36c3f0',
      sizes: CHART_SIZES.desk,
      format: String,
      highlight: '331023105211',
    }) as { yAxis: { data: string[] }; series: { data: unknown[] }[] };
    expect(option.yAxis.data).toHaveLength(8);
    expect(option.yAxis.data[0]).toBe('村11');
    expect(option.series[0]!.data[0]).toEqual({ value: 89, itemStyle: { color: '#ffffff' } });
  });
});

describe('rankingChoices', () => {
  const b = (indicatorId: string) => ({ indicatorId, unit: '个', children: [] });
  const all = [b('a'), b('b'), b('c')];
  it('keeps the named indicators in the order named, or every ranking when none is named', () => {
    expect(rankingChoices(all, ['c', 'a', 'missing']).map((x) => x.indicatorId)).toEqual(['c', 'a']);
    expect(rankingChoices(all, []).map((x) => x.indicatorId)).toEqual(['a', 'b', 'c']);
  });
});
