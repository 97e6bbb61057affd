import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const bffDir = fileURLToPath(new URL('../../bff/', import.meta.url));
let server: ChildProcess | undefined;

/** Starts the real BFF (built bundle) serving the built web app on a free port. */
export default async function setup(project: TestProject) {
  mkdirSync(new URL('./artifacts/', import.meta.url), { recursive: true });
  server = spawn(process.execPath, ['dist/server.mjs'], {
    cwd: bffDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SIM_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`BFF did not start in 60 s:\n${out}`)), 60_000);
    server?.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/running at (http:\/\/[^\s/]+)\//);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server?.on('exit', (code) => reject(new Error(`BFF exited with ${code}:\n${out}`)));
  });
  project.provide('baseUrl', baseUrl);
  return async () => {
    server?.kill('SIGTERM');
    await new Promise((r) => server?.once('exit', r));
  };
}
