import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnBuiltBff } from '../../../apps/bff/scripts/spawn-built.mjs';
import { launchChromium } from './browser';
import { formatTable, type Row } from './harness';
import { authoriseFetch, signedInBrowser, signIn } from './session';
import { mapDrawSuite } from './suites/map-draw';
import { parkingPredictionSuite } from './suites/parking-prediction';
import { routingSuite } from './suites/routing';
import { signInSuite } from './suites/sign-in';
import { snapshotThroughputSuite } from './suites/snapshot-throughput';
import { upstreamCallsSuite } from './suites/upstream-calls';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const want = (suite: string) => only.length === 0 || only.includes(suite);

async function main() {
  if (!existsSync(`${root}apps/bff/dist/server.mjs`) || !existsSync(`${root}apps/web/dist/index.html`)) {
    console.log('[bench] building the app first …');
    execSync('pnpm build', { cwd: root, stdio: 'inherit' });
  }
  const rows: Row[] = [];
  const bff = await spawnBuiltBff();
  // Every suite measures a signed-in client: fetches carry the admin's bearer token, pages its cookie.
  const token = await signIn(bff.url);
  authoriseFetch(bff.url, token);
  const browser = signedInBrowser(await launchChromium(), bff.url, token);
  try {
    if (want('snapshot')) rows.push(...(await snapshotThroughputSuite({ bffUrl: bff.url, runs, token })));
    if (want('signin')) rows.push(...(await signInSuite({ bffUrl: bff.url })));
    if (want('upstream')) rows.push(...(await upstreamCallsSuite({ bffUrl: bff.url })));
    if (want('routing')) rows.push(...(await routingSuite()));
    if (want('parking')) rows.push(...(await parkingPredictionSuite({ bffUrl: bff.url, runs })));
    if (want('map')) rows.push(...(await mapDrawSuite({ browser, bffUrl: bff.url, runs })));
  } finally {
    await browser.close();
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
