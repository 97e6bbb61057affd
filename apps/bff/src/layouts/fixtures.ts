import {
  type LayoutDocument,
  type Level,
  type PanelInstance,
  PROFILE_IDS,
  PROFILES,
  type ProfileArrangement,
  type ProfileId,
  type Theme,
} from '@cockpit/contracts';

/**
 * Test layouts built from the profiles' grids (never from hard-coded cell numbers): the map takes the left
 * half (all rows on a wall, 8 rows on a scrolling profile), panels stack one row each in the right half.
 */
export function mapRect(profile: ProfileId) {
  const g = PROFILES[profile];
  return { x: 0, y: 0, w: Math.floor(g.cols / 2), h: g.scroll ? Math.min(8, g.rows) : g.rows };
}

/** The free cell rectangle of row `row` in the right half of a profile's grid. */
export function sideRect(profile: ProfileId, row: number) {
  const g = PROFILES[profile];
  const x = Math.floor(g.cols / 2);
  return { x, y: row, w: g.cols - x, h: 1 };
}

export type PanelSpec = Pick<PanelInstance, 'id' | 'type'> & { options?: Record<string, unknown> };

/** One profile's arrangement: the map, and these panels in the side column, one row each. */
export function arrangement(profile: ProfileId, panels: readonly PanelSpec[] = []): ProfileArrangement {
  return {
    map: mapRect(profile),
    panels: panels.map((p, row) => ({ ...sideRect(profile, row), options: {}, ...p })),
  };
}

/** A layout with the same panels on every profile. */
export function layoutDoc(
  scope: { theme?: Theme; level?: Level | null; regionCode?: string | null } = {},
  panels: readonly PanelSpec[] = [],
): LayoutDocument {
  return {
    theme: scope.theme ?? 'overview',
    level: scope.level ?? null,
    regionCode: scope.regionCode ?? null,
    profiles: Object.fromEntries(PROFILE_IDS.map((p) => [p, arrangement(p, panels)])) as Record<
      ProfileId,
      ProfileArrangement
    >,
  };
}
