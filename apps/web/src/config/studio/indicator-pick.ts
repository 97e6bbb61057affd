import {
  type IndicatorBinding,
  type IndicatorDefinition,
  indicatorBinding,
  type LayoutEditorRights,
  type Level,
  type Theme,
} from '@cockpit/contracts';

/**
 * The indicators the picker lists for a panel in a scope, pure: active ones matching the query (id, names
 * or 口径), chosen ones first, then the scope's theme (the overview may bind any theme's), then those the
 * editor may bind before those they may not, then by id; each marked whether it exists at the scope's level
 * and whether the editor may bind it (`indicatorBinding`, the rule the BFF refuses others by with 403).
 * Without `rights` (not signed in yet) nothing is bindable.
 */
export function pickableIndicators(
  definitions: readonly IndicatorDefinition[],
  scope: {
    theme: Theme;
    level: Level;
    query: string;
    chosen: readonly string[];
    rights: LayoutEditorRights | null;
  },
): { definition: IndicatorDefinition; atLevel: boolean; binding: IndicatorBinding }[] {
  const bindingOf = (d: IndicatorDefinition): IndicatorBinding =>
    scope.rights
      ? indicatorBinding(scope.rights, d.departmentId)
      : { ok: false, reason: 'noDepartment', owner: d.departmentId };
  const q = scope.query.trim().toLowerCase();
  const matches = (d: IndicatorDefinition) =>
    !q ||
    [d.id, d.name.zh, d.name.en, d.definition.zh, d.definition.en].some((s) => s.toLowerCase().includes(q));
  const rank = (d: IndicatorDefinition) =>
    scope.chosen.includes(d.id) ? 0 : d.theme === scope.theme ? 1 : scope.theme === 'overview' ? 2 : 3;
  return definitions
    .filter((d) => scope.chosen.includes(d.id) || (d.status === 'active' && matches(d) && rank(d) < 3))
    .map((definition) => ({
      definition,
      atLevel: definition.levels.includes(scope.level),
      binding: bindingOf(definition),
    }))
    .sort(
      (a, b) =>
        rank(a.definition) - rank(b.definition) ||
        Number(!a.binding.ok) - Number(!b.binding.ok) ||
        a.definition.id.localeCompare(b.definition.id),
    );
}

/** The indicator's bands in its display scale (a % indicator's shares as percentages). */
export function bandText(
  d: Pick<IndicatorDefinition, 'thresholds' | 'unit'>,
  none: string,
  both: (warning: string, alarm: string) => string,
): string {
  const { warning, alarm } = d.thresholds;
  if (warning === null && alarm === null) return none;
  const show = (v: number | null) =>
    v === null ? '—' : d.unit === '%' ? `${Math.round(v * 1000) / 10}%` : `${v}${d.unit}`;
  return both(show(warning), show(alarm));
}
