/**
 * Reading the road builder's inputs: the derived geography in `geo/data/` (county outline,
 * township regions with their seats, village positions), as written by `geo:build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arealPolygons } from '../normalize';
import { OUTPUT_FILES } from '../serialize';
import type { CountyFC, Ring, TownshipFC, VillagePositionFC } from '../types';
import type { RoadInputs } from './types';

export function loadRoadInputs(dir: string): RoadInputs {
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
  const county = read<CountyFC>(OUTPUT_FILES.county);
  const townships = read<TownshipFC>(OUTPUT_FILES.townships);
  const villages = read<VillagePositionFC>(OUTPUT_FILES.villagePositions);
  const countyFeature = county.features[0];
  if (!countyFeature) throw new Error('county.geojson has no feature');
  const rings = (geometry: Parameters<typeof arealPolygons>[0]): Ring[] => arealPolygons(geometry).flat();
  return {
    county: rings(countyFeature.geometry),
    townships: townships.features
      .map((f) => ({
        code: f.properties.code,
        name: f.properties.name,
        kind: f.properties.kind,
        seat: f.properties.seat,
        rings: rings(f.geometry),
      }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    villages: villages.features
      .map((f) => ({
        code: f.properties.code,
        name: f.properties.name,
        parentCode: f.properties.parentCode,
        pos: f.geometry.coordinates,
      }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  };
}
