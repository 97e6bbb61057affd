import { type effectiveBands, thresholdBandOf } from '@cockpit/contracts';
import type { ChartSizes } from '../../components/chartSizes';
import type { EChartsOption } from '../../components/echarts';

/** A share (unit %) is shown in percent; every other unit as it is. */
export const displayValue = (value: number, unit: string) => (unit === '%' ? value * 100 : value);

export type Bands = NonNullable<ReturnType<typeof effectiveBands>>;

/**
 * The arc's colour stops for ECharts (`[fraction of the arc, colour]`, in order): the normal, warning and alarm
 * bands at their limits (display scale) between `min` and `max`, read with the direction. No limits: none.
 */
export function gaugeBandStops(bands: Bands, unit: string, min: number, max: number): [number, string][] {
  const { warning, alarm } = bands.thresholds;
  if ((warning === null && alarm === null) || max <= min) return [];
  const at = (limit: number) => Math.min(1, Math.max(0, (displayValue(limit, unit) - min) / (max - min)));
  const { colors } = bands;
  const stops: [number, string][] =
    bands.direction === 'higherIsWorse'
      ? [
          ...(warning !== null ? [[at(warning), colors.normal] as [number, string]] : []),
          ...(alarm !== null
            ? [[at(alarm), warning !== null ? colors.warning : colors.normal] as [number, string]]
            : []),
          [1, alarm !== null ? colors.alarm : colors.warning],
        ]
      : [
          ...(alarm !== null ? [[at(alarm), colors.alarm] as [number, string]] : []),
          ...(warning !== null ? [[at(warning), colors.warning] as [number, string]] : []),
          [1, colors.normal],
        ];
  // Stops at the same place (a limit outside the range) collapse to the last.
  return stops.filter((s, i) => i === stops.length - 1 || s[0] < (stops[i + 1]?.[0] ?? 1));
}

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
    /** The indicator's bands (or the panel's own): the arc shows them, the progress takes the value's band colour. */
    bands?: Bands | null | undefined;
  },
): EChartsOption {
  const shown = value === null ? null : displayValue(value, opts.unit);
  const stops = opts.bands ? gaugeBandStops(opts.bands, opts.unit, opts.min, opts.max) : [];
  const band = opts.bands && stops.length > 0 ? thresholdBandOf(opts.bands, value) : null;
  const progressColour = band
    ? opts.bands!.colors[band]
    : stops.length > 0
      ? opts.bands!.colors.normal
      : opts.color;
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
        progress: { show: true, width: sizes.label * 0.6, itemStyle: { color: progressColour } },
        axisLine: {
          lineStyle: {
            width: sizes.label * 0.6,
            // The bands as a faint arc under the progress, so the limits read without hiding the value.
            color: stops.length > 0 ? stops : [[1, 'rgba(100,160,230,0.18)']],
            opacity: stops.length > 0 ? 0.35 : 1,
          },
        },
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
