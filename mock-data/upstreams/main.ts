/**
 * Standalone simulator: `pnpm --filter @cockpit/mock-data start`.
 * Env: SIM_PORT (8090), SIM_HOST (127.0.0.1), SIM_SEED (20211), SIM_SPEED (1), SIM_START (ISO instant, default
 * now), SIM_GEO_DIR (or GEO_DIR; default mock-data/geo/data). Prints one line "… listening on <url> …" when
 * ready; exits cleanly on SIGTERM / SIGINT.
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

const sim = await startSimulator({
  port: num('SIM_PORT', DEFAULT_PORT),
  host: process.env.SIM_HOST || DEFAULT_HOST,
  seed: num('SIM_SEED', DEFAULT_SEED),
  speed: num('SIM_SPEED', 1),
  ...(startAt ? { startAt } : {}),
  ...(process.env.SIM_GEO_DIR || process.env.GEO_DIR
    ? { geoDir: process.env.SIM_GEO_DIR || process.env.GEO_DIR }
    : {}),
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
