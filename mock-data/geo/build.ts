/**
 * Regenerate the derived geography in geo/data/ from the inputs in the same folder.
 *
 *   pnpm --filter @cockpit/mock-data geo:build            # (re)write the derived .geojson files (and context.geojson)
 *   pnpm --filter @cockpit/mock-data geo:build --check    # only verify the files are up to date
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveContext } from './context';
import { deriveGeography } from './derive';
import { BUNDLED_GEO_DIR } from './dir';
import { loadInputs } from './load';
import { OUTPUT_FILES, serializeFeatureCollection } from './serialize';
import { geometryProblems } from './validate';

const KEYS = ['county', 'townships', 'villages', 'villagePositions'] as const;
const checkOnly = process.argv.includes('--check');

const started = performance.now();
const result = deriveGeography(loadInputs(BUNDLED_GEO_DIR));
for (const note of result.notes) console.log(`note: ${note}`);

const problems = [
  ...result.county.features,
  ...result.townships.features,
  ...result.villages.features,
].flatMap((f) => geometryProblems(f.geometry).map((p) => `${f.properties.code}: ${p}`));
if (problems.length > 0) {
  console.error(`invalid geometry, nothing written:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

// Map context (river, reservoirs, seats, landmarks): derived from the project's own data, all approximate.
const inputs = loadInputs(BUNDLED_GEO_DIR);
const facilities = JSON.parse(readFileSync(join(BUNDLED_GEO_DIR, 'facilities.geojson'), 'utf8')).features;
const outputs = { ...result, context: deriveContext(inputs.townships, facilities) };

let stale = 0;
for (const key of [...KEYS, 'context'] as const) {
  const path = join(BUNDLED_GEO_DIR, OUTPUT_FILES[key]);
  const text = serializeFeatureCollection(outputs[key]);
  if (checkOnly) {
    const same = existsSync(path) && readFileSync(path, 'utf8') === text;
    if (!same) stale++;
    console.log(`${OUTPUT_FILES[key]}: ${same ? 'up to date' : 'STALE'}`);
    continue;
  }
  writeFileSync(path, text);
  const kib = (statSync(path).size / 1024).toFixed(1);
  console.log(`wrote ${OUTPUT_FILES[key]}: ${outputs[key].features.length} features, ${kib} KiB`);
}
console.log(
  `geo:build ${checkOnly ? 'check ' : ''}done in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
if (stale > 0) process.exit(1);
