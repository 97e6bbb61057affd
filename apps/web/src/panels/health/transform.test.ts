import type { Health } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../components/chartSizes';
import { healthGaugeOption } from './transform';

const base: Health = {
  status: 'ok',
  version: '0.1.0',
  uptimeSeconds: 5,
  now: '2026-11-28T00:00:00Z',
  upstreams: [],
};
const upstream = (breaker: 'closed' | 'open') => ({
  system: 's',
  breaker,
  lastSuccessAt: null,
  errorRate: 0,
  droppedRecords: 0,
  calls: 0,
});

function gaugeValue(health: Health): { value: number; color: unknown } {
  const option = healthGaugeOption(health, { title: 't' }, CHART_SIZES.wall) as {
    series: { data: { value: number }[]; itemStyle: { color: unknown } }[];
  };
  const series = option.series[0]!;
  return { value: series.data[0]!.value, color: series.itemStyle.color };
}

describe('healthGaugeOption', () => {
  it('is full and green with every upstream healthy', () => {
    expect(gaugeValue({ ...base, upstreams: [upstream('closed'), upstream('closed')] })).toEqual({
      value: 100,
      color: '#2ecc71',
    });
  });
  it('shows the healthy share with one decimal', () => {
    const health = { ...base, upstreams: [upstream('closed'), upstream('open'), upstream('open')] };
    expect(gaugeValue(health)).toEqual({ value: 33.3, color: '#ff4d4f' });
  });
  it('sizes its text for the screen profile', () => {
    const detailSize = (sizes: typeof CHART_SIZES.wall) =>
      (healthGaugeOption(base, { title: 't' }, sizes) as { series: { detail: { fontSize: number } }[] })
        .series[0]!.detail.fontSize;
    expect(detailSize(CHART_SIZES.wall)).toBeGreaterThan(detailSize(CHART_SIZES.desk));
  });
  it('with no upstreams follows the service status', () => {
    expect(gaugeValue(base).value).toBe(100);
    expect(gaugeValue({ ...base, status: 'degraded' }).value).toBe(0);
  });
});
