import { mkdirSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startSimulator } from '../../../mock-data/upstreams/server';
import { spawnBuiltBff } from '../../bff/scripts/spawn-built.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    simUrl: string;
  }
}

/**
 * Starts the department-system simulator (accelerated 60×, so data visibly moves) and the real BFF (built
 * bundle) serving the built web app, talking to it over HTTP. Tests reach the simulator's /admin to inject
 * faults.
 */
export default async function setup(project: TestProject) {
  mkdirSync(new URL('./artifacts/', import.meta.url), { recursive: true });
  const sim = await startSimulator({ port: 0, speed: 60 });
  const server = await spawnBuiltBff({
    UPSTREAM_PARKING_URL: sim.url,
    UPSTREAM_EMERGENCY_URL: sim.url,
    UPSTREAM_ENV_URL: sim.url,
    UPSTREAM_COUNTY_URL: sim.url,
    // Every URL points at the bundled simulator started above: its data is demo data, and the screens say so.
    UPSTREAM_SIMULATED: 'all',
    UPSTREAM_REFRESH_MS: '1000',
    LIVE_TICK_MS: '500',
  });
  project.provide('baseUrl', server.url);
  project.provide('simUrl', sim.url);
  return async () => {
    await server.stop();
    await sim.close();
  };
}
