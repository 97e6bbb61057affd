import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../lib/logger';

export type SimulatorOptions = { port: number; speed: number; seed: number; geoDir: string };

/**
 * Starts the upstream simulator as a child process (the department systems of an embedded install) and
 * resolves with its base URL. From the bundle it runs dist/simulator.mjs; in development the TypeScript
 * entry through tsx. If the child dies it is restarted, so a wall left alone keeps its data flowing.
 */
export async function startEmbeddedSimulator(opts: SimulatorOptions, logger: Logger) {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'simulator.mjs');
  const args = existsSync(bundled)
    ? [bundled]
    : [
        '--import',
        'tsx',
        join(
          dirname(createRequire(import.meta.url).resolve('@cockpit/mock-data/package.json')),
          'upstreams/main.ts',
        ),
      ];
  let child: ChildProcess | undefined;
  let stopping = false;
  let port = opts.port;

  const launch = () =>
    new Promise<string>((resolve, reject) => {
      const proc = spawn(process.execPath, args, {
        env: {
          ...process.env,
          SIM_PORT: String(port),
          SIM_HOST: '127.0.0.1',
          SIM_SPEED: String(opts.speed),
          SIM_SEED: String(opts.seed),
          SIM_GEO_DIR: opts.geoDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      let out = '';
      const timer = setTimeout(() => reject(new Error(`simulator did not start in 30 s:\n${out}`)), 30_000);
      proc.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = out.match(/listening on (\S+)/);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1].replace(/\/$/, ''));
        }
      });
      proc.stderr?.on('data', (chunk: Buffer) =>
        logger.warn({ simulator: chunk.toString().trim() }, 'simulator'),
      );
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`simulator exited (${code ?? signal}) before listening:\n${out}`));
        if (stopping) return;
        logger.error({ code, signal }, 'simulator exited; restarting in 2 s');
        setTimeout(() => {
          if (!stopping) launch().catch((err) => logger.error({ err }, 'simulator restart failed'));
        }, 2000).unref();
      });
    });

  const url = await launch();
  // A restart must come back on the same port, or the clients would point at nothing.
  port = Number(new URL(url).port);
  logger.info({ url }, 'embedded simulator started');
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (!child || child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
