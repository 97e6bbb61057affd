import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { parseTownships, parseVillages, readCsv } from './load';
import { normaliseAreal, normaliseRing, removeDuplicatesAndSpikes, splitAtRepeats } from './normalize';
import { clipRingByConvex, ringArea, ringsMoments } from './planar';
import { mulberry32, seededRandom, xmur3 } from './prng';
import { serializeFeatureCollection } from './serialize';
import type { Areal, Pos } from './types';
import { coverage, geometryProblems, maxPairwiseOverlap } from './validate';

const square = (x: number, y: number, s: number): Pos[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const poly = (ring: Pos[]): Areal => ({ type: 'Polygon', coordinates: [ring] });

describe('load', () => {
  it('parses CSV with a BOM, CRLF line ends and a trailing newline', () => {
    expect(readCsv('\uFEFFa,b\r\n1,2\r\n3,4\r\n')).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
    expect(readCsv('')).toEqual([]);
  });

  it('rejects malformed rows', () => {
    expect(() => readCsv('a,b\n1,2,3\n')).toThrow(/expected 2 fields/);
    expect(() =>
      parseTownships('code,name,kind,seat_lon_approx,seat_lat_approx\n331023001,x,city,121,29\n'),
    ).toThrow(/bad kind/);
    expect(() => parseVillages('code,name,source_name,township_code\n331023002001,x,x,331023001\n')).toThrow(
      /not under township/,
    );
  });

  it('reads typed rows', () => {
    expect(
      parseTownships(
        'code,name,kind,seat_lon_approx,seat_lat_approx\n331023001,赤城街道,subdistrict,121.0457,29.1674\n',
      ),
    ).toEqual([{ code: '331023001', name: '赤城街道', kind: 'subdistrict', seat: [121.0457, 29.1674] }]);
  });
});

describe('prng', () => {
  it('is seeded by a string and reproducible', () => {
    const a = seededRandom('331023001040');
    const b = seededRandom('331023001040');
    const c = seededRandom('331023001041');
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(Array.from({ length: 5 }, c)).not.toEqual(xs);
    expect(xmur3('abc')()).toBe(xmur3('abc')());
  });

  it('is roughly uniform in [0, 1)', () => {
    const rng = mulberry32(42);
    const xs = Array.from({ length: 10_000 }, rng);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });
});

describe('planar helpers', () => {
  it('clips a non-convex ring by a convex one with the exact area and centroid', () => {
    // An L-shape (area 3) clipped to the unit square at its corner → that unit square.
    const l: Pos[] = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ];
    expect(ringArea(l)).toBe(3);
    const clipped = clipRingByConvex(l, square(0.5, 0.5, 1));
    const m = ringsMoments([clipped]);
    expect(m.area).toBeCloseTo(0.75, 12);
    expect(clipRingByConvex(l, square(5, 5, 1))).toEqual([]);
  });
});

describe('normalize', () => {
  it('removes duplicates, spikes and collinear back-tracks', () => {
    const ring: Pos[] = [
      [0, 0],
      [1, 0],
      [1, 0],
      [2, 0],
      [2, 1],
      [3, 1],
      [2, 1],
      [2, 2],
      [2, 3],
      [2, 2.5],
      [0, 2.5],
    ];
    expect(removeDuplicatesAndSpikes(ring)).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [2, 1],
      [2, 2],
      [2, 2.5],
      [0, 2.5],
    ]);
  });

  it('splits a pinched ring and keeps the largest loop', () => {
    // Big square with a small lobe hanging off the vertex (4, 4).
    const ring: Pos[] = [
      [0, 0],
      [4, 0],
      [4, 4],
      [5, 4],
      [5, 5],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    const { keep, dropped } = splitAtRepeats(ring);
    expect(keep).toEqual([
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
    ]);
    expect(dropped).toEqual([
      [
        [4, 4],
        [5, 4],
        [5, 5],
      ],
    ]);
  });

  it('rounds to 6 decimals and orients rings per RFC 7946', () => {
    const cw: Pos[] = [
      [0, 0],
      [0, 1.00000049],
      [1, 1],
      [1, 0],
      [0, 0],
    ];
    const shell = normaliseRing(cw, true)!;
    expect(ringArea(shell)).toBeGreaterThan(0);
    expect(shell[1]).toEqual([1, 0]);
    expect(shell).toContainEqual([0, 1]);
    expect(ringArea(normaliseRing(square(0, 0, 1), false)!)).toBeLessThan(0);
    expect(normaliseRing(square(0, 0, 1e-7), true)).toBeNull();
    expect(normaliseAreal([[square(0, 0, 1)], [square(2, 0, 2)]])).toMatchObject({
      type: 'MultiPolygon',
      coordinates: [[square(2, 0, 2)], [square(0, 0, 1)]],
    });
  });

  it('serialises one feature per line with a trailing newline', () => {
    const text = serializeFeatureCollection({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '1' }, geometry: { type: 'Point', coordinates: [1, 2] } },
      ],
    });
    expect(text).toBe(
      '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"code":"1"},"geometry":{"type":"Point","coordinates":[1,2]}}\n]}\n',
    );
    expect(JSON.parse(text).features).toHaveLength(1);
  });
});

describe('validate (negative controls: the checks can fail)', () => {
  it('flags self-intersections, open rings, short rings and wrong winding', () => {
    expect(geometryProblems(poly(square(0, 0, 1)))).toEqual([]);
    const bowtie: Pos[] = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    expect(geometryProblems(poly(bowtie)).join()).toMatch(/self-intersection/);
    expect(geometryProblems(poly(square(0, 0, 1).slice(0, 4))).join()).toMatch(/not closed/);
    expect(
      geometryProblems(
        poly([
          [0, 0],
          [1, 0],
          [0, 0],
        ]),
      ).join(),
    ).toMatch(/< 4/);
    expect(geometryProblems(poly([...square(0, 0, 1)].reverse())).join()).toMatch(/orientation/);
  });

  it('measures gaps, overlaps and spill-over of children', () => {
    const parent = poly(square(0, 0, 0.1));
    const exact = coverage(parent, [
      poly(square(0, 0, 0.05)),
      poly(
        normaliseRing(
          [
            [0.05, 0],
            [0.1, 0],
            [0.1, 0.1],
            [0, 0.1],
            [0, 0.05],
            [0.05, 0.05],
            [0.05, 0],
          ],
          true,
        )!,
      ),
    ]);
    expect(exact.uncoveredKm2).toBeLessThan(1e-6);
    expect(Math.abs(exact.overlapKm2)).toBeLessThan(1e-6);
    const gappy = coverage(parent, [poly(square(0, 0, 0.05))]);
    expect(gappy.uncoveredKm2 / gappy.parentKm2).toBeCloseTo(0.75, 2);
    const overlapping = coverage(parent, [poly(square(0, 0, 0.1)), poly(square(0.05, 0.05, 0.1))]);
    expect(overlapping.overlapKm2 / overlapping.parentKm2).toBeGreaterThan(0.2);
    expect(overlapping.outsideKm2 / overlapping.parentKm2).toBeCloseTo(0.75, 2);
    const pair = maxPairwiseOverlap([
      { type: 'Feature', properties: { code: 'a' }, geometry: poly(square(0, 0, 0.1)) },
      { type: 'Feature', properties: { code: 'b' }, geometry: poly(square(0.05, 0, 0.1)) },
    ]);
    expect(pair.pair).toEqual(['a', 'b']);
    expect(pair.ratio).toBeCloseTo(0.5, 2);
    expect(turf.area(parent)).toBeGreaterThan(0);
  });
});
