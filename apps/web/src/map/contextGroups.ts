import type { FeatureCollection } from 'geojson';

/** The map's context features in the groups a viewer can switch (the `map-layers` panel). */
export const CONTEXT_GROUPS = {
  water: ['river', 'stream', 'reservoir'],
  roads: ['expressway', 'arterial'],
  places: ['seat', 'landmark'],
} as const;
export type ContextGroup = keyof typeof CONTEXT_GROUPS;

/** Pure: the context without the features of the hidden groups (their lines, dots and names all go). */
export function visibleContext(data: FeatureCollection, hidden: readonly ContextGroup[]): FeatureCollection {
  if (hidden.length === 0) return data;
  const off = new Set<string>(hidden.flatMap((g) => CONTEXT_GROUPS[g]));
  return { ...data, features: data.features.filter((f) => !off.has(String(f.properties?.kind))) };
}
