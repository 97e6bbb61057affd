/** The `geo:roads` command line (see build.ts). */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLED_GEO_DIR } from '../dir';
import { serializeFeatureCollection } from '../serialize';
import { loadRoadInputs } from './load';
import { buildRoadNetwork, type RoadBuildOptions } from './network';

export const ROAD_FILES = {
  roads: 'roads.geojson',
  signals: 'signals.geojson',
  facilities: 'facilities.geojson',
} as const;

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

/** Parse CLI arguments into builder options (exported for tests). */
export function parseArgs(
  args: readonly string[],
  cwd = process.cwd(),
): {
  options: RoadBuildOptions;
  outDir: string;
  check: boolean;
  fromPath?: string;
} {
  const from = argValue(args, '--from');
  const fromPath = from === undefined ? undefined : resolve(cwd, from);
  const connect = args.includes('--connect-villages')
    ? true
    : args.includes('--no-connect-villages')
      ? false
      : undefined;
  const options: RoadBuildOptions = {
    source:
      fromPath === undefined
        ? { kind: 'synthetic' }
        : { kind: 'osm', collection: JSON.parse(readFileSync(fromPath, 'utf8')) as unknown },
    ...(connect !== undefined ? { connectVillages: connect } : {}),
    ...(args.includes('--keep-all') ? { keepLargestComponent: false } : {}),
  };
  const out = argValue(args, '--out');
  return {
    options,
    outDir: out === undefined ? BUNDLED_GEO_DIR : resolve(cwd, out),
    check: args.includes('--check'),
    ...(fromPath !== undefined ? { fromPath } : {}),
  };
}

/** Run the CLI; returns the exit code. */
export function runRoadsCli(args: readonly string[], cwd: string): number {
  const started = performance.now();
  const { options, outDir, check } = parseArgs(args, cwd);
  const result = buildRoadNetwork(loadRoadInputs(BUNDLED_GEO_DIR), options);
  for (const note of result.notes) console.log(`note: ${note}`);
  const s = result.stats;
  console.log(
    `roads ${s.roads} (${Object.entries(s.roadsByClass)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}), vertices ${s.vertices}, segments ${s.segments}, one-way ${s.onewayRoads}`,
  );
  console.log(
    `km: ${Object.entries(s.kmByClass)
      .map(([c, km]) => `${c} ${km}`)
      .join(
        ', ',
      )}; interchanges ${s.interchanges}, village roads ${s.villageRoads}, crossings noded ${s.crossingsNoded}, vertices merged ${s.verticesMerged}`,
  );
  if (!check) mkdirSync(outDir, { recursive: true });
  let stale = 0;
  for (const key of ['roads', 'signals', 'facilities'] as const) {
    const path = join(outDir, ROAD_FILES[key]);
    const text = serializeFeatureCollection(result[key]);
    if (check) {
      const same = existsSync(path) && readFileSync(path, 'utf8') === text;
      if (!same) stale++;
      console.log(`${ROAD_FILES[key]}: ${same ? 'up to date' : 'STALE'}`);
      continue;
    }
    writeFileSync(path, text);
    const kib = (statSync(path).size / 1024).toFixed(1);
    console.log(`wrote ${path}: ${result[key].features.length} features, ${kib} KiB`);
  }
  console.log(
    `geo:roads ${check ? 'check ' : ''}done in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return stale > 0 ? 1 : 0;
}
