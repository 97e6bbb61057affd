import { describe, expect, it } from 'vitest';
import { CHART_SIZES, minFontSize, WALL_TEXT_FLOOR_PX } from './chartSizes';

describe('minFontSize', () => {
  it('finds the smallest visible font size anywhere in an option', () => {
    const option = {
      textStyle: { fontSize: 30 },
      xAxis: [{ axisLabel: { fontSize: 30 } }],
      series: [{ label: { show: true, fontSize: 20.8 } }, { label: { show: false, fontSize: 8 } }],
    };
    expect(minFontSize(option)).toBe(20.8);
  });
  it('leaves out the legend selector label unless the selector is on', () => {
    expect(minFontSize({ legend: [{ textStyle: { fontSize: 30 }, selectorLabel: { fontSize: 12 } }] })).toBe(
      30,
    );
    expect(minFontSize({ legend: [{ selector: true, selectorLabel: { fontSize: 12 } }] })).toBe(12);
  });
  it('leaves out text shown only under a pointer', () => {
    expect(minFontSize({ textStyle: { fontSize: 30 }, tooltip: { textStyle: { fontSize: 12 } } })).toBe(30);
  });
  it('ignores hidden components and data arrays', () => {
    expect(
      minFontSize({
        legend: { show: false, textStyle: { fontSize: 10 } },
        series: [{ data: [{ fontSize: 1 }] }],
      }),
    ).toBe(null);
  });
  it('keeps 0.8 × the wall axis size at or above the floor', () => {
    expect(CHART_SIZES.wall.axis * 0.8).toBeGreaterThanOrEqual(WALL_TEXT_FLOOR_PX);
    expect(CHART_SIZES.wall.label).toBeGreaterThanOrEqual(WALL_TEXT_FLOOR_PX);
  });
});
