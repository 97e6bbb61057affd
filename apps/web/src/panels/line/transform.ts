import type { Series } from '@cockpit/contracts';
import { beijingDayIndex, formatBeijing } from '@cockpit/domain/time';
import type { ChartSizes } from '../../components/chartSizes';
import type { EChartsOption } from '../../components/echarts';

/** HH:00 in Beijing time, whatever the machine's zone. */
export function beijingHourLabel(iso: string): string {
  return formatBeijing(iso, 'HH:00');
}

/** Units of counts: their axis takes integer ticks (never 0.2 calls). */
const COUNT_UNITS = new Set(['人次', '个', '件', '起', '辆', '人', '次']);

/** Indexes of the points that start a new day in Beijing time (where a "today" total starts again at 0). */
export function dayStarts(points: readonly { at: string }[]): number[] {
  const day = (iso: string) => beijingDayIndex(Date.parse(iso));
  const out: number[] = [];
  for (let i = 1; i < points.length; i++) if (day(points[i]!.at) !== day(points[i - 1]!.at)) out.push(i);
  return out;
}

/**
 * Pure transform: one time series as a line, hours in Beijing time on the x axis. Each midnight is marked
 * (labelled `dayLabel`), so a day's cumulative count starting again at 0 does not read as a collapse.
 */
export function lineOption(
  series: Series,
  opts: {
    name: string;
    color: string;
    sizes: ChartSizes;
    percent?: boolean;
    dayLabel?: string;
    /** The x-axis label of a point (default: the Beijing hour). */
    axisLabel?: ((iso: string) => string) | undefined;
    /** Mark each midnight (default true; a daily series has no midnight inside it). */
    dayMarks?: boolean;
  },
): EChartsOption {
  const { sizes } = opts;
  const starts = opts.dayMarks === false ? [] : dayStarts(series.points);
  const label = opts.axisLabel ?? beijingHourLabel;
  return {
    animation: false,
    grid: { left: sizes.axis * 2.6, right: sizes.axis, top: sizes.axis, bottom: sizes.axis * 1.8 },
    tooltip: { trigger: 'axis', textStyle: { fontSize: sizes.axis } },
    xAxis: {
      type: 'category',
      data: series.points.map((p) => label(p.at)),
      axisLabel: {
        color: '#a9bbd6',
        fontSize: sizes.axis,
        interval: Math.max(0, Math.ceil(series.points.length / 6) - 1),
        hideOverlap: true,
      },
      axisLine: { lineStyle: { color: 'rgba(100,160,230,0.4)' } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      ...(COUNT_UNITS.has(series.unit) ? { minInterval: 1 } : {}),
      // Wall type (30 px labels) in a panel a few hundred pixels high: three intervals, so the labels stand
      // apart; any label that would still touch its neighbour is left out rather than drawn over it.
      splitNumber: sizes.axis >= 24 ? 3 : 5,
      axisLabel: { color: '#a9bbd6', fontSize: sizes.axis, hideOverlap: true },
      splitLine: { lineStyle: { color: 'rgba(100,160,230,0.15)' } },
    },
    series: [
      {
        type: 'line',
        name: opts.name,
        data: series.points.map((p) => p.value),
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: Math.max(2, sizes.stroke / 6), color: opts.color },
        areaStyle: { color: opts.color, opacity: 0.12 },
        ...(starts.length
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: '#a9bbd6', type: 'dashed', width: 1 },
                label: { formatter: opts.dayLabel ?? '0:00', color: '#a9bbd6', fontSize: sizes.axis },
                data: starts.map((i) => ({ xAxis: i })),
              },
            }
          : {}),
      },
    ],
  };
}
