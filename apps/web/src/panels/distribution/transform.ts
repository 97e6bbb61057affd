import type { Breakdown, IndicatorDefinition, PanelSort } from '@cockpit/contracts';
import type { ChartSizes } from '../../components/chartSizes';
import type { EChartsOption } from '../../components/echarts';
import { rankingOption } from '../ranking/transform';
import { orderChildren } from '../sort';

export type Slice = { name: string; value: number };

/**
 * Pure transform: an indicator across the region's children as slices. The largest are kept; beyond `limit`
 * the rest are summed into one slice named `other`, always last. The kept slices come in the panel's order
 * (default largest first). Children without a value are left out (not counted as 0).
 */
export function distributionSlices(
  breakdown: Breakdown,
  limit: number,
  other: string,
  sort: PanelSort = 'valueDesc',
  direction?: IndicatorDefinition['direction'],
): Slice[] {
  const valued = orderChildren(
    breakdown.children.filter((c): c is typeof c & { value: number } => c.value !== null && c.value > 0),
    'valueDesc',
  );
  const kept = valued.length <= limit ? valued : valued.slice(0, limit - 1);
  const head = orderChildren(kept, sort, direction).map((c) => ({ name: c.name, value: c.value }));
  if (kept.length === valued.length) return head;
  const rest = valued.slice(limit - 1).reduce((sum, s) => sum + s.value, 0);
  return [...head, { name: other, value: rest }];
}

/** The slices as a ring (pie) or as bars, labelled with the formatted value. */
export function distributionOption(
  slices: readonly Slice[],
  opts: { style: 'pie' | 'bars'; sizes: ChartSizes; format: (v: number) => string },
): EChartsOption {
  const { sizes } = opts;
  const palette = ['#36c3f0', '#4f8dff', '#3ddc97', '#f5a524', '#b68cff', '#ff6b81', '#7ed6df', '#a9bbd6'];
  if (opts.style === 'pie')
    return {
      animation: false,
      color: palette,
      series: [
        {
          type: 'pie',
          radius: ['38%', '68%'],
          label: {
            color: '#eaf2ff',
            fontSize: sizes.axis,
            formatter: (p: { name: string; value: number }) => `${p.name} ${opts.format(p.value)}`,
          },
          data: slices.map((s) => ({ name: s.name, value: s.value })),
        },
      ],
    };
  // Bars are a ranking of the slices (the same drawing as the ranking panel's).
  return rankingOption(
    {
      indicatorId: '',
      unit: '',
      children: slices.map((s) => ({ regionCode: s.name, name: s.name, value: s.value })),
    },
    {
      limit: slices.length,
      color: palette[0] ?? '#36c3f0',
      sizes,
      sort: 'given',
      format: (v) => (v === null ? '—' : opts.format(v)),
    },
  );
}
