import type { Breakdown, IndicatorDefinition } from '@cockpit/contracts';
import type { ChartSizes } from '../../components/chartSizes';
import type { EChartsOption } from '../../components/echarts';
import { type ChildOrder, orderChildren } from '../sort';

/**
 * The children in the panel's order (default: by value, largest first), missing values last, cut to `limit`.
 * Pure, so it is tested alone.
 */
export function rankChildren(
  breakdown: Breakdown,
  limit: number,
  sort: ChildOrder = 'valueDesc',
  direction?: IndicatorDefinition['direction'],
) {
  return orderChildren(breakdown.children, sort, direction).slice(0, limit);
}

/** A region's place among the children with a value (1 = largest); undefined when it has none. */
export function rankOf(breakdown: Breakdown, regionCode: string): { rank: number; of: number } | undefined {
  const ranked = rankChildren(breakdown, Number.POSITIVE_INFINITY).filter((c) => c.value !== null);
  const i = ranked.findIndex((c) => c.regionCode === regionCode);
  return i < 0 ? undefined : { rank: i + 1, of: ranked.length };
}

/**
 * Pure transform: a horizontal bar ranking of the region's children, first in the panel's order on top. `highlight` (a village
 * ranked among its township's villages) is drawn in white and always shown, in place of the last row if need be.
 */
export function rankingOption(
  breakdown: Breakdown,
  opts: {
    limit: number;
    color: string;
    sizes: ChartSizes;
    format: (v: number | null) => string;
    highlight?: string | undefined;
    sort?: ChildOrder;
    direction?: IndicatorDefinition['direction'] | undefined;
  },
): EChartsOption {
  let top = rankChildren(breakdown, opts.limit, opts.sort, opts.direction);
  const own = breakdown.children.find((c) => c.regionCode === opts.highlight);
  if (own && !top.includes(own)) top = [...top.slice(0, Math.max(0, opts.limit - 1)), own];
  const rows = top.reverse();
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
        data: rows.map((r) =>
          r.regionCode === opts.highlight ? { value: r.value, itemStyle: { color: '#ffffff' } } : r.value,
        ),
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

/** The rankings a panel steps through: those of the indicators it names, in that order; none named: all. */
export function rankingChoices(
  breakdowns: readonly Breakdown[],
  indicatorIds: readonly string[],
): Breakdown[] {
  if (indicatorIds.length === 0) return [...breakdowns];
  return indicatorIds.flatMap((id) => breakdowns.filter((b) => b.indicatorId === id));
}
