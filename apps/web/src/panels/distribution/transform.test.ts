import { describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../components/chartSizes';
import { distributionOption, distributionSlices } from './transform';

const breakdown = {
  indicatorId: 'tourism.visitorsToday',
  unit: '人次',
  children: [
    { regionCode: '331023001', name: '赤城街道', value: 500 },
    { regionCode: '331023002', name: '始丰街道', value: 300 },
    { regionCode: '331023003', name: '福溪街道', value: null },
    { regionCode: '331023101', name: '白鹤镇', value: 100 },
    { regionCode: '331023102', name: '石梁镇', value: 50 },
  ],
};

describe('distributionSlices', () => {
  it('sorts largest first, leaves out missing values, and sums what is beyond the limit into 其他', () => {
    expect(distributionSlices(breakdown, 10, '其他').map((s) => s.name)).toEqual([
      '赤城街道',
      '始丰街道',
      '白鹤镇',
      '石梁镇',
    ]);
    expect(distributionSlices(breakdown, 3, '其他')).toEqual([
      { name: '赤城街道', value: 500 },
      { name: '始丰街道', value: 300 },
      { name: '其他', value: 150 },
    ]);
  });
  it("keeps the largest slices but shows them in the panel's order, 其他 always last", () => {
    expect(distributionSlices(breakdown, 3, '其他', 'valueAsc')).toEqual([
      { name: '始丰街道', value: 300 },
      { name: '赤城街道', value: 500 },
      { name: '其他', value: 150 },
    ]);
    expect(distributionSlices(breakdown, 10, '其他', 'name').map((s) => s.name)).toEqual([
      '白鹤镇',
      '赤城街道',
      '石梁镇',
      '始丰街道',
    ]);
    const bars = distributionOption(distributionSlices(breakdown, 10, '其他', 'valueAsc'), {
      style: 'bars',
      sizes: CHART_SIZES.wall,
      format: String,
    });
    // The bars keep that order (first on top), not the ranking's own.
    expect((bars.yAxis as { data: string[] }).data).toEqual(['赤城街道', '始丰街道', '白鹤镇', '石梁镇']);
  });
  it('draws a ring or bars', () => {
    const slices = distributionSlices(breakdown, 3, '其他');
    const format = (v: number) => `${v}人次`;
    const pie = distributionOption(slices, { style: 'pie', sizes: CHART_SIZES.wall, format });
    expect((pie.series as { type: string }[])[0]?.type).toBe('pie');
    const bars = distributionOption(slices, { style: 'bars', sizes: CHART_SIZES.wall, format });
    expect((bars.yAxis as { data: string[] }).data).toEqual(['其他', '始丰街道', '赤城街道']);
  });
});
