import type { DepartmentSummary } from '@cockpit/contracts';

/** Pure transform: the summaries of the department cockpits the panel names, in the order it names them. */
export function departmentTiles(
  summaries: readonly DepartmentSummary[],
  options: { themes: readonly DepartmentSummary['theme'][] },
): DepartmentSummary[] {
  return options.themes.flatMap((theme) => summaries.filter((s) => s.theme === theme));
}
