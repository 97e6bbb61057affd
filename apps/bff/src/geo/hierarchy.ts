import {
  type Accuracy,
  type BBox,
  type Level,
  type LonLat,
  parentCodeOf,
  type RegionDetail,
  type RegionRef,
} from '@cockpit/contracts';
import { booleanPointInPolygon, pointOnFeature, bbox as turfBbox } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { pinyin } from 'pinyin-pro';
import { type Prepared, prepare } from '../lib/prepared';

export type AreaFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

export type Region = {
  code: string;
  name: string;
  level: Level;
  parentCode: string | null;
  childCodes: string[];
  feature: AreaFeature;
  centroid: LonLat;
  bbox: BBox;
  accuracy: Accuracy;
  /** Lower-case pinyin initials of the name, e.g. 平桥镇 → pqz. */
  initials: string;
};

export type Hierarchy = {
  regions: ReadonlyMap<string, Region>;
  get: (code: string) => Region | undefined;
  detail: (code: string) => RegionDetail | undefined;
  boundary: (code: string) => Prepared | undefined;
  childrenBoundaries: (code: string) => Prepared | undefined;
  search: (query: string, limit?: number) => (RegionRef & { parentName: string | null })[];
};

export type HierarchyInput = {
  county: AreaFeature;
  townships: AreaFeature[];
  villages: AreaFeature[];
  /** Village label positions by code (points placed inside each village). */
  villagePositions: ReadonlyMap<string, LonLat>;
  accuracyOf: (level: Level) => Accuracy;
};

/** Builds the county → township → village hierarchy. Assumes validateGeography() passed. */
export function buildHierarchy(input: HierarchyInput): Hierarchy {
  const regions = new Map<string, Region>();
  const add = (feature: AreaFeature, level: Level, labelPoint?: LonLat) => {
    const code = String(feature.properties.code);
    const name = String(feature.properties.name ?? code);
    const box = turfBbox(feature) as BBox;
    const centroid =
      labelPoint && booleanPointInPolygon(labelPoint, feature) ? labelPoint : insidePoint(feature);
    regions.set(code, {
      code,
      name,
      level,
      parentCode: parentCodeOf(code) ?? null,
      childCodes: [],
      feature,
      centroid,
      bbox: box,
      accuracy: accuracyOfFeature(feature, input.accuracyOf(level)),
      initials: pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase(),
    });
  };
  add(input.county, 'county');
  for (const t of input.townships) add(t, 'township', lonLatOrUndefined(t.properties.seat));
  for (const v of input.villages) {
    const code = String(v.properties.code);
    add(v, 'village', input.villagePositions.get(code) ?? lonLatOrUndefined(v.properties.position));
  }
  for (const region of [...regions.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    if (region.parentCode) regions.get(region.parentCode)?.childCodes.push(region.code);
  }

  const ref = (r: Region): RegionRef => ({ code: r.code, name: r.name, level: r.level });
  const boundaryCache = new Map<string, Prepared>();
  const childrenCache = new Map<string, Prepared>();

  return {
    regions,
    get: (code) => regions.get(code),
    detail: (code) => {
      const r = regions.get(code);
      if (!r) return undefined;
      const path: RegionRef[] = [];
      for (let c: string | null = r.code; c; c = regions.get(c)?.parentCode ?? null) {
        const node = regions.get(c);
        if (node) path.unshift(ref(node));
      }
      return {
        code: r.code,
        name: r.name,
        level: r.level,
        parentCode: r.parentCode,
        path,
        children: r.childCodes.map((c) => ref(regions.get(c)!)),
        centroid: r.centroid,
        bbox: r.bbox,
        accuracy: r.accuracy,
      };
    },
    boundary: (code) => {
      const r = regions.get(code);
      if (!r) return undefined;
      return memo(boundaryCache, code, () => prepare(JSON.stringify(collection([outFeature(r)]))));
    },
    childrenBoundaries: (code) => {
      const r = regions.get(code);
      if (!r) return undefined;
      return memo(childrenCache, code, () =>
        prepare(JSON.stringify(collection(r.childCodes.map((c) => outFeature(regions.get(c)!))))),
      );
    },
    search: (query, limit = 20) => {
      const q = query.trim().toLowerCase();
      if (!q) return [];
      const scored: { r: Region; score: number }[] = [];
      for (const r of regions.values()) {
        const score = matchScore(r, q);
        if (score > 0) scored.push({ r, score });
      }
      scored.sort((a, b) => b.score - a.score || a.r.code.localeCompare(b.r.code));
      return scored.slice(0, limit).map(({ r }) => ({
        ...ref(r),
        parentName: r.parentCode ? (regions.get(r.parentCode)?.name ?? null) : null,
      }));
    },
  };
}

/** Higher is better; 0 means no match. Exact name, then name prefix, substring, pinyin initials, code prefix. */
function matchScore(r: Region, q: string): number {
  const levelBonus = r.level === 'township' ? 0.5 : r.level === 'county' ? 0.7 : 0;
  if (r.name === q) return 100 + levelBonus;
  if (r.name.startsWith(q)) return 80 + levelBonus;
  if (r.name.includes(q)) return 60 + levelBonus;
  if (/^[a-z]+$/.test(q) && r.initials.startsWith(q)) return 40 + levelBonus;
  if (/^\d+$/.test(q) && r.code.startsWith(q)) return 20 + levelBonus - r.code.length / 100;
  return 0;
}

function outFeature(r: Region): Feature {
  return {
    type: 'Feature',
    id: r.code,
    properties: {
      code: r.code,
      name: r.name,
      level: r.level,
      parentCode: r.parentCode,
      accuracy: r.accuracy,
      labelPoint: r.centroid,
    },
    geometry: r.feature.geometry,
  };
}

function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let hit = cache.get(key);
  if (!hit) {
    hit = make();
    cache.set(key, hit);
  }
  return hit;
}

function insidePoint(feature: AreaFeature): LonLat {
  const [lon, lat] = pointOnFeature(feature).geometry.coordinates;
  return [round6(lon!), round6(lat!)];
}

function accuracyOfFeature(feature: AreaFeature, fallback: Accuracy): Accuracy {
  const a = feature.properties.accuracy;
  return a === 'approximate' || a === 'official' || a === 'source' ? a : fallback;
}

function lonLatOrUndefined(value: unknown): LonLat | undefined {
  return Array.isArray(value) &&
    value.length === 2 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
    ? [value[0] as number, value[1] as number]
    : undefined;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
