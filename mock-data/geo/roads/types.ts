/**
 * Types of the road, signal and facility files (`roads.geojson`, `signals.geojson`,
 * `facilities.geojson`) and of the builder's working state.
 */
import type { Feature, FeatureCollection, Point, Pos, Ring } from '../types';

export type RoadClass = 'expressway' | 'arterial' | 'collector' | 'local';
export const ROAD_CLASSES: readonly RoadClass[] = ['expressway', 'arterial', 'collector', 'local'];

export interface LineString {
  type: 'LineString';
  coordinates: Pos[];
}

export interface RoadProps {
  id: string;
  name?: string;
  class: RoadClass;
  /** Free-flow speed, km/h. */
  speedKph: number;
  /** `true`: travel only in the direction of the coordinates. */
  oneway: boolean;
  accuracy: 'approximate' | 'source';
}

export interface SignalProps {
  id: string;
  name: string;
  townshipCode: string;
  accuracy: 'approximate' | 'source';
}

export type FacilityKind = 'hospital' | 'health_center' | 'ambulance_station';

export interface Capabilities {
  trauma_center: boolean;
  ct: boolean;
  cath_lab: boolean;
  burn_unit: boolean;
  pediatrics: boolean;
  beds?: number;
}

export interface FacilityProps {
  id: string;
  kind: FacilityKind;
  name: string;
  townshipCode: string;
  villageCode: string;
  capabilities: Capabilities;
  accuracy: 'approximate';
}

export type RoadFC = FeatureCollection<LineString, RoadProps>;
export type SignalFC = FeatureCollection<Point, SignalProps>;
export type FacilityFC = FeatureCollection<Point, FacilityProps>;
export type RoadFeature = Feature<LineString, RoadProps>;

/** A road while it is being built: positions in integer micro-degrees (see geom.ts). */
export interface DraftRoad {
  id: string;
  name?: string;
  class: RoadClass;
  speedKph: number;
  oneway: boolean;
  pts: Pos[];
}

/** What the road builder reads (the derived geography of `geo/data/`). */
export interface RoadInputs {
  /** County outline rings in degrees (exterior first). */
  county: Ring[];
  townships: {
    code: string;
    name: string;
    kind: string;
    seat: Pos;
    /** Rings of the township region, degrees. */
    rings: Ring[];
  }[];
  villages: { code: string; name: string; parentCode: string; pos: Pos }[];
}
