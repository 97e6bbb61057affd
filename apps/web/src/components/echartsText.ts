import type { EChartsOption } from './echarts';

/**
 * The option with every tooltip drawn as rich text on the canvas, never as HTML: whatever a formatter returns
 * (a title, a region or indicator name an analyst typed), ECharts then paints it as characters and the
 * browser never parses it as markup (so no formatter needs to escape, and none may: entities would show). Labels and titles are canvas text already. Pure.
 */
export function withTextOnlyTooltips(option: EChartsOption): EChartsOption {
  const tooltip = option.tooltip;
  if (tooltip === undefined) return option;
  const safe = (t: object) => ({ ...t, renderMode: 'richText' as const });
  return {
    ...option,
    tooltip: Array.isArray(tooltip) ? tooltip.map(safe) : safe(tooltip as object),
  } as EChartsOption;
}
