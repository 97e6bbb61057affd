import { describe, expect, it } from 'vitest';
import { rankChildren } from './transform';

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
});
