import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEdgeIndex, buildRoadGraph, type RoadCollection, type RoadGraph } from '@cockpit/domain/routing';
import { BUNDLED_GEO_DIR } from './bundled-dir';

export type Signal = { id: string; name: string; townshipCode: string; lon: number; lat: number };
export type Facility = {
  id: string;
  kind: 'hospital' | 'health_center' | 'ambulance_station';
  name: string;
  townshipCode: string;
  villageCode: string;
  lon: number;
  lat: number;
  capabilities: Record<string, boolean | number>;
};

/** The road network (CSR graph with its edge index), signalised intersections and facilities. */
export type RoadNetwork = {
  graph: RoadGraph;
  signals: Signal[];
  facilities: Facility[];
  /** approximate for the bundled, derived network; source when GEO_DIR supplies a real one. */
  accuracy: 'approximate' | 'source';
};

type PointFeature = {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: number[] };
};

export function readCollection(
  name: string,
  overrideDir?: string,
): { features: unknown[]; fromOverride: boolean } {
  const override = overrideDir ? join(overrideDir, name) : undefined;
  const fromOverride = Boolean(override && existsSync(override));
  const path = fromOverride ? override! : join(BUNDLED_GEO_DIR, name);
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { features?: unknown[] };
  return { features: Array.isArray(parsed.features) ? parsed.features : [], fromOverride };
}

const points = (features: unknown[]) =>
  (features as PointFeature[]).filter(
    (f) =>
      f?.geometry?.type === 'Point' &&
      Number.isFinite(f.geometry.coordinates[0]) &&
      Number.isFinite(f.geometry.coordinates[1]),
  );

let cached: { key: string; network: RoadNetwork } | undefined;

/** Loads and builds the network once per process (about 2,400 nodes: a few milliseconds). */
export function loadRoadNetwork(overrideDir?: string): RoadNetwork {
  const key = overrideDir ?? '';
  if (cached?.key === key) return cached.network;
  const roads = readCollection('roads.geojson', overrideDir);
  const graph = buildRoadGraph({ type: 'FeatureCollection', features: roads.features } as RoadCollection);
  buildEdgeIndex(graph);
  const signals = points(readCollection('signals.geojson', overrideDir).features).map((f) => ({
    id: String(f.properties.id),
    name: String(f.properties.name ?? f.properties.id),
    townshipCode: String(f.properties.townshipCode ?? ''),
    lon: f.geometry.coordinates[0]!,
    lat: f.geometry.coordinates[1]!,
  }));
  const facilities = points(readCollection('facilities.geojson', overrideDir).features).map((f) => ({
    id: String(f.properties.id),
    kind: f.properties.kind as Facility['kind'],
    name: String(f.properties.name ?? f.properties.id),
    townshipCode: String(f.properties.townshipCode ?? ''),
    villageCode: String(f.properties.villageCode ?? ''),
    lon: f.geometry.coordinates[0]!,
    lat: f.geometry.coordinates[1]!,
    capabilities: (f.properties.capabilities ?? {}) as Record<string, boolean | number>,
  }));
  const network: RoadNetwork = {
    graph,
    signals,
    facilities,
    accuracy: roads.fromOverride ? 'source' : 'approximate',
  };
  cached = { key, network };
  return network;
}
