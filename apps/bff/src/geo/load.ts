import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTY_CODE, type Level, type LonLat } from '@cockpit/contracts';
import type { AreaFeature, HierarchyInput } from './hierarchy';

export const GEO_FILES = {
  county: 'county.geojson',
  townships: 'townships.geojson',
  villages: 'villages.geojson',
  villagePositions: 'village-positions.geojson',
} as const;

/** Start-up refusal: the geography does not form a valid county → township → village hierarchy. */
export class GeoDataError extends Error {
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, 25).map((p) => `  - ${p}`);
    if (problems.length > 25) shown.push(`  … and ${problems.length - 25} more`);
    super(
      `The geographic data is not a valid Tiantai hierarchy (${problems.length} problem(s)):\n${shown.join('\n')}`,
    );
    this.name = 'GeoDataError';
  }
}

export type GeoSources = { bundledDir: string; overrideDir?: string | undefined };

/**
 * Reads the four geography files, each from the override folder (GEO_DIR) when it has that file, else
 * from the bundled data, and validates that their codes form the hierarchy. Throws GeoDataError listing
 * every problem, so a deployment with wrong official files refuses to start and says why.
 */
export function loadGeography(sources: GeoSources): HierarchyInput & { files: Record<string, string> } {
  const problems: string[] = [];
  const files: Record<string, string> = {};
  const fromOverride = new Set<string>();
  const read = (key: keyof typeof GEO_FILES): unknown[] => {
    const name = GEO_FILES[key];
    const override = sources.overrideDir ? join(sources.overrideDir, name) : undefined;
    const path = override && existsSync(override) ? override : join(sources.bundledDir, name);
    if (path === override) fromOverride.add(key);
    files[key] = path;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      problems.push(`${path}: cannot read as JSON (${(err as Error).message})`);
      return [];
    }
    if (!isRecord(parsed) || parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
      problems.push(`${path}: not a GeoJSON FeatureCollection`);
      return [];
    }
    return parsed.features;
  };

  const areas = (key: 'county' | 'townships' | 'villages', digits: number): AreaFeature[] => {
    const out: AreaFeature[] = [];
    const seen = new Set<string>();
    for (const [i, f] of read(key).entries()) {
      const where = `${GEO_FILES[key]} feature #${i}`;
      if (!isRecord(f) || !isRecord(f.properties) || !isRecord(f.geometry)) {
        problems.push(`${where}: not a Feature with properties and geometry`);
        continue;
      }
      const code = String(f.properties.code ?? '');
      if (!new RegExp(`^${COUNTY_CODE}\\d{${digits - 6}}$`).test(code)) {
        problems.push(`${where}: code "${code}" is not a ${digits}-digit code under ${COUNTY_CODE}`);
        continue;
      }
      if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') {
        problems.push(
          `${where} (${code}): geometry is ${String(f.geometry.type)}, expected Polygon or MultiPolygon`,
        );
        continue;
      }
      if (seen.has(code)) {
        problems.push(`${where}: duplicate code ${code}`);
        continue;
      }
      seen.add(code);
      out.push(f as unknown as AreaFeature);
    }
    return out;
  };

  const countyFeatures = areas('county', 6);
  const townships = areas('townships', 9);
  const villages = areas('villages', 12);

  if (countyFeatures.length !== 1) {
    problems.push(
      `${GEO_FILES.county}: expected exactly one feature with code ${COUNTY_CODE}, found ${countyFeatures.length}`,
    );
  }
  if (townships.length === 0) problems.push(`${GEO_FILES.townships}: no township features`);
  const townshipCodes = new Set(townships.map((t) => String(t.properties.code)));
  const villagesPerTownship = new Map<string, number>();
  const villageCodes = new Set<string>();
  const orphans = new Map<string, string[]>();
  for (const v of villages) {
    const code = String(v.properties.code);
    villageCodes.add(code);
    const parent = code.slice(0, 9);
    if (!townshipCodes.has(parent)) orphans.set(parent, [...(orphans.get(parent) ?? []), code]);
    villagesPerTownship.set(parent, (villagesPerTownship.get(parent) ?? 0) + 1);
  }
  for (const [parent, codes] of orphans) {
    problems.push(
      `${GEO_FILES.villages}: ${codes.length} village(s) (e.g. ${codes[0]}) belong to township ${parent}, which ${GEO_FILES.townships} does not have`,
    );
  }
  for (const t of townshipCodes) {
    if (!villagesPerTownship.has(t)) problems.push(`${GEO_FILES.townships}: township ${t} has no village`);
  }

  const villagePositions = new Map<string, LonLat>();
  for (const [i, f] of read('villagePositions').entries()) {
    const props = isRecord(f) ? f.properties : undefined;
    const geometry = isRecord(f) ? f.geometry : undefined;
    const code = isRecord(props) ? String(props.code ?? '') : '';
    const coords = isRecord(geometry) && geometry.type === 'Point' ? geometry.coordinates : undefined;
    if (!villageCodes.has(code)) {
      problems.push(
        `${GEO_FILES.villagePositions} feature #${i}: code "${code}" is not a village in ${GEO_FILES.villages}`,
      );
      continue;
    }
    if (!Array.isArray(coords) || coords.length < 2 || !coords.slice(0, 2).every(Number.isFinite)) {
      problems.push(
        `${GEO_FILES.villagePositions} feature #${i} (${code}): not a Point with finite coordinates`,
      );
      continue;
    }
    villagePositions.set(code, [Number(coords[0]), Number(coords[1])]);
  }

  if (problems.length > 0) throw new GeoDataError(problems);
  const key = { county: 'county', township: 'townships', village: 'villages' } as const;
  return {
    county: countyFeatures[0]!,
    townships,
    villages,
    villagePositions,
    accuracyOf: (level: Level) =>
      fromOverride.has(key[level]) ? 'official' : level === 'county' ? 'source' : 'approximate',
    files,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
