import { effectiveBands, type Series } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../components/chartSizes';
import { trendOption } from './trend';

const series: Series = {
  indicatorId: 'parking.occupancyRate',
  unit: '%',
  status: 'ok',
  points: [
    { at: '2026-12-01T01:00:00.000Z', value: 0.5 },
    { at: '2026-12-01T02:00:00.000Z', value: 0.6 },
  ],
};
const sizes = CHART_SIZES.wall;
type S = { name: string; data: (number | null)[]; areaStyle?: unknown; stack?: string };

describe('trendOption', () => {
  it('draws an area, or a bare line, of the series without a forecast', () => {
    const area = trendOption(series, { name: '占用率', color: '#4f8dff', style: 'area', sizes })
      .series as S[];
    expect(area).toHaveLength(1);
    expect(area[0]?.areaStyle).toBeDefined();
    expect(area[0]?.data).toEqual([0.5, 0.6]);
    const line = trendOption(series, { name: '占用率', color: '#4f8dff', style: 'line', sizes })
      .series as S[];
    expect(line[0]?.areaStyle).toBeUndefined();
  });

  it('adds the forecast after the last observation, joined to it, with its band stacked on the lower bound', () => {
    const option = trendOption(series, {
      name: '占用率',
      color: '#4f8dff',
      style: 'line',
      sizes,
      forecast: [{ at: '2026-12-01T03:00:00.000Z', value: 0.7, lower: 0.65, upper: 0.8 }],
      names: { forecast: '预测', band: '预测区间' },
    });
    const [observed, forecast, lower, band] = option.series as S[];
    expect((option.xAxis as { data: string[] }).data).toEqual(['09:00', '10:00', '11:00']);
    expect(observed?.data).toEqual([0.5, 0.6, null]);
    expect(forecast?.data).toEqual([null, 0.6, 0.7]);
    expect(lower?.data).toEqual([null, 0.6, 0.65]);
    expect(band?.data[2]).toBeCloseTo(0.15);
    expect(band?.data.slice(0, 2)).toEqual([null, 0]);
    expect([lower?.stack, band?.stack]).toEqual(['band', 'band']);
  });
});

describe('the trend with its warning and alarm lines', () => {
  const occupancy = { direction: 'higherIsWorse' as const, thresholds: { warning: 0.85, alarm: 0.95 } };
  type Marked = S & {
    markLine?: { data: { yAxis?: number; xAxis?: number; name?: string; lineStyle?: { color: string } }[] };
  };
  const draw = (bands: ReturnType<typeof effectiveBands>) =>
    trendOption(series, {
      name: '占用率',
      color: '#4f8dff',
      style: 'line',
      sizes,
      bands,
      bandNames: { warning: '预警线', alarm: '告警线' },
    });

  it("marks the indicator's limits in the status colours and keeps them in view", () => {
    const option = draw(effectiveBands(null, occupancy));
    const limits = ((option.series as Marked[])[0]?.markLine?.data ?? []).filter(
      (d) => d.yAxis !== undefined,
    );
    expect(limits.map((d) => [d.yAxis, d.name, d.lineStyle?.color])).toEqual([
      [0.85, '预警线', '#f5a524'],
      [0.95, '告警线', '#ff4d4f'],
    ]);
    const y = option.yAxis as { max: (e: { max: number }) => number; min: (e: { min: number }) => number };
    expect(y.max({ max: 0.6 })).toBe(0.95);
    expect(y.min({ min: 0.5 })).toBe(0.5);
  });

  it("marks a panel's own limits and colours; no bands, no lines", () => {
    const own = effectiveBands(
      { warning: 0.55, alarm: null, colors: { normal: '#000000', warning: '#123456', alarm: '#654321' } },
      occupancy,
    );
    const limits = ((draw(own).series as Marked[])[0]?.markLine?.data ?? []).filter(
      (d) => d.yAxis !== undefined,
    );
    expect(limits.map((d) => [d.yAxis, d.lineStyle?.color])).toEqual([[0.55, '#123456']]);
    expect(
      ((draw(null).series as Marked[])[0]?.markLine?.data ?? []).some((d) => d.yAxis !== undefined),
    ).toBe(false);
  });
});
