import type { z } from 'zod';
import { type LayoutDocument, PROFILE_IDS, type ProfileId } from './layout';
import { PANEL_TYPES, type PanelTypeSpec } from './panels/index';

/** The most panels one profile of a layout may hold: more is refused at publish (LAYOUT_TOO_HEAVY). */
export const MAX_PANELS_PER_PROFILE = 40;

/**
 * How much data a panel of a type asks for, with the most a wall can carry. `measure` reads the panel's
 * parsed options (defaults filled); `field` names the option the publisher should lower.
 */
export type PanelSizeLimit = {
  measure: (options: Record<string, unknown>) => number;
  max: number;
  unit: { zh: string; en: string };
  field: string;
};

const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * Per-type size limits. A table's cells are its rows (`limit`, one per child region) × its columns (one per
 * indicator); a ranking rotates through its indicators, `limit` rows each; an alarm list shows `limit` rows.
 * The caps keep every row legible at the wall's minimum text size (24 px on 3840×2160) and the snapshot a
 * screen fetches small.
 */
export const PANEL_SIZE_LIMITS: Readonly<Record<string, PanelSizeLimit>> = {
  table: {
    measure: (o) => num(o.limit) * Math.max(1, count(o.indicatorIds)),
    max: 200,
    unit: { zh: '个单元格', en: 'cells' },
    field: 'options.limit',
  },
  ranking: {
    measure: (o) => num(o.limit) * Math.max(1, count(o.indicatorIds)),
    max: 120,
    unit: { zh: '行（含轮播）', en: 'rows across its rotation' },
    field: 'options.limit',
  },
  alarms: {
    measure: (o) => num(o.limit),
    max: 30,
    unit: { zh: '条告警', en: 'alarm rows' },
    field: 'options.limit',
  },
  'kpi-tiles': {
    measure: (o) => count(o.indicatorIds),
    max: 12,
    unit: { zh: '个指标卡', en: 'tiles' },
    field: 'options.indicatorIds',
  },
};

export type LayoutWeightProblem = {
  code: 'LAYOUT_TOO_HEAVY';
  path: string;
  profile: ProfileId;
  panelId?: string;
  message: string;
};

/**
 * Why a layout is too heavy for a screen: a profile with more than MAX_PANELS_PER_PROFILE panels, or a panel
 * whose data exceeds its type's size limit. Panels whose options do not parse are left to the validator. Pure.
 */
export function layoutWeightProblems(
  document: LayoutDocument,
  panelTypes: Readonly<Record<string, PanelTypeSpec<z.ZodType>>> = PANEL_TYPES,
  limits: Readonly<Record<string, PanelSizeLimit>> = PANEL_SIZE_LIMITS,
): LayoutWeightProblem[] {
  const problems: LayoutWeightProblem[] = [];
  for (const profile of PROFILE_IDS) {
    const panels = document.profiles[profile]?.panels ?? [];
    if (panels.length > MAX_PANELS_PER_PROFILE)
      problems.push({
        code: 'LAYOUT_TOO_HEAVY',
        path: `profiles.${profile}.panels`,
        profile,
        message: `profiles.${profile}.panels: ${panels.length} panels, more than the ${MAX_PANELS_PER_PROFILE} a ${profile} screen may carry`,
      });
    for (const panel of panels) {
      const limit = Object.hasOwn(limits, panel.type) ? limits[panel.type] : undefined;
      const spec = Object.hasOwn(panelTypes, panel.type) ? panelTypes[panel.type] : undefined;
      if (!limit || !spec) continue;
      const parsed = spec.options.safeParse(panel.options);
      if (!parsed.success) continue;
      const size = limit.measure(parsed.data as Record<string, unknown>);
      if (size > limit.max)
        problems.push({
          code: 'LAYOUT_TOO_HEAVY',
          path: `profiles.${profile}.panels[${panel.id}].${limit.field}`,
          profile,
          panelId: panel.id,
          message: `panel "${panel.id}" (${profile}) ${limit.field}: a ${panel.type} panel may show at most ${limit.max} ${limit.unit.en}, this one asks for ${size}`,
        });
    }
  }
  return problems;
}
