import { mkdirSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { spawnBuiltBff } from '../../bff/scripts/spawn-built.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Starts the real BFF (built bundle) serving the built web app on a free port. */
export default async function setup(project: TestProject) {
  mkdirSync(new URL('./artifacts/', import.meta.url), { recursive: true });
  const server = await spawnBuiltBff();
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
