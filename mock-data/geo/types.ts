/**
 * Minimal GeoJSON (RFC 7946) types for the geography build. Declared here rather than imported from
 * `@types/geojson`, which is not a direct dependency of this package; they are structurally compatible
 * with the types Turf uses.
 */

/** `[longitude, latitude]` in WGS84 degrees, or `[x, y]` in the planar working frame (km). */
export type Pos = [number, number];
/** A closed linear ring: first position equals the last, at least 4 positions. */
export type Ring = Pos[];
/** A polygon: exterior ring followed by holes. */
export type PolygonCoords = Ring[];

export interface Polygon {
  type: 'Polygon';
  coordinates: PolygonCoords;
}
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: PolygonCoords[];
}
export interface Point {
  type: 'Point';
  coordinates: Pos;
}
export type Areal = Polygon | MultiPolygon;

export interface Feature<G, P> {
  type: 'Feature';
  properties: P;
  geometry: G;
}
export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}

export type Accuracy = 'source' | 'approximate';
export type TownshipKind = 'subdistrict' | 'town' | 'township';

export interface CountyProps {
  code: string;
  name: string;
  level: 'county';
  parentCode: null;
  accuracy: Accuracy;
  source: string;
}
export interface TownshipProps {
  code: string;
  name: string;
  level: 'township';
  parentCode: string;
  kind: TownshipKind;
  /** Approximate seat position `[lon, lat]` the Voronoi partition was seeded at. */
  seat: Pos;
  accuracy: Accuracy;
}
export interface VillagePositionProps {
  code: string;
  name: string;
  level: 'village';
  parentCode: string;
  accuracy: Accuracy;
}
export interface VillageProps extends VillagePositionProps {
  /** The synthetic village position `[lon, lat]` the region was grown from. */
  position: Pos;
}

export type CountyFC = FeatureCollection<Areal, CountyProps>;
export type TownshipFC = FeatureCollection<Areal, TownshipProps>;
export type VillagePositionFC = FeatureCollection<Point, VillagePositionProps>;
export type VillageFC = FeatureCollection<Areal, VillageProps>;

/** Inputs of the derivation, as read from `geo/data/` (see load.ts). */
export interface TownshipRow {
  code: string;
  name: string;
  kind: TownshipKind;
  seat: Pos;
}
export interface VillageRow {
  code: string;
  name: string;
  townshipCode: string;
}
export interface GeoInputs {
  countyCode: string;
  countyName: string;
  /** The source outline (one Polygon or MultiPolygon), as read; it is cleaned by the derivation. */
  countyOutline: Areal;
  townships: TownshipRow[];
  villages: VillageRow[];
}

export interface GeoOutputs {
  county: CountyFC;
  townships: TownshipFC;
  villagePositions: VillagePositionFC;
  villages: VillageFC;
}
