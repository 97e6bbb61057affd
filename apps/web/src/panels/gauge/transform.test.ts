import { describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../components/chartSizes';
import { gaugeOption } from './transform';

type G = { data: { value: number }[]; min: number; max: number; detail: { formatter: () => string } };
const opts = { min: 0, max: 100, color: '#36c3f0', sizes: CHART_SIZES.wall, text: '54.0', unitText: '%' };

describe('gaugeOption', () => {
  it('shows a share in percent, the figure with its unit', () => {
    const [g] = gaugeOption(0.54, { ...opts, unit: '%' }).series as G[];
    expect(g?.data[0]?.value).toBeCloseTo(54);
    expect(g?.detail.formatter()).toBe('54.0 %');
  });
  it('pins the arc to its range but keeps the figure true, and starts at min without a value', () => {
    const [high] = gaugeOption(180, { ...opts, unit: '个', text: '180', unitText: '个' }).series as G[];
    expect(high?.data[0]?.value).toBe(100);
    expect(high?.detail.formatter()).toBe('180 个');
    const [none] = gaugeOption(null, { ...opts, unit: '个', text: '—', unitText: '' }).series as G[];
    expect(none?.data[0]?.value).toBe(0);
  });
});
