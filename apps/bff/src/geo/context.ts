import { type Prepared, prepare } from '../lib/prepared';
import { readCollection } from './roads';

type LineFeature = {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
};

/** Road classes drawn as context: the expressway and the arterials (locals and collectors would be noise). */
const CONTEXT_ROADS = new Set(['expressway', 'arterial']);

/**
 * The map's context layers as one GeoJSON FeatureCollection: the river, streams, reservoirs, township seats
 * and landmarks of context.geojson, plus the expressway and arterials of the road network. Each feature has
 * `kind`, `name` and `accuracy` (approximate unless GEO_DIR supplied the file). Built once per process.
 */
export function buildContextLayers(overrideDir?: string): Prepared {
  const context = readCollection('context.geojson', overrideDir);
  const roads = readCollection('roads.geojson', overrideDir);
  const roadFeatures = (roads.features as LineFeature[])
    .filter((f) => CONTEXT_ROADS.has(String(f.properties?.class)) && f.geometry?.type === 'LineString')
    .map((f) => ({
      type: 'Feature' as const,
      properties: {
        id: String(f.properties.id),
        kind: f.properties.class === 'expressway' ? 'expressway' : 'arterial',
        name: String(f.properties.name ?? ''),
        accuracy: roads.fromOverride ? 'source' : String(f.properties.accuracy ?? 'approximate'),
      },
      geometry: f.geometry,
    }));
  const own = (context.features as LineFeature[]).map((f) =>
    context.fromOverride ? f : { ...f, properties: { ...f.properties, accuracy: 'approximate' } },
  );
  return prepare(JSON.stringify({ type: 'FeatureCollection', features: [...roadFeatures, ...own] }));
}
