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
});
