/**
 * Standalone simulator: `pnpm --filter @cockpit/mock-data start`.
 * Env: SIM_PORT (8090), SIM_HOST (127.0.0.1), SIM_SEED (20211), SIM_SPEED (1), SIM_START (ISO instant, default
 * now), SIM_GEO_DIR (or GEO_DIR; default mock-data/geo/data). Prints one line "… listening on <url> …" when
 * ready; exits cleanly on SIGTERM / SIGINT. Started by the BFF (with an IPC channel) it also exits as soon as
 * that parent is gone, whatever killed it, so it never lingers holding its port. A port already in use is
 * reported in one line and exits with code 98 (Linux's EADDRINUSE), which the BFF recognises.
 */
import { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_SEED, startSimulator } from './server';

function num(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) {
    console.error(`[upstreams] ${name} must be a number, got "${raw}"`);
    process.exit(1);
  }
  return n;
}

const startRaw = process.env.SIM_START;
const startAt = startRaw ? new Date(startRaw) : undefined;
if (startAt && Number.isNaN(startAt.getTime())) {
  console.error(`[upstreams] SIM_START must be an ISO date-time, got "${startRaw}"`);
  process.exit(1);
}

/** Exit code for "the port is taken", read by apps/bff/src/upstreams/embedded-simulator.ts. */
const PORT_IN_USE_EXIT = 98;
const port = num('SIM_PORT', DEFAULT_PORT);
const host = process.env.SIM_HOST || DEFAULT_HOST;

const sim = await startSimulator({
  port,
  host,
  seed: num('SIM_SEED', DEFAULT_SEED),
  speed: num('SIM_SPEED', 1),
  ...(startAt ? { startAt } : {}),
  ...(process.env.SIM_GEO_DIR || process.env.GEO_DIR
    ? { geoDir: process.env.SIM_GEO_DIR || process.env.GEO_DIR }
    : {}),
}).catch((e: NodeJS.ErrnoException) => {
  if (e.code === 'EADDRINUSE' || e.code === 'EACCES') {
    const why = e.code === 'EADDRINUSE' ? 'is already in use' : 'needs privileges this user lacks';
    console.error(
      `[upstreams] port ${port} on ${host} ${why}; set SIM_PORT to another port (0 = any free one)`,
    );
    process.exit(PORT_IN_USE_EXIT);
  }
  throw e;
});

console.log(
  `[upstreams] listening on ${sim.url} (seed ${sim.clock.seed}, speed ${sim.clock.speed}, simNow ${sim.clock.now().toISOString()})`,
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`[upstreams] ${signal}: shutting down`);
  sim.close().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error('[upstreams] close failed', e);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
// Started by the BFF: the IPC channel closes when the parent process ends for any reason (even SIGKILL).
if (process.send) {
  process.on('disconnect', () => stop('parent process gone'));
  process.channel?.unref();
}
