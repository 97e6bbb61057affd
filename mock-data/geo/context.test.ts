import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WATER_SECTIONS } from '../upstreams/env/stations';
import { deriveContext } from './context';
import { BUNDLED_GEO_DIR } from './dir';
import { loadInputs } from './load';
import { OUTPUT_FILES, serializeFeatureCollection } from './serialize';

const facilities = () =>
  JSON.parse(readFileSync(join(BUNDLED_GEO_DIR, 'facilities.geojson'), 'utf8')).features;
const derived = () => deriveContext(loadInputs(BUNDLED_GEO_DIR).townships, facilities());

describe('map context (context.geojson)', () => {
  it('is reproducible: the committed file is what geo:build derives', () => {
    const committed = readFileSync(join(BUNDLED_GEO_DIR, OUTPUT_FILES.context), 'utf8');
    expect(serializeFeatureCollection(derived())).toBe(committed);
  });

  it('draws 始丰溪 through every monitored river section, west to east, and marks everything approximate', () => {
    const fc = derived();
    const river = fc.features.find((f) => f.properties.kind === 'river');
    expect(river?.geometry.type).toBe('LineString');
    const line = river!.geometry.coordinates as [number, number][];
    for (const s of WATER_SECTIONS.filter((w) => w.waterBody === 'river')) {
      const at = 'at' in s.anchor ? s.anchor.at : null;
      expect(line.some((p) => at && p[0] === at[0] && p[1] === at[1])).toBe(true);
    }
    expect(line.map((p) => p[0])).toEqual([...line.map((p) => p[0])].sort((a, b) => a - b));
    expect(
      fc.features.every((f) => f.properties.accuracy === 'approximate' && f.properties.derivedFrom),
    ).toBe(true);
  });

  it('has a stream from each monitored reservoir that ends on the river', () => {
    const fc = derived();
    const streams = fc.features.filter((f) => f.properties.kind === 'stream');
    expect(streams).toHaveLength(WATER_SECTIONS.filter((w) => w.waterBody === 'reservoir').length);
  });
});
