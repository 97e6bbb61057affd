import type {
  LayoutDocument,
  LayoutSummary,
  Level,
  PanelInstance,
  ProfileArrangement,
  ProfileId,
  Theme,
} from '@cockpit/contracts';

export type StudioScope = { theme: Theme; level: Level; regionCode: string | null };

export type ScopeLayout = {
  item: LayoutSummary;
  /** Which screens the layout applies to: the theme default, the level default, or one region only. */
  appliesTo: 'theme' | 'level' | 'region';
};

/**
 * The stored layout an analyst edits for a scope, resolved the way screens resolve them: the region's own
 * layout when one exists, else the level's, else the theme default. Null when the theme has none.
 */
export function layoutForScope(items: readonly LayoutSummary[], scope: StudioScope): ScopeLayout | null {
  const ofTheme = items.filter((i) => i.theme === scope.theme);
  const region =
    scope.regionCode !== null ? ofTheme.find((i) => i.regionCode === scope.regionCode) : undefined;
  if (region) return { item: region, appliesTo: 'region' };
  const level = ofTheme.find((i) => i.regionCode === null && i.level === scope.level);
  if (level) return { item: level, appliesTo: 'level' };
  const theme = ofTheme.find((i) => i.regionCode === null && i.level === null);
  return theme ? { item: theme, appliesTo: 'theme' } : null;
}

/** The document with one profile's arrangement replaced. */
export function withProfile(
  doc: LayoutDocument,
  profile: ProfileId,
  arrangement: ProfileArrangement,
): LayoutDocument {
  return { ...doc, profiles: { ...doc.profiles, [profile]: arrangement } };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Replays my edits (base → mine) onto the latest published document, profile by profile and panel by
 * panel: panels I removed go, panels I added come (renamed if the other analyst used the id for another
 * panel), panels I changed take my version, a map I moved takes my rectangle; everything I did not touch
 * keeps the latest. Pure.
 */
export function rebaseDocument(
  base: LayoutDocument,
  mine: LayoutDocument,
  latest: LayoutDocument,
): LayoutDocument {
  const profiles = { ...latest.profiles };
  for (const profile of Object.keys(mine.profiles) as ProfileId[]) {
    const b = base.profiles[profile];
    const m = mine.profiles[profile];
    const l = latest.profiles[profile];
    if (!b || !m || !l || same(b, m)) continue;
    const baseById = new Map(b.panels.map((p) => [p.id, p]));
    const mineById = new Map(m.panels.map((p) => [p.id, p]));
    let panels: PanelInstance[] = l.panels
      .filter((p) => !(baseById.has(p.id) && !mineById.has(p.id)))
      .map((p) => {
        const before = baseById.get(p.id);
        const after = mineById.get(p.id);
        return before && after && !same(before, after) ? after : p;
      });
    const ids = new Set(panels.map((p) => p.id));
    for (const p of m.panels) {
      const before = baseById.get(p.id);
      if (before && ids.has(p.id)) continue;
      if (before && same(before, p)) continue; // removed by the other analyst, untouched by me
      let id = p.id;
      for (let n = 2; ids.has(id); n++) id = `${p.id}-${n}`;
      ids.add(id);
      panels = [...panels, { ...p, id }];
    }
    const map = same(b.map, m.map) ? l.map : m.map;
    profiles[profile] = { map, panels };
  }
  return { ...latest, profiles };
}

/** Whether two documents differ in any profile (what a draft or publish needs). */
export const documentsDiffer = (a: LayoutDocument, b: LayoutDocument) => !same(a.profiles, b.profiles);
