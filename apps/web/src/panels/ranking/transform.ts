import type { Breakdown } from '@cockpit/contracts';
import type { ChartSizes } from '../../components/chartSizes';
import type { EChartsOption } from '../../components/echarts';

/** The children sorted by value, largest first; missing values last. Pure, so it is tested alone. */
export function rankChildren(breakdown: Breakdown, limit: number) {
  return [...breakdown.children]
    .sort(
      (a, b) =>
        (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY) ||
        a.regionCode.localeCompare(b.regionCode),
    )
    .slice(0, limit);
}

/** Pure transform: a horizontal bar ranking of the region's children, largest on top. */
export function rankingOption(
  breakdown: Breakdown,
  opts: { limit: number; color: string; sizes: ChartSizes; format: (v: number | null) => string },
): EChartsOption {
  const rows = rankChildren(breakdown, opts.limit).reverse();
  const { sizes } = opts;
  return {
    animation: false,
    grid: { left: sizes.label * 5.2, right: sizes.label * 4, top: 4, bottom: 4 },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      // Every row is named: a ranking with unnamed bars says nothing.
      axisLabel: { color: '#eaf2ff', fontSize: sizes.axis, interval: 0 },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => r.value),
        barMaxWidth: sizes.label,
        itemStyle: { color: opts.color, borderRadius: [0, 4, 4, 0] },
        label: {
          show: true,
          position: 'right',
          color: '#eaf2ff',
          fontSize: sizes.axis,
          formatter: (p: { value: number | null }) => opts.format(p.value),
        },
      },
    ],
  };
}
