/**
 * Input types for the road network: a GeoJSON FeatureCollection of LineStrings
 * (coordinates `[lon, lat]`, WGS84).
 *
 * Topology rule: roads meet only at shared vertices (exactly equal coordinates).
 * Two lines that cross without a shared vertex do not connect (bridges, flyovers).
 */
import type { LonLat } from '../geo/bbox';

export type { LonLat };

/** A read-only `[lon, lat]` pair accepted as input. */
export type Coord = readonly [number, number];

export type RoadClass = 'expressway' | 'arterial' | 'collector' | 'local';

export const ROAD_CLASSES: readonly RoadClass[] = ['expressway', 'arterial', 'collector', 'local'];

export interface RoadProperties {
  id: string;
  name?: string;
  class: RoadClass;
  /** Free-flow speed in km/h (> 0). */
  speedKph: number;
  /** `true`: travel only in the direction of the coordinates. */
  oneway: boolean;
}

export interface RoadLineString {
  type: 'LineString';
  coordinates: readonly (readonly number[])[];
}

export interface RoadFeature {
  type: 'Feature';
  id?: string | number;
  properties: RoadProperties;
  geometry: RoadLineString;
}

export interface RoadCollection {
  type: 'FeatureCollection';
  features: readonly RoadFeature[];
}
