/**
 * Validation of derived (or replacement) geography: geometry validity and how children cover their
 * parent. Used by the tests and by geo:build. Areas are geodesic (Turf), in km².
 */
import * as turf from '@turf/turf';
import { arealPolygons } from './normalize';
import type { Areal, Feature, Pos } from './types';

/** Problems with one areal geometry: unclosed or short rings, non-finite values, self-intersections. */
export function geometryProblems(geometry: Areal): string[] {
  const problems: string[] = [];
  const type: string = geometry.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') return [`not areal: ${type}`];
  arealPolygons(geometry).forEach((rings, pi) => {
    if (rings.length === 0) problems.push(`polygon ${pi}: no rings`);
    rings.forEach((ring, ri) => {
      const where = `polygon ${pi} ring ${ri}`;
      if (ring.length < 4) problems.push(`${where}: ${ring.length} positions (< 4)`);
      if (!ring.every((p) => p.length === 2 && p.every(Number.isFinite)))
        problems.push(`${where}: bad position`);
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (!first || !last || first[0] !== last[0] || first[1] !== last[1])
        problems.push(`${where}: not closed`);
      const ccw = !turf.booleanClockwise(ring);
      if (ccw !== (ri === 0)) problems.push(`${where}: wrong orientation (RFC 7946)`);
    });
  });
  const kinks = turf.kinks(geometry).features.length;
  if (kinks > 0) problems.push(`${kinks} self-intersection(s)`);
  return problems;
}

export function areaKm2(geometry: Areal): number {
  return turf.area(geometry) / 1e6;
}

function union(geometries: Areal[]): Areal | null {
  if (geometries.length === 0) return null;
  if (geometries.length === 1) return geometries[0]!;
  const u = turf.union(turf.featureCollection(geometries.map((g) => turf.feature(g))));
  return u === null ? null : (u.geometry as Areal);
}

function difference(a: Areal, b: Areal | null): number {
  if (b === null) return areaKm2(a);
  const d = turf.difference(turf.featureCollection([turf.feature(a), turf.feature(b)]));
  return d === null ? 0 : areaKm2(d.geometry as Areal);
}

export interface Coverage {
  parentKm2: number;
  sumKm2: number;
  unionKm2: number;
  /** Part of the parent not covered by any child. */
  uncoveredKm2: number;
  /** Part of the children outside the parent. */
  outsideKm2: number;
  /** Total double-covered area: sum of child areas minus the area of their union. */
  overlapKm2: number;
}

/** How a set of child regions covers a parent region. */
export function coverage(parent: Areal, children: Areal[]): Coverage {
  const u = union(children);
  const sumKm2 = children.reduce((s, g) => s + areaKm2(g), 0);
  const unionKm2 = u === null ? 0 : areaKm2(u);
  return {
    parentKm2: areaKm2(parent),
    sumKm2,
    unionKm2,
    uncoveredKm2: difference(parent, u),
    outsideKm2: u === null ? 0 : difference(u, parent),
    overlapKm2: sumKm2 - unionKm2,
  };
}

/** Largest pairwise overlap, as a fraction of the smaller region of the pair. */
export function maxPairwiseOverlap(regions: Feature<Areal, { code: string }>[]): {
  ratio: number;
  pair: [string, string] | null;
} {
  let worst = { ratio: 0, pair: null as [string, string] | null };
  const boxes = regions.map((r) => turf.bbox(r.geometry));
  for (let i = 0; i < regions.length; i++) {
    for (let j = i + 1; j < regions.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) continue;
      const ri = regions[i]!;
      const rj = regions[j]!;
      const x = turf.intersect(
        turf.featureCollection([turf.feature(ri.geometry), turf.feature(rj.geometry)]),
      );
      if (x === null) continue;
      const ratio = areaKm2(x.geometry as Areal) / Math.min(areaKm2(ri.geometry), areaKm2(rj.geometry));
      if (ratio > worst.ratio) worst = { ratio, pair: [ri.properties.code, rj.properties.code] };
    }
  }
  return worst;
}

export function insideRegion(p: Pos, region: Areal): boolean {
  return turf.booleanPointInPolygon(p, region, { ignoreBoundary: true });
}

/** Distance (km) from a point to the boundary of a region. */
export function distanceToBoundaryKm(p: Pos, region: Areal): number {
  let best = Number.POSITIVE_INFINITY;
  for (const rings of arealPolygons(region)) {
    for (const ring of rings) {
      const d = turf.pointToLineDistance(p, turf.lineString(ring), { units: 'kilometers' });
      if (d < best) best = d;
    }
  }
  return best;
}
