import { describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../components/chartSizes';
import { beijingHourLabel, lineOption } from './transform';

describe('lineOption', () => {
  const series = {
    indicatorId: 'traffic.congestionIndex',
    unit: '',
    status: 'ok' as const,
    points: [
      { at: '2026-11-27T23:00:00Z', value: 1.2 },
      { at: '2026-11-28T00:00:00Z', value: null },
      { at: '2026-11-28T01:00:00Z', value: 1.8 },
    ],
  };
  it('labels hours in Beijing time and keeps gaps as gaps', () => {
    const option = lineOption(series, { name: 'x', color: '#fff', sizes: CHART_SIZES.desk }) as {
      xAxis: { data: string[] };
      series: { data: (number | null)[] }[];
    };
    expect(option.xAxis.data).toEqual(['07:00', '08:00', '09:00']);
    expect(option.series[0]!.data).toEqual([1.2, null, 1.8]);
  });
  it('formats an hour label across midnight', () => {
    expect(beijingHourLabel('2026-11-28T16:00:00Z')).toBe('00:00');
  });
  it('marks midnight, where a cumulative "today" count starts again at zero', () => {
    const visits = {
      indicatorId: 'health.outpatientVisits',
      unit: '人次',
      status: 'ok' as const,
      // 22:00, 23:00, 00:00, 01:00 in Beijing: 400, 415, 0, 3.
      points: ['14', '15', '16', '17'].map((h, i) => ({
        at: `2026-11-28T${h}:00:00Z`,
        value: [400, 415, 0, 3][i]!,
      })),
    };
    const option = lineOption(visits, {
      name: 'x',
      color: '#fff',
      sizes: CHART_SIZES.desk,
      dayLabel: '0 时起重新累计',
    }) as { series: { markLine?: { data: { xAxis: number }[]; label: { formatter: string } } }[] };
    expect(option.series[0]!.markLine?.data).toEqual([{ xAxis: 2 }]);
    expect(option.series[0]!.markLine?.label.formatter).toBe('0 时起重新累计');
    // No day boundary inside the series: nothing marked.
    expect(
      (lineOption(series, { name: 'x', color: '#fff', sizes: CHART_SIZES.desk }) as { series: object[] })
        .series[0],
    ).not.toHaveProperty('markLine');
  });
  it('gives counts integer ticks, and leaves an index free', () => {
    const calls = { ...series, indicatorId: 'trauma.callsPerHour', unit: '起' };
    const yAxis = (o: unknown) => (o as { yAxis: { minInterval?: number } }).yAxis;
    expect(yAxis(lineOption(calls, { name: 'x', color: '#fff', sizes: CHART_SIZES.desk })).minInterval).toBe(
      1,
    );
    expect(yAxis(lineOption(series, { name: 'x', color: '#fff', sizes: CHART_SIZES.desk })).minInterval).toBe(
      undefined,
    );
  });
  it('keeps wall-size value labels apart: three intervals and overlapping labels left out', () => {
    type Y = { yAxis: { splitNumber: number; axisLabel: { hideOverlap?: boolean; fontSize: number } } };
    const wall = lineOption(series, { name: 'x', color: '#fff', sizes: CHART_SIZES.wall }) as Y;
    expect(wall.yAxis.splitNumber).toBe(3);
    expect(wall.yAxis.axisLabel).toMatchObject({ hideOverlap: true, fontSize: CHART_SIZES.wall.axis });
    const desk = lineOption(series, { name: 'x', color: '#fff', sizes: CHART_SIZES.desk }) as Y;
    expect(desk.yAxis.splitNumber).toBe(5);
  });
});
