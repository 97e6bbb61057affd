import type { Series } from '@cockpit/contracts';
import type { ChartSizes } from '../../components/chartSizes';
import type { EChartsOption } from '../../components/echarts';

const TZ_OFFSET_MS = 8 * 3600_000;

/** HH:00 in Beijing time, whatever the machine's zone. */
export function beijingHourLabel(iso: string): string {
  const d = new Date(Date.parse(iso) + TZ_OFFSET_MS);
  return `${String(d.getUTCHours()).padStart(2, '0')}:00`;
}

/** Pure transform: one time series as a line, hours in Beijing time on the x axis. */
export function lineOption(
  series: Series,
  opts: { name: string; color: string; sizes: ChartSizes; percent?: boolean },
): EChartsOption {
  const { sizes } = opts;
  return {
    animation: false,
    grid: { left: sizes.axis * 2.6, right: sizes.axis, top: sizes.axis, bottom: sizes.axis * 1.8 },
    tooltip: { trigger: 'axis', textStyle: { fontSize: sizes.axis } },
    xAxis: {
      type: 'category',
      data: series.points.map((p) => beijingHourLabel(p.at)),
      axisLabel: {
        color: '#a9bbd6',
        fontSize: sizes.axis,
        interval: Math.max(0, Math.ceil(series.points.length / 6) - 1),
      },
      axisLine: { lineStyle: { color: 'rgba(100,160,230,0.4)' } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { color: '#a9bbd6', fontSize: sizes.axis },
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
      },
    ],
  };
}
