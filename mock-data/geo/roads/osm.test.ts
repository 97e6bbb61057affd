import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_GEO_DIR } from '../dir';
import { serializeFeatureCollection } from '../serialize';
import { parseArgs } from './cli';
import { loadRoadInputs } from './load';
import { buildRoadNetwork } from './network';
import { onewayOf, parseMaxspeed, roadsFromOsm } from './osm';
import type { RoadFC, RoadInputs } from './types';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'osm-mini.geojson');
const fixture: unknown = JSON.parse(readFileSync(FIXTURE, 'utf8'));
const key = (p: readonly number[]) => `${p[0]},${p[1]}`;

let inputs: RoadInputs;
beforeAll(() => {
  inputs = loadRoadInputs(BUNDLED_GEO_DIR);
});

function props(fc: RoadFC, id: string) {
  const f = fc.features.find((x) => x.properties.id === id);
  if (!f) throw new Error(`no ${id} in ${fc.features.map((x) => x.properties.id).join(' ')}`);
  return { ...f.properties, coordinates: f.geometry.coordinates };
}

describe('OSM tag normalisation', () => {
  it('parses maxspeed', () => {
    expect(parseMaxspeed('60')).toBe(60);
    expect(parseMaxspeed('60 km/h')).toBe(60);
    expect(parseMaxspeed('25 mph')).toBe(40);
    expect(parseMaxspeed('none')).toBeUndefined();
    expect(parseMaxspeed('CN:urban')).toBeUndefined();
    expect(parseMaxspeed('0')).toBeUndefined();
    expect(parseMaxspeed(undefined)).toBeUndefined();
  });

  it('reads oneway, with the OSM implications for motorways and roundabouts', () => {
    expect(onewayOf({ highway: 'primary', oneway: 'yes' })).toBe(1);
    expect(onewayOf({ highway: 'primary', oneway: '-1' })).toBe(-1);
    expect(onewayOf({ highway: 'primary' })).toBe(0);
    expect(onewayOf({ highway: 'motorway' })).toBe(1);
    expect(onewayOf({ highway: 'motorway', oneway: 'no' })).toBe(0);
    expect(onewayOf({ highway: 'residential', junction: 'roundabout' })).toBe(1);
  });
});

describe('OSM import (fixture)', () => {
  it('maps classes and speeds, honours oneway/-1 and maxspeed, and splits at shared nodes', () => {
    const { roads, trafficSignals, notes } = roadsFromOsm(fixture);
    const ids = roads.map((r) => r.id).sort();
    expect(ids).toEqual([
      'osm-101-01',
      'osm-101-02',
      'osm-102-01',
      'osm-102-02',
      'osm-103',
      'osm-104',
      'osm-105',
      'osm-106',
      'osm-108',
      'osm-109',
    ]);
    const r = (id: string) => roads.find((x) => x.id === id)!;
    expect(r('osm-101-01')).toMatchObject({
      class: 'arterial',
      speedKph: 60,
      oneway: false,
      name: 'Test Primary',
    });
    expect(r('osm-101-01').pts).toEqual([
      [121020000, 29140000],
      [121030000, 29140000],
    ]);
    expect(r('osm-102-02').pts[0]).toEqual([121030000, 29140000]);
    // oneway=-1: coordinates reversed, travel in their (new) direction
    expect(r('osm-103')).toMatchObject({ class: 'arterial', speedKph: 45, oneway: true });
    expect(r('osm-103').pts[0]).toEqual([121040000, 29150000]);
    expect(r('osm-104')).toMatchObject({ class: 'collector', speedKph: 40, oneway: true });
    // nested tags, maxspeed in mph
    expect(r('osm-105')).toMatchObject({ class: 'local', speedKph: 40, name: 'Nested Tags Lane' });
    expect(r('osm-106')).toMatchObject({ class: 'expressway', speedKph: 100, oneway: true });
    expect(r('osm-108')).toMatchObject({ class: 'expressway', speedKph: 80, oneway: false });
    expect(r('osm-109')).toMatchObject({ class: 'local', speedKph: 30 });
    expect(trafficSignals).toEqual([[121030000, 29140000]]);
    expect(notes.join('\n')).toContain('footway ×1');
  });

  it('builds the same output format, keeping the largest strongly connected component', () => {
    const result = buildRoadNetwork(inputs, { source: { kind: 'osm', collection: fixture } });
    const roads = result.roads;
    const ids = roads.features.map((f) => f.properties.id);
    expect(ids).not.toContain('osm-106'); // an isolated one-way motorway piece
    expect(result.notes.join('\n')).toContain('dropped 1 road pieces');
    expect(ids.filter((id) => id.startsWith('osm-'))).toHaveLength(9);
    // facilities are attached by local roads, so they are vertices
    const vertices = new Set(roads.features.flatMap((f) => f.geometry.coordinates.map(key)));
    for (const f of result.facilities.features) expect(vertices.has(key(f.geometry.coordinates))).toBe(true);
    // villages are not connected by default for an import
    expect(ids.some((id) => id.startsWith('village-'))).toBe(false);
    // the traffic_signals node becomes the signal
    expect(result.signals.features.map((s) => s.geometry.coordinates)).toEqual([[121.03, 29.14]]);
    expect(props(roads, 'osm-101-01').accuracy).toBe('source');
    expect(props(roads, 'facility-H01').accuracy).toBe('approximate');
    // same serialisation rules: sorted ids, rounded coordinates
    expect([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(ids);
    expect(props(roads, 'osm-104').coordinates[1]).toEqual([121.035, 29.15]);
    const again = buildRoadNetwork(inputs, { source: { kind: 'osm', collection: fixture } });
    expect(serializeFeatureCollection(again.roads)).toBe(serializeFeatureCollection(roads));
  });

  it('can keep everything and connect the villages on request', () => {
    const result = buildRoadNetwork(inputs, {
      source: { kind: 'osm', collection: fixture },
      keepLargestComponent: false,
      connectVillages: true,
    });
    const ids = result.roads.features.map((f) => f.properties.id);
    expect(ids).toContain('osm-106');
    const vertices = new Set(result.roads.features.flatMap((f) => f.geometry.coordinates.map(key)));
    expect(inputs.villages.every((v) => vertices.has(key(v.pos)))).toBe(true);
  });
});

describe('CLI arguments', () => {
  it('selects the OSM source with --from and the output folder with --out', () => {
    const parsed = parseArgs(['--from', 'fixtures/osm-mini.geojson', '--out', '/tmp/x'], import.meta.dirname);
    expect(parsed.options.source.kind).toBe('osm');
    expect(parsed.outDir).toBe('/tmp/x');
    expect(parsed.check).toBe(false);
    const plain = parseArgs(['--check']);
    expect(plain.options.source.kind).toBe('synthetic');
    expect(plain.check).toBe(true);
  });
});
