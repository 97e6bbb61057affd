import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MOCK_DATA_DIR } from '../geo/bundled-dir';
import type { Logger } from '../lib/logger';

export type SimulatorOptions = { port: number; speed: number; seed: number; geoDir: string };

/** The simulator's exit code for "port taken" (mock-data/upstreams/main.ts). */
const PORT_IN_USE_EXIT = 98;

/**
 * Starts the upstream simulator as a child process (the department systems of an embedded install) and
 * resolves with its base URL. From the bundle it runs dist/simulator.mjs; in development the TypeScript
 * entry through tsx. If the child dies it is restarted, so a wall left alone keeps its data flowing.
 * The child holds an IPC channel to this process and exits when it closes, so it never outlives the BFF,
 * whatever ends the BFF. A taken port is reported in one line, naming who holds it when that is a
 * simulator (ours, left over from an earlier start, or another running cockpit's).
 */
export async function startEmbeddedSimulator(opts: SimulatorOptions, logger: Logger) {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'simulator.mjs');
  const args = existsSync(bundled)
    ? [bundled]
    : ['--import', 'tsx', join(MOCK_DATA_DIR, 'upstreams/main.ts')];
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
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      // The channel only tells the child when we are gone; it must not keep this process alive.
      proc.channel?.unref();
      child = proc;
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`simulator did not start in 30 s:\n${out}`)), 30_000);
      proc.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = out.match(/listening on (\S+)/);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1].replace(/\/$/, ''));
        }
      });
      proc.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        logger.warn({ simulator: chunk.toString().trim() }, 'simulator');
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (code === PORT_IN_USE_EXIT) {
          stopping = true;
          void describeTakenPort(port).then((why) => reject(new Error(why)));
          return;
        }
        reject(new Error(`simulator exited (${code ?? signal}) before listening: ${(err || out).trim()}`));
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

/** One line saying who holds the simulator's port, and what to do about it. */
async function describeTakenPort(port: number): Promise<string> {
  const fix = 'or set SIM_PORT to another port (0 = any free one)';
  try {
    const res = await fetch(`http://127.0.0.1:${port}/admin/health`, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json()) as { systems?: unknown; process?: { pid: number; orphaned: boolean } };
    if (Array.isArray(body.systems) && body.process) {
      const { pid, orphaned } = body.process;
      return orphaned
        ? `SIM_PORT ${port} is held by a cockpit simulator (pid ${pid}) left behind by an earlier start whose BFF is gone: stop it with \`kill ${pid}\`, ${fix}`
        : `SIM_PORT ${port} is held by the simulator of another running cockpit (pid ${pid}): stop that cockpit, ${fix}`;
    }
    if (Array.isArray(body.systems))
      return `SIM_PORT ${port} is held by a cockpit simulator left running (find it with \`ss -ltnp 'sport = :${port}'\`): stop it, ${fix}`;
  } catch {
    // Not a simulator of ours (or not HTTP at all): say only that the port is taken.
  }
  return `SIM_PORT ${port} on 127.0.0.1 is already in use by another program: free it, ${fix}`;
}
