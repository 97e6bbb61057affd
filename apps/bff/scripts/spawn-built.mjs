// Starts the built BFF (dist/server.mjs) as a child process on a free port and resolves once it listens.
// Used by the browser tests and the benchmarks, so both run the real server as production does.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The admin password of a BFF started here (a fresh DATA_DIR each time, unless the caller gives one). */
export const SPAWNED_ADMIN_PASSWORD = 'e2e-admin-password';

const bffDir = fileURLToPath(new URL('..', import.meta.url));

export function spawnBuiltBff(env = {}, entry = ['dist/server.mjs']) {
  const child = spawn(process.execPath, entry, {
    cwd: bffDir,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SIM_PORT: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cockpit-data-')),
      ADMIN_PASSWORD: SPAWNED_ADMIN_PASSWORD,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(undefined);
      child.once('exit', () => resolve(undefined));
      child.kill('SIGTERM');
    });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`BFF did not start in 60 s:\n${out}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk.toString();
      const match = out.match(/running at (http:\/\/[^\s/]+)\//);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stop, child, output: () => out });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`BFF exited with ${code}:\n${out}`));
    });
  });
  return ready;
}
