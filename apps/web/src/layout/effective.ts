import type { EffectiveLayout, LayoutDocument, Level, ProfileId, Theme } from '@cockpit/contracts';

/**
 * The seeded layout that applies to a scope, resolved as the BFF resolves stored ones: a region override beats
 * the level default, which beats the theme default. Null when the theme has no seeded layout. Pure.
 */
export function seededLayout(
  seeds: readonly LayoutDocument[],
  scope: { theme: Theme; level: Level; regionCode: string; profile: ProfileId },
): EffectiveLayout | null {
  const ofTheme = seeds.filter((d) => d.theme === scope.theme);
  const doc =
    ofTheme.find((d) => d.regionCode === scope.regionCode) ??
    ofTheme.find((d) => d.regionCode === null && d.level === scope.level) ??
    ofTheme.find((d) => d.regionCode === null && d.level === null);
  if (!doc) return null;
  const arrangement = doc.profiles[scope.profile];
  return {
    layoutId: `seed:${doc.theme}:${doc.level ?? 'all'}:${doc.regionCode ?? 'default'}`,
    version: 1,
    theme: doc.theme,
    level: doc.level,
    regionCode: doc.regionCode,
    profile: scope.profile,
    map: arrangement.map,
    panels: arrangement.panels,
  };
}

/** Rows a scrolling profile's arrangement uses (its page height in cell rows). */
export function rowsUsed(layout: Pick<EffectiveLayout, 'map' | 'panels'>): number {
  const bottoms = [...layout.panels, ...(layout.map ? [layout.map] : [])].map((r) => r.y + r.h);
  return Math.max(1, ...bottoms);
}
