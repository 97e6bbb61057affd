import type { DepartmentSummary, IndicatorValue, Localized } from '@cockpit/contracts';

/** Pure transform: the summaries of the department cockpits the panel names, in the order it names them. */
export function departmentTiles(
  summaries: readonly DepartmentSummary[],
  options: { themes: readonly DepartmentSummary['theme'][] },
): DepartmentSummary[] {
  return options.themes.flatMap((theme) => summaries.filter((s) => s.theme === theme));
}

/**
 * The lines under a tile's figures: first why the region has no figure of its own (本村无停车场 · 最近：…, or
 * whose figure it shows instead), then the note (the AQI category, the busiest lot). The BFF states a reason
 * only once the data proving it has arrived, so nothing here is an early absence.
 */
export function tileLines(s: DepartmentSummary): { kind: 'reason' | 'note'; text: Localized }[] {
  return [
    ...(s.reason ? [{ kind: 'reason' as const, text: s.reason }] : []),
    ...(s.note ? [{ kind: 'note' as const, text: s.note }] : []),
  ];
}

/**
 * The figures a tile shows: all of them, except that a tile which says why the region has no figure of its own
 * leaves out the empty ones (the reason takes their place: a village without a car park shows no "— 个").
 */
export function tileFigures(s: DepartmentSummary): IndicatorValue[] {
  const all = [s.headline, ...s.secondary];
  return s.reason ? all.filter((v) => v.value !== null) : all;
}
