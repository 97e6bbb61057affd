import { mkdirSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startSimulator } from '../../../mock-data/upstreams/server';
import { SPAWNED_ADMIN_PASSWORD, spawnBuiltBff } from '../../bff/scripts/spawn-built.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    simUrl: string;
    /** A signed-in admin session (county scope): browser.ts puts it in every page's cookies. */
    sessionToken: string;
  }
}

/**
 * Starts the department-system simulator (accelerated 60×, so data visibly moves) and the real BFF (built
 * bundle) serving the built web app, talking to it over HTTP. Tests reach the simulator's /admin to inject
 * faults. The BFF gets a fresh DATA_DIR and a known admin password; one admin session is signed in here
 * and shared with the tests (browser pages carry it as their cookie, API calls as a bearer token).
 */
export default async function setup(project: TestProject) {
  mkdirSync(new URL('./artifacts/', import.meta.url), { recursive: true });
  const sim = await startSimulator({ port: 0, speed: 60 });
  const server = await spawnBuiltBff({
    UPSTREAM_PARKING_URL: sim.url,
    UPSTREAM_EMERGENCY_URL: sim.url,
    UPSTREAM_ENV_URL: sim.url,
    UPSTREAM_COUNTY_URL: sim.url,
    UPSTREAM_GRASSROOTS_URL: sim.url,
    // Every URL points at the bundled simulator started above: its data is demo data, and the screens say so.
    UPSTREAM_SIMULATED: 'all',
    // Upstreams refreshed every 2 s (production: 10 s) and live pushes at the production tick (2 s): data moves
    // visibly within a test, and the BFF takes a fraction of the CPU it took at 1 s (the browser tests are
    // CPU-bound on two cores).
    UPSTREAM_REFRESH_MS: '2000',
    LIVE_TICK_MS: '2000',
  });
  project.provide('baseUrl', server.url);
  project.provide('simUrl', sim.url);
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: SPAWNED_ADMIN_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`e2e sign-in failed: ${login.status} ${await login.text()}`);
  project.provide('sessionToken', ((await login.json()) as { token: string }).token);
  return async () => {
    await server.stop();
    await sim.close();
  };
}
