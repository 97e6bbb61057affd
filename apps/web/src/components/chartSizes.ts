import type { ScreenProfile } from '../app/screen';
import { useUi } from '../stores/ui';

/**
 * Font and stroke sizes for chart transforms, in CSS pixels of the profile's layout (wall: canvas pixels).
 * On the wall no chart text may fall below 24 px: the axis size is 30 so that a transform's smaller text
 * (0.8 × axis, e.g. bar value labels) is still 24. EChart checks every chart's text (data-min-font-px).
 */
export type ChartSizes = { figure: number; label: number; axis: number; stroke: number };

export const CHART_SIZES: Record<ScreenProfile, ChartSizes> = {
  wall: { figure: 80, label: 30, axis: 30, stroke: 24 },
  tablet: { figure: 36, label: 15, axis: 14, stroke: 12 },
  desk: { figure: 32, label: 13, axis: 12, stroke: 10 },
};

export function useChartSizes(): ChartSizes {
  return CHART_SIZES[useUi((s) => s.profile)];
}

/** The wall's floor for any text, chart text included (DESIGN.md: read at 5–10 m). */
export const WALL_TEXT_FLOOR_PX = 24;

/**
 * The smallest font size an ECharts option (as returned by getOption, defaults merged) will draw: every
 * `fontSize` of a text-bearing object that is not hidden (`show: false`), and the global textStyle; hover-only
 * text (tooltip, axis pointer, emphasis states) is left out.
 */
/** Text that appears only under a pointer (never on a wall at rest). */
const HOVER_ONLY = new Set(['tooltip', 'axisPointer', 'emphasis', 'blur', 'select']);

export function minFontSize(option: unknown): number | null {
  let min: number | null = null;
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (o.show === false) return;
    // A legend's selector buttons (全选/反选) exist only when `selector` is set; their label default is 12 px.
    if (!o.selector && 'selectorLabel' in o) {
      const { selectorLabel: _unused, ...rest } = o;
      visit(rest);
      return;
    }
    const size = typeof o.fontSize === 'number' ? o.fontSize : Number.parseFloat(String(o.fontSize ?? ''));
    if (Number.isFinite(size) && size > 0) min = min === null ? size : Math.min(min, size);
    for (const [key, v] of Object.entries(o))
      if (!HOVER_ONLY.has(key) && key !== 'data' && typeof v === 'object') visit(v);
  };
  visit(option);
  return min;
}
