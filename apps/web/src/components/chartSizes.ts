import type { ScreenProfile } from '../app/screen';
import { useUi } from '../stores/ui';

/** Font and stroke sizes for chart transforms, in CSS pixels of the profile's layout (wall: canvas pixels). */
export type ChartSizes = { figure: number; label: number; axis: number; stroke: number };

export const CHART_SIZES: Record<ScreenProfile, ChartSizes> = {
  wall: { figure: 80, label: 30, axis: 26, stroke: 24 },
  tablet: { figure: 36, label: 15, axis: 14, stroke: 12 },
  desk: { figure: 32, label: 13, axis: 12, stroke: 10 },
};

export function useChartSizes(): ChartSizes {
  return CHART_SIZES[useUi((s) => s.profile)];
}
