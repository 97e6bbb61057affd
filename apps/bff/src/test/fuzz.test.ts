import { fileURLToPath } from 'node:url';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIMING } from '../indicators/datasets';
import { createTestApp, testGeography, testServices } from './create-test-app';
import { formatHistogram, fuzzApi, type OpenApiDoc } from './fuzz';
import { serveTestApp } from './real-server';

/**
 * The API fuzzer in CI: a fixed seed and 10,000 requests, in-process through the app (FUZZ_SERVER=true: the
 * real server stack on port 0 — timeouts, client-error answers, the snapshot hot path), over the simulator.
 * A longer run: `pnpm --filter @cockpit/bff fuzz` (FUZZ_RUNS, FUZZ_SEED; FUZZ_URL to aim at a running
 * BFF; FUZZ_BEARER_TOKEN once the API needs sign-in).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

let sim: Awaited<ReturnType<typeof startSimulator>> | undefined;
let baseUrl = process.env.FUZZ_URL ?? '';
let close = () => {};
type Send = (url: string, init: RequestInit) => Promise<Response>;
/** In-process by default (the app's own request(): no sockets, so 10,000 requests stay quick). */
let send: Send | undefined;
/** The same app without credentials: what anyone who reaches the port gets. */
let sendAnonymous: Send | undefined;
/** Signed out, the answers are 401s that cost little: a quarter as many requests. */
const ANONYMOUS_RUNS = Math.ceil(RUNS / 4);

beforeAll(async () => {
  if (baseUrl) return;
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date('2026-10-03T04:00:00Z') });
  // Production refresh intervals: the fuzzer is about answers, not about data moving.
  const services = testServices(sim.url, { timing: DEFAULT_TIMING });
  if (process.env.FUZZ_SERVER === 'true') {
    // The whole server stack on a real socket (timeouts, client-error answers, the snapshot hot path).
    const server = await serveTestApp(services);
    baseUrl = server.url;
    close = server.close;
  } else {
    // createTestApp signs every request in as the county admin unless it carries its own credentials.
    const app = createTestApp({ services });
    const anonymous = createTestApp({ services, anonymous: true });
    baseUrl = 'http://fuzz.local';
    send = (url, init) => Promise.resolve(app.request(url.slice(baseUrl.length), init));
    sendAnonymous = (url, init) => Promise.resolve(anonymous.request(url.slice(baseUrl.length), init));
    close = () => services.hub.stop();
  }
}, 60_000);
afterAll(async () => {
  close();
  await sim?.close();
});

/** Routes that end the session the signed-in run relies on (sign-out, password change): the auth tests cover them. */
const SESSION_ENDING = new Set(['/api/v1/auth/logout', '/api/v1/auth/password']);

async function fuzz(runs: number, via: Send | undefined, label: string, keepSession: boolean) {
  const get = (path: string, init: RequestInit = {}) => (via ?? fetch)(baseUrl + path, init);
  const doc = (await (await get('/api/openapi.json')).json()) as OpenApiDoc;
  const openapi: OpenApiDoc = keepSession
    ? { paths: Object.fromEntries(Object.entries(doc.paths).filter(([path]) => !SESSION_ENDING.has(path))) }
    : doc;
  const codes = [...testGeography().regions.keys()];
  const regionCodes = [
    codes.find((c) => c.length === 6)!,
    ...codes.filter((c) => c.length === 9).slice(0, 3),
    ...codes.filter((c) => c.length === 12).slice(0, 3),
  ];
  const token = process.env.FUZZ_BEARER_TOKEN;
  const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  // Warm the caches first, so that a cold build on a busy machine is not taken for a hang.
  for (const theme of ['overview', 'parking', 'trauma', 'eco'])
    for (const code of regionCodes)
      await get(`/api/v1/cockpits/${theme}/${code}/snapshot`, { headers: auth }).then((r) => r.arrayBuffer());
  const result = await fuzzApi({
    baseUrl,
    openapi,
    seed: SEED,
    runs,
    known: {
      code: [...regionCodes, '5101A', 'SFX04', 'N007'],
      regionCode: regionCodes,
      lotId: ['PK0001', 'PK0002'],
      window: ['24h', '7d', '30d'],
      from: ['121.028,29.143', '121.0415,29.1747'],
      to: ['121.028,29.143', '121.0415,29.1747'],
      q: ['城关', 'sf', '331023'],
      topics: [
        'snapshot:overview:331023',
        `snapshot:parking:${regionCodes[1]}`,
        'snapshot:eco:331023,snapshot:overview:331023',
      ],
    },
    headers: auth,
    // One at a time: the 5 s limit is about one request, not about a queue on a busy machine.
    concurrency: 1,
    ...(via ? { fetch: via } : {}),
    secretPaths: [repoRoot, repoRoot.replace(/\/$/, '')],
  });
  console.log(
    `[fuzz] ${label}: seed ${SEED}, ${result.requests} requests: ${formatHistogram(result.statuses)}`,
  );
  console.log(`[fuzz] costliest: ${result.costliest.map(([ms, r]) => `${ms} ms ${r}`).join('\n  ')}`);
  console.log(`[fuzz] slowest: ${result.slowest.map(([ms, r]) => `${ms} ms ${r}`).join('\n  ')}`);
  expect(result.failures.slice(0, 20)).toEqual([]);
  expect(result.requests).toBe(runs);
  return result;
}

describe('API fuzzer over the OpenAPI document', () => {
  it(`answers ${RUNS} generated requests signed in without a 5xx, a hang, a leaked path or stack, in the error shape`, async () => {
    const result = await fuzz(RUNS, send, 'signed in', true);
    // Signed in means signed in: most answers come from the handlers, not the guard.
    expect(result.statuses.get(401) ?? 0).toBeLessThan(RUNS / 10);
  }, 600_000);

  it.runIf(sendAnonymous !== undefined || (!process.env.FUZZ_URL && process.env.FUZZ_SERVER !== 'true'))(
    `answers ${ANONYMOUS_RUNS} generated requests signed out the same way (401 in the error shape)`,
    async () => {
      await fuzz(ANONYMOUS_RUNS, sendAnonymous, 'signed out', false);
    },
    600_000,
  );
});
