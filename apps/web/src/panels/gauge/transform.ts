import type { ChartSizes } from '../../components/chartSizes';
import type { EChartsOption } from '../../components/echarts';

/** A share (unit %) is shown in percent; every other unit as it is. */
export const displayValue = (value: number, unit: string) => (unit === '%' ? value * 100 : value);

/**
 * Pure transform of the `gauge` panel: one value on an arc from `min` to `max` (display units: percent for a
 * share), the figure in the middle with its unit. A value outside the range pins the needle to the end but the
 * figure stays true.
 */
export function gaugeOption(
  value: number | null,
  opts: {
    unit: string;
    min: number;
    max: number;
    color: string;
    sizes: ChartSizes;
    text: string;
    unitText: string;
  },
): EChartsOption {
  const shown = value === null ? null : displayValue(value, opts.unit);
  const pinned = shown === null ? null : Math.min(opts.max, Math.max(opts.min, shown));
  const { sizes } = opts;
  return {
    animation: false,
    series: [
      {
        type: 'gauge',
        min: opts.min,
        max: opts.max,
        startAngle: 210,
        endAngle: -30,
        radius: '92%',
        center: ['50%', '58%'],
        progress: { show: true, width: sizes.label * 0.6, itemStyle: { color: opts.color } },
        axisLine: { lineStyle: { width: sizes.label * 0.6, color: [[1, 'rgba(100,160,230,0.18)']] } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { color: '#a9bbd6', fontSize: sizes.axis, distance: sizes.label * 0.9 },
        pointer: { show: false },
        title: { show: false },
        detail: {
          valueAnimation: false,
          offsetCenter: [0, 0],
          color: '#eaf2ff',
          fontSize: sizes.figure * 0.7,
          fontWeight: 800,
          formatter: () => `${opts.text}${opts.unitText ? ` ${opts.unitText}` : ''}`,
        },
        data: [{ value: pinned ?? opts.min }],
      },
    ],
  };
}
