// `pnpm start`: builds the app when the build is missing or older than its sources, then runs the server in
// this same process. The root package.json runs it with `exec`, so pnpm's own child is this node process
// and a SIGTERM/SIGINT sent to `pnpm start` (by systemd, a container runtime or Ctrl-C) reaches the server,
// which stops gracefully and takes its simulator child with it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** What `pnpm build` produces, each with what it is built from (tests excluded: they are not built). */
const SHARED = ['packages/contracts/src', 'packages/domain/src', 'pnpm-lock.yaml'];
const BUILDS = {
  'apps/web/dist/index.html': [
    'apps/web/src',
    'apps/web/public',
    'apps/web/index.html',
    'apps/web/vite.config.ts',
    ...SHARED,
  ],
  'apps/bff/dist/server.mjs': [
    'apps/bff/src',
    'apps/bff/scripts/build.mjs',
    'mock-data/upstreams',
    ...SHARED,
  ],
  'apps/bff/dist/simulator.mjs': ['mock-data/upstreams', 'apps/bff/scripts/build.mjs', ...SHARED],
};

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

function buildReason() {
  for (const [output, inputs] of Object.entries(BUILDS)) {
    if (!existsSync(join(root, output))) return `${output} is missing`;
    const built = statSync(join(root, output)).mtimeMs;
    const changed = inputs.find((i) => newestMtime(join(root, i)) > built);
    if (changed) return `${changed} changed since ${output} was built`;
  }
  return undefined;
}

const reason = buildReason();
if (reason) {
  process.stdout.write(`[start] building the app (${reason}) …\n`);
  const code = await new Promise((resolve) => {
    const build = spawn('pnpm', ['build'], { cwd: root, stdio: 'inherit' });
    const forward = (signal) => build.kill(signal);
    process.on('SIGTERM', forward);
    process.on('SIGINT', forward);
    build.once('exit', (status, signal) => {
      process.off('SIGTERM', forward);
      process.off('SIGINT', forward);
      resolve(signal ? 1 : (status ?? 1));
    });
  });
  if (code !== 0) {
    process.stderr.write(`[start] the build failed (exit ${code}); not starting\n`);
    process.exit(code);
  }
}

// The server installs its own SIGTERM/SIGINT handlers (graceful shutdown) as it loads.
await import(pathToFileURL(join(root, 'apps/bff/dist/server.mjs')).href);
