import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_GEO_DIR } from '@cockpit/mock-data/geo/dir';
import { describe, expect, it } from 'vitest';
import { GeoDataError, loadGeography } from './load';
import { openGeography } from './open';

function overrideDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'geo-override-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), JSON.stringify(content));
  return dir;
}

const bundled = (name: string) => JSON.parse(readFileSync(join(BUNDLED_GEO_DIR, name), 'utf8'));

describe('GEO_DIR replacement files', () => {
  it('uses a replacement file and labels its level official', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-override-'));
    const townships = bundled('townships.geojson');
    for (const f of townships.features) delete f.properties.accuracy;
    writeFileSync(join(dir, 'townships.geojson'), JSON.stringify(townships));
    const geo = openGeography(dir);
    expect(geo.files.townships).toBe(join(dir, 'townships.geojson'));
    expect(geo.detail('331023105')?.accuracy).toBe('official');
    expect(geo.detail('331023105200')?.accuracy).toBe('approximate');
  });

  it('refuses a file whose codes do not match the hierarchy, naming the problem', () => {
    const townships = bundled('townships.geojson');
    townships.features[0].properties.code = '331023999';
    const dir = overrideDir({ 'townships.geojson': townships });
    expect(() => loadGeography({ bundledDir: BUNDLED_GEO_DIR, overrideDir: dir })).toThrow(GeoDataError);
    try {
      loadGeography({ bundledDir: BUNDLED_GEO_DIR, overrideDir: dir });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('331023999 has no village');
      expect(message).toMatch(
        /33 village\(s\) \(e\.g\. 331023001\d{3}\) belong to township 331023001, which townships\.geojson does not have/,
      );
    }
  });

  it('refuses a county file with a code outside Tiantai', () => {
    const county = bundled('county.geojson');
    county.features[0].properties.code = '330000';
    const dir = overrideDir({ 'county.geojson': county });
    expect(() => loadGeography({ bundledDir: BUNDLED_GEO_DIR, overrideDir: dir })).toThrow(
      /not a 6-digit code under 331023/,
    );
  });

  it('refuses a file that is not GeoJSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-override-'));
    writeFileSync(join(dir, 'villages.geojson'), '{not json');
    expect(() => loadGeography({ bundledDir: BUNDLED_GEO_DIR, overrideDir: dir })).toThrow(
      /cannot read as JSON/,
    );
  });

  it('refuses village positions for unknown villages', () => {
    const positions = bundled('village-positions.geojson');
    positions.features[0].properties.code = '331023105999';
    const dir = overrideDir({ 'village-positions.geojson': positions });
    expect(() => loadGeography({ bundledDir: BUNDLED_GEO_DIR, overrideDir: dir })).toThrow(
      /"331023105999" is not a village/,
    );
  });

  it('ignores an empty override folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-override-'));
    copyFileSync(join(BUNDLED_GEO_DIR, 'SOURCES.md'), join(dir, 'README.md'));
    expect(openGeography(dir).regions.size).toBe(1 + 15 + 395);
  });
});
