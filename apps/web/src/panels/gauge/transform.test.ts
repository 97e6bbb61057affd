import { effectiveBands } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../components/chartSizes';
import { gaugeBandStops, gaugeOption } from './transform';

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

describe('the gauge in bands', () => {
  const occupancy = { direction: 'higherIsWorse' as const, thresholds: { warning: 0.85, alarm: 0.95 } };
  const closure = { direction: 'higherIsBetter' as const, thresholds: { warning: 0.85, alarm: 0.7 } };
  type Banded = G & {
    progress: { itemStyle: { color: string } };
    axisLine: { lineStyle: { color: unknown } };
  };
  const arc = (value: number, bands: ReturnType<typeof effectiveBands>) =>
    (gaugeOption(value, { ...opts, unit: '%', bands }).series as Banded[])[0]!;

  it("colours the arc by the indicator's bands, read with its direction, in percent on a share", () => {
    const bands = effectiveBands(null, occupancy)!;
    expect(gaugeBandStops(bands, '%', 0, 100)).toEqual([
      [0.85, '#2ecc71'],
      [0.95, '#f5a524'],
      [1, '#ff4d4f'],
    ]);
    expect(gaugeBandStops(effectiveBands(null, closure)!, '%', 0, 100)).toEqual([
      [0.7, '#ff4d4f'],
      [0.85, '#f5a524'],
      [1, '#2ecc71'],
    ]);
    expect(arc(0.5, bands).progress.itemStyle.color).toBe('#2ecc71');
    expect(arc(0.9, bands).progress.itemStyle.color).toBe('#f5a524');
    expect(arc(0.97, bands).progress.itemStyle.color).toBe('#ff4d4f');
  });

  it("draws a panel's own limits and colours instead", () => {
    const own = effectiveBands(
      { warning: 0.6, alarm: 0.8, colors: { normal: '#0000ff', warning: '#00ffff', alarm: '#ff00ff' } },
      occupancy,
    )!;
    expect(gaugeBandStops(own, '%', 0, 100)).toEqual([
      [0.6, '#0000ff'],
      [0.8, '#00ffff'],
      [1, '#ff00ff'],
    ]);
    // 0.9 is only a warning by the indicator's bands, an alarm by the panel's.
    expect(arc(0.9, own).progress.itemStyle.color).toBe('#ff00ff');
    expect(arc(0.7, own).axisLine.lineStyle.color).toEqual(gaugeBandStops(own, '%', 0, 100));
  });

  it('keeps the plain arc without bands, and a limit outside the range collapses', () => {
    const none = effectiveBands(null, {
      direction: 'higherIsWorse',
      thresholds: { warning: null, alarm: null },
    })!;
    expect(gaugeBandStops(none, '%', 0, 100)).toEqual([]);
    expect(arc(0.5, none).progress.itemStyle.color).toBe('#36c3f0');
    const wide = effectiveBands({ warning: 0.5, alarm: 2, colors: null }, occupancy)!;
    expect(gaugeBandStops(wide, '%', 0, 100)).toEqual([
      [0.5, '#2ecc71'],
      [1, '#ff4d4f'],
    ]);
  });
});
