import { IndicatorSeries, TrendOptions } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../components/chartSizes';
import { trendOption } from './trend';
import { axisLabelOf, historyRequest, seriesFromHistory, stepMinutes, windowCaption } from './window';

const NOW = Date.parse('2026-12-01T10:37:12Z');

describe('the trend window', () => {
  it('defaults to 24 h from the snapshot, so stored layouts keep today’s behaviour', () => {
    expect(TrendOptions.parse({ indicatorId: 'eco.aqi' }).window).toBe('24h');
    expect(historyRequest('24h', NOW)).toBeNull();
    expect(() => TrendOptions.parse({ window: '2d' })).toThrow();
  });

  it('asks the stored history for 7 days hourly, 30 and 365 days daily, to the whole hour', () => {
    expect(historyRequest('7d', NOW)).toEqual({
      from: '2026-11-24T10:00:00.000Z',
      to: '2026-12-01T10:00:00.000Z',
      step: 'hour',
    });
    expect(historyRequest('30d', NOW)).toMatchObject({ from: '2026-11-01T10:00:00.000Z', step: 'day' });
    expect(historyRequest('365d', NOW)).toMatchObject({ from: '2025-12-01T10:00:00.000Z', step: 'day' });
  });

  it('draws the stored points as they are, with dates on the axis beyond a day', () => {
    const stored = IndicatorSeries.parse({
      indicatorId: 'eco.aqi',
      regionCode: '331023',
      unit: '',
      step: 'day',
      from: '2026-11-28T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
      points: [
        ['2026-11-28T16:00:00.000Z', 41],
        ['2026-11-29T16:00:00.000Z', null],
        ['2026-11-30T16:00:00.000Z', 57],
      ],
      downsampled: null,
      backfilledPoints: 2,
    });
    const series = seriesFromHistory(stored);
    expect(series.points).toEqual([
      { at: '2026-11-28T16:00:00.000Z', value: 41 },
      { at: '2026-11-29T16:00:00.000Z', value: null },
      { at: '2026-11-30T16:00:00.000Z', value: 57 },
    ]);
    const option = trendOption(series, {
      name: 'AQI',
      color: '#36c3f0',
      style: 'line',
      sizes: CHART_SIZES.wall,
      axisLabel: axisLabelOf('30d'),
      dayMarks: false,
    });
    // Beijing dates (UTC 16:00 is the next day's midnight there), no midnight marks on a daily series.
    expect((option.xAxis as { data: string[] }).data).toEqual(['11-29', '11-30', '12-01']);
    const [line] = option.series as { data: (number | null)[]; markLine?: unknown }[];
    expect(line!.data).toEqual([41, null, 57]);
    expect(line!.markLine).toBeUndefined();
    expect(axisLabelOf('7d')!('2026-11-30T16:00:00.000Z')).toBe('12-01 00:00');
    expect(axisLabelOf('24h')).toBeUndefined();
  });

  it('says its span and step on screen', () => {
    const at = (m: number) => ({ at: new Date(NOW + m * 60_000).toISOString() });
    expect(stepMinutes([at(0), at(15), at(30), at(45)])).toBe(15);
    expect(stepMinutes([at(0)])).toBeNull();
    expect(windowCaption('24h', 15, 'zh-CN')).toBe('近 24 小时 · 每 15 分钟');
    expect(windowCaption('24h', 60, 'en')).toBe('Last 24 h · hourly');
    expect(windowCaption('7d', 60, 'zh-CN')).toBe('近 7 天 · 逐小时 · 历史库');
    expect(windowCaption('365d', 1440, 'en')).toBe('Last 365 days · daily · stored history');
    // A downsampled history names the bucket it averaged over.
    expect(windowCaption('30d', 60, 'zh-CN', 6 * 3600)).toBe('近 30 天 · 每 6 小时均值 · 历史库');
    expect(windowCaption('24h', null, 'en')).toBe('Last 24 h');
  });
});
