import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnBuiltBff } from '../../../apps/bff/scripts/spawn-built.mjs';
import { launchChromium } from './browser';
import { formatTable, type Row } from './harness';
import { authoriseFetch, signedInBrowser, signIn } from './session';
import { alarmsSuite } from './suites/alarms';
import { historySuite } from './suites/history';
import { layoutSuite } from './suites/layout';
import { liveSuite } from './suites/live';
import { mapDrawSuite } from './suites/map-draw';
import { parkingPredictionSuite } from './suites/parking-prediction';
import { routingSuite } from './suites/routing';
import { signInSuite } from './suites/sign-in';
import { snapshotThroughputSuite } from './suites/snapshot-throughput';
import { studioSuite } from './suites/studio';
import { studioEditorSuite } from './suites/studio-editor';
import { upstreamCallsSuite } from './suites/upstream-calls';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The suites, in the order they run, each with what it measures against which baseline. */
const SUITES = {
  snapshot:
    'snapshot throughput and p99 at 64 connections with a signed-in session, against a bare Hono route with the same bytes',
  signin: 'sign-in latency p50 and p95 (the argon2id cost), no baseline',
  upstream: 'upstream calls per minute with 100 connected screens, against one screen',
  routing:
    'route query time on the county road network (CSR graph, A*), against ngraph.path on the same graph',
  parking:
    'free-berth prediction error against persistence and seasonal-naive; guidance latency against a cheap route',
  map: 'navigation to an idle map at county level, against a bare MapLibre page with the same polygons',
  layout:
    'effective-layout resolution cached against uncached (in process), and GET /api/v1/layouts/effective against a bare Hono route with the same bytes',
  history:
    'one hour of indicator history (every indicator × 411 regions): writing it in the real store, against one INSERT per row; computing it with one evaluator per theme, against a snapshot build per region',
  'studio-editor':
    'studio with 40 panels: p95 frame time while dragging over the live preview, against the same grid without live data',
  studio:
    'publish → an open wall (Chromium on the built app) shows the new layout version, p95 over 20 publishes against the 5 s goal; a live subscriber of the layout topic as baseline',
  alarms:
    'one refresh plus evaluating 1,000 alarm rules over 411 regions, against the refresh alone; alarm history query p95 over 100,000 stored alarms, against 1,000',
  live: 'live-stream delivery lag p50/p99/max, bytes per client per minute, CPU and RSS at 100, 1,000 and 3,000 clients, against a bare node:http SSE relay',
} as const;
type Suite = keyof typeof SUITES;

const USAGE = `Usage: pnpm bench [suite …]

Runs the named suites (every suite when none is named) against the built app, prints a table and writes
packages/bench/results/latest.json. Each figure is a median of BENCH_RUNS runs (default 5), reported as a
ratio to a baseline run side by side.

Suites:
${Object.entries(SUITES)
  .map(([name, what]) => `  ${name.padEnd(14)}${what}`)
  .join('\n')}
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const unknownOption = args.find((a) => a.startsWith('-'));
const unknownSuites = args.filter((a) => !a.startsWith('-') && !(a in SUITES));
if (unknownOption || unknownSuites.length > 0) {
  const what = unknownOption
    ? `unknown option ${unknownOption}`
    : `unknown suite${unknownSuites.length > 1 ? 's' : ''} ${unknownSuites.join(', ')}`;
  // Nothing has run, so the results of the last run are left as they were.
  process.stderr.write(`[bench] ${what}; nothing was run\n\n${USAGE}`);
  process.exit(2);
}
const only = args as Suite[];
const runs = Number(process.env.BENCH_RUNS ?? 5);
const want = (suite: Suite) => only.length === 0 || only.includes(suite);

async function main() {
  // Every suite but routing and history runs against the built app.
  const needsBuild = (
    ['snapshot', 'signin', 'upstream', 'parking', 'map', 'live', 'studio', 'studio-editor'] as const
  ).some(want);
  if (
    needsBuild &&
    (!existsSync(`${root}apps/bff/dist/server.mjs`) || !existsSync(`${root}apps/web/dist/index.html`))
  ) {
    console.log('[bench] building the app first …');
    execSync('pnpm build', { cwd: root, stdio: 'inherit' });
  }
  const rows: Row[] = [];
  // The live suite starts its own BFF (one push per second); the others share this one. Every suite
  // measures a signed-in client: fetches carry the admin's bearer token, pages its cookie.
  const shared = (['snapshot', 'signin', 'upstream', 'parking', 'map', 'studio-editor'] as const).some(want);
  const bff = shared ? await spawnBuiltBff() : { url: '', stop: async () => undefined };
  const token = shared ? await signIn(bff.url) : '';
  if (shared) authoriseFetch(bff.url, token);
  // Only the map and studio-editor suites need a browser.
  const browser =
    want('map') || want('studio-editor')
      ? signedInBrowser(await launchChromium(), bff.url, token)
      : undefined;
  try {
    if (want('snapshot')) rows.push(...(await snapshotThroughputSuite({ bffUrl: bff.url, runs, token })));
    if (want('signin')) rows.push(...(await signInSuite({ bffUrl: bff.url })));
    if (want('upstream')) rows.push(...(await upstreamCallsSuite({ bffUrl: bff.url })));
    if (want('routing')) rows.push(...(await routingSuite()));
    if (want('parking')) rows.push(...(await parkingPredictionSuite({ bffUrl: bff.url, runs })));
    if (browser && want('map')) rows.push(...(await mapDrawSuite({ browser, bffUrl: bff.url, runs })));
    if (browser && want('studio-editor'))
      rows.push(...(await studioEditorSuite({ browser, bffUrl: bff.url, runs })));
    if (want('layout')) rows.push(...(await layoutSuite({ runs })));
    if (want('live')) rows.push(...(await liveSuite()));
    if (want('history')) rows.push(...(await historySuite({ runs })));
    if (want('studio')) rows.push(...(await studioSuite()));
    if (want('alarms')) rows.push(...(await alarmsSuite({ runs })));
  } finally {
    await browser?.close();
    await bff.stop();
  }
  console.log(`\n${formatTable(rows)}\n`);
  const out = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(out, { recursive: true });
  const result = { at: new Date().toISOString(), runs, node: process.version, rows };
  writeFileSync(`${out}latest.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`[bench] wrote packages/bench/results/latest.json`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
