import {
  bandOrderProblem,
  type GridRect,
  type IndicatorDefinition,
  indicatorRefs,
  LayoutDocument,
  type Level,
  type PanelTypeSpec,
  PROFILE_IDS,
  PROFILES,
  type ProfileId,
} from '@cockpit/contracts';
import type { z } from 'zod';

/** The panel-type table a layout is checked against (PANEL_TYPES in production). */
export type PanelTypeTable = Readonly<Record<string, PanelTypeSpec<z.ZodType>>>;

export type LayoutValidationContext = {
  panelTypes: PanelTypeTable;
  /** The levels an indicator exists at; undefined for an unknown id. */
  indicatorLevels: (id: string) => readonly Level[] | undefined;
  /** The level of a region; undefined for an unknown code. */
  regionLevel: (code: string) => Level | undefined;
  /** Whether an indicator is better or worse when higher (a panel's own bands are read with it). */
  indicatorDirection?: (id: string) => IndicatorDefinition['direction'] | undefined;
};

/**
 * One reason a layout is refused. `path` names the field, with the panel by its id:
 * `profiles.wall.panels[kpis].options.indicatorIds.0`.
 */
export type LayoutProblem = {
  code: string;
  path: string;
  message: string;
  profile?: ProfileId;
  panelId?: string;
};

export type LayoutValidation =
  | { ok: true; document: LayoutDocument }
  | { ok: false; problems: LayoutProblem[] };

const inside = (r: GridRect, cols: number, rows: number) => r.x + r.w <= cols && r.y + r.h <= rows;
const overlaps = (a: GridRect, b: GridRect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const rect = (r: GridRect) => `x=${r.x} y=${r.y} w=${r.w} h=${r.h}`;
const zodPath = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Where in a panel's options an indicator id is named (the first place): `options.indicatorIds.1`. */
function fieldOf(options: unknown, id: string, path: string[] = ['options']): string {
  const find = (v: unknown, at: string[]): string[] | undefined => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) {
        const found = find(x, [...at, String(i)]);
        if (found) return found;
      }
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'indicatorId' && x === id) return [...at, k];
        if (k === 'indicatorIds' && Array.isArray(x) && x.includes(id))
          return [...at, k, String(x.indexOf(id))];
        const found = find(x, [...at, k]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return (find(options, path) ?? path).join('.');
}

/**
 * A panel's own bands (`options.thresholds`: for its one indicator, or by indicator id) that do not fit the
 * indicator's direction: with higherIsWorse the alarm limit must lie above the warning limit, with
 * higherIsBetter below it.
 */
function ownBandsProblems(
  options: unknown,
  ctx: LayoutValidationContext,
): { field: string; message: string }[] {
  type Limits = { warning: number | null; alarm: number | null };
  const o = options as { indicatorId?: unknown; thresholds?: Limits | Record<string, Limits> | null };
  if (!o?.thresholds || !ctx.indicatorDirection) return [];
  const single = typeof o.indicatorId === 'string';
  const own: [string, Limits, string][] = single
    ? [[o.indicatorId as string, o.thresholds as Limits, 'options.thresholds']]
    : Object.entries(o.thresholds as Record<string, Limits>).map(([id, l]) => [
        id,
        l,
        `options.thresholds.${id}`,
      ]);
  return own.flatMap(([id, limits, at]) => {
    const direction = id ? ctx.indicatorDirection?.(id) : undefined;
    const problem = direction && bandOrderProblem(limits, direction);
    return problem ? [{ field: `${at}.${problem.field}`, message: problem.message }] : [];
  });
}

/**
 * A shape problem inside a panel, named by the panel's id when it has one:
 * `profiles.wall.panels.3.x` → `profiles.wall.panels[kpis].x`, "panel "kpis" (wall) x: …".
 */
function panelIssue(
  input: unknown,
  path: readonly PropertyKey[],
  message: string,
): LayoutProblem | undefined {
  const [root, profile, panels, index, ...rest] = path;
  if (root !== 'profiles' || panels !== 'panels' || typeof index !== 'number') return undefined;
  const doc = input as { profiles?: Record<string, { panels?: unknown[] }> } | null;
  const panel = doc?.profiles?.[String(profile)]?.panels?.[index] as { id?: unknown } | undefined;
  const id = typeof panel?.id === 'string' && panel.id ? panel.id : `#${index}`;
  const field = rest.map(String).join('.');
  return {
    code: 'VALIDATION',
    path: `profiles.${String(profile)}.panels[${id}]${field ? `.${field}` : ''}`,
    profile: profile as ProfileId,
    panelId: id,
    message: `panel "${id}" (${String(profile)}) ${field || 'panel'}: ${message}`,
  };
}

/**
 * Checks a layout document: its shape, its scope (a region override's region must be of the layout's
 * level), and for every screen profile the map and each panel (inside the profile's grid, no overlaps, ids
 * unique, a registered panel type allowed for the theme, options valid under the type's schema, every
 * indicator it names existing at the layout's level). Pure: everything it consults comes in `ctx`.
 * Returns every problem found, not only the first.
 */
export function validateLayout(input: unknown, ctx: LayoutValidationContext): LayoutValidation {
  const parsed = LayoutDocument.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = zodPath(issue.path);
        const missingProfile =
          issue.path.length === 2 &&
          issue.path[0] === 'profiles' &&
          (PROFILE_IDS as readonly PropertyKey[]).includes(issue.path[1]!) &&
          issue.code === 'invalid_type';
        return missingProfile
          ? {
              code: 'MISSING_PROFILE',
              path,
              profile: issue.path[1] as ProfileId,
              message: `${path}: every screen profile needs an arrangement; ${String(issue.path[1])} is missing`,
            }
          : (panelIssue(input, issue.path, issue.message) ?? {
              code: 'VALIDATION',
              path,
              message: `${path || 'document'}: ${issue.message}`,
            });
      }),
    };
  }
  const doc = parsed.data;
  const problems: LayoutProblem[] = [];

  if (doc.regionCode !== null) {
    const regionLevel = ctx.regionLevel(doc.regionCode);
    if (doc.level === null)
      problems.push({
        code: 'REGION_WITHOUT_LEVEL',
        path: 'level',
        message: `level: a region override (regionCode ${doc.regionCode}) must name its level`,
      });
    else if (regionLevel === undefined)
      problems.push({
        code: 'UNKNOWN_REGION',
        path: 'regionCode',
        message: `regionCode: no region has the code ${doc.regionCode}`,
      });
    else if (regionLevel !== doc.level)
      problems.push({
        code: 'REGION_NOT_OF_LEVEL',
        path: 'regionCode',
        message: `regionCode: ${doc.regionCode} is a ${regionLevel}, but the layout is for the ${doc.level} level`,
      });
  }

  for (const profile of PROFILE_IDS) {
    const grid = PROFILES[profile];
    const arrangement = doc.profiles[profile];
    const at = `profiles.${profile}`;
    const { map, panels } = arrangement;
    if (map && !inside(map, grid.cols, grid.rows))
      problems.push({
        code: 'OUT_OF_GRID',
        path: `${at}.map`,
        profile,
        message: `${at}.map: ${rect(map)} leaves the ${profile} grid of ${grid.cols}×${grid.rows} cells`,
      });
    const seen = new Set<string>();
    panels.forEach((panel, index) => {
      const where = `${at}.panels[${panel.id}]`;
      const push = (code: string, field: string, message: string) =>
        problems.push({
          code,
          path: field ? `${where}.${field}` : where,
          profile,
          panelId: panel.id,
          message: `panel "${panel.id}" (${profile}) ${field || 'placement'}: ${message}`,
        });
      if (seen.has(panel.id)) push('DUPLICATE_PANEL_ID', 'id', `the id is used twice in ${profile}`);
      seen.add(panel.id);
      if (!inside(panel, grid.cols, grid.rows))
        push(
          'OUT_OF_GRID',
          '',
          `${rect(panel)} leaves the ${profile} grid of ${grid.cols}×${grid.rows} cells`,
        );
      if (map && overlaps(panel, map)) push('OVERLAP', '', `${rect(panel)} overlaps the map (${rect(map)})`);
      for (const other of panels.slice(0, index))
        if (other.id !== panel.id && overlaps(panel, other))
          push('OVERLAP', '', `${rect(panel)} overlaps panel "${other.id}" (${rect(other)})`);

      const spec = Object.hasOwn(ctx.panelTypes, panel.type) ? ctx.panelTypes[panel.type] : undefined;
      if (!spec) {
        push('UNKNOWN_PANEL_TYPE', 'type', `no panel type is registered as "${panel.type}"`);
        return;
      }
      if (spec.themes && !spec.themes.includes(doc.theme)) {
        push(
          'PANEL_TYPE_NOT_ALLOWED',
          'type',
          `"${panel.type}" may be placed on ${spec.themes.join(', ')} layouts only, not ${doc.theme}`,
        );
        return;
      }
      const options = spec.options.safeParse(panel.options);
      if (!options.success) {
        for (const issue of options.error.issues) {
          const field = ['options', ...issue.path.map(String)].join('.');
          push('INVALID_PANEL_OPTIONS', field, issue.message);
        }
        return;
      }
      // The parsed options, so indicators named by the type's defaults are checked too.
      for (const id of new Set(indicatorRefs(options.data))) {
        const levels = ctx.indicatorLevels(id);
        if (!levels || levels.length === 0)
          push('UNKNOWN_INDICATOR', fieldOf(options.data, id), `no indicator has the id ${id}`);
        else if (doc.level !== null && !levels.includes(doc.level))
          push(
            'INDICATOR_NOT_AT_LEVEL',
            fieldOf(options.data, id),
            `indicator ${id} exists at ${levels.join(', ')}, not at the ${doc.level} level of this layout`,
          );
      }
      for (const bands of ownBandsProblems(options.data, ctx))
        push('INVALID_PANEL_THRESHOLDS', bands.field, bands.message);
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document: doc };
}
