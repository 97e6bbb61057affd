import { serve } from '@hono/node-server';
import { createApp } from './app';
import { fastPathAllowed } from './auth/fast-path';
import { AuthService } from './auth/service';
import { loadConfig } from './config';
import { BUNDLED_GEO_DIR } from './geo/bundled-dir';
import { GeoDataError } from './geo/load';
import { openGeography } from './geo/open';
import { timingFrom } from './indicators/datasets';
import { fastSnapshot } from './lib/fast-snapshot';
import { answerClientErrors, SERVER_TIMEOUTS } from './lib/http-headers';
import { createLogger } from './lib/logger';
import { describeListenError, reachableUrls, webDistWarning } from './lib/startup';
import { createServices } from './services';
import { openStore, StoreOpenError } from './store/sqlite';
import { startEmbeddedSimulator } from './upstreams/embedded-simulator';
import { SYSTEMS } from './upstreams/systems';

const startedAt = Date.now();
const config = (() => {
  try {
    return loadConfig();
  } catch (err) {
    fail((err as Error).message);
  }
})();
const logger = createLogger(config.logLevel);
const distWarning = webDistWarning(config.webDist);
if (distWarning) {
  logger.warn({ webDist: config.webDist }, 'no built web app');
  process.stderr.write(`\nWarning: ${distWarning}\n`);
}

function fail(message: string): never {
  process.stderr.write(`\nRefusing to start: ${message}\n\n`);
  process.exit(1);
}

let hierarchy: ReturnType<typeof openGeography>;
try {
  hierarchy = openGeography(config.geoDir);
  logger.info({ regions: hierarchy.regions.size, files: hierarchy.files }, 'geography loaded');
} catch (err) {
  if (err instanceof GeoDataError) {
    fail(
      `${err.message}\n\nFix the files in GEO_DIR (${config.geoDir ?? 'unset'}) or unset GEO_DIR to use the bundled data.`,
    );
  }
  throw err;
}

// The store first: a database it cannot use stops the start before anything else runs.
const store = await openStore(config.dataDir).catch((err: Error) =>
  err instanceof StoreOpenError ? fail(err.message) : Promise.reject(err),
);
const auth = new AuthService(store, hierarchy, logger, { sessionTtlMs: config.sessionTtlMs });
const firstStart = await auth.seed(config.adminPassword);
logger.info({ file: store.file }, 'store opened');

// The department systems: configured URLs, or the embedded simulator for any that is not configured.
const needsSimulator = SYSTEMS.some((s) => !config.upstreamUrls[s]);
const simulator =
  needsSimulator && config.simulator.embedded
    ? await startEmbeddedSimulator({ ...config.simulator, geoDir: BUNDLED_GEO_DIR }, logger).catch(
        (err: Error) => fail(`the embedded upstream simulator did not start: ${err.message}`),
      )
    : undefined;
if (needsSimulator && !simulator) {
  fail('SIM_EMBEDDED=false but not every UPSTREAM_*_URL is set; set them all or enable the simulator.');
}
const baseUrls = Object.fromEntries(
  SYSTEMS.map((s) => [s, config.upstreamUrls[s] ?? simulator!.url]),
) as Record<(typeof SYSTEMS)[number], string>;

const services = createServices({
  hierarchy,
  logger,
  baseUrls,
  liveTickMs: config.liveTickMs,
  liveMaxStreamsPerAddress: config.liveMaxStreamsPerAddress,
  geoDir: config.geoDir,
  timing: timingFrom(config.refreshMs),
  simulated: config.simulated,
  history: store.history,
});
// The first snapshots are built with the stored indicator definitions, not the seed.
await services.indicators.bind(store);
const app = createApp({
  config,
  logger,
  startedAt,
  hierarchy,
  services,
  auth,
  geoDir: config.geoDir,
  metricsToken: config.metricsToken,
  webhookAllowedHosts: config.webhookAllowedHosts,
});
if (config.webhookAllowedHosts.length === 0)
  logger.info(
    'webhooks are off: WEBHOOK_ALLOWED_HOSTS lists no receiver, so alert policies cannot name a webhook URL',
  );
else
  logger.info(
    { webhookAllowedHosts: config.webhookAllowedHosts.map((r) => r.entry) },
    'webhook receivers permitted (WEBHOOK_ALLOWED_HOSTS)',
  );

const fast = fastSnapshot(services.snapshots, logger);
const allowFast = fastPathAllowed(auth);
const server = serve(
  {
    fetch: (request, env) => (allowFast(env) ? fast(request, env) : undefined) ?? app.fetch(request, env),
    port: config.port,
    hostname: config.host,
    serverOptions: SERVER_TIMEOUTS,
  },
  (info) => {
    // For HOST=0.0.0.0 these are the machine's own addresses, loopback first.
    const urls = reachableUrls(info.address, info.port);
    const url = urls[0]!;
    services.publisher.start();
    services.history?.start();
    services.notifications?.start();
    services.screens?.start();
    services.inspector.start();
    logger.info({ url, urls, readyMs: Date.now() - startedAt, upstreams: baseUrls }, 'listening');
    const more = urls.slice(1).map((u) => `\n                      and ${u}/`);
    process.stdout.write(
      `\n  天台县数字驾驶舱 is running at ${url}/${more.join('')}\n  API docs: ${url}/api/docs\n`,
    );
    if (firstStart.oneTimePassword)
      process.stdout.write(
        `  First start: sign in as admin with the one-time password ${firstStart.oneTimePassword} (you will be asked to change it; it is shown only this once)\n`,
      );
    process.stdout.write('\n');
  },
);
// A port that cannot be had is one line naming the variable that changes it, not Node's stack trace.
server.once('error', async (err: NodeJS.ErrnoException) => {
  const message = await describeListenError(err, { host: config.host, port: config.port });
  await simulator?.stop();
  fail(message);
});

answerClientErrors(server);

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: no new connections, finishing open requests');
  services.publisher.stop();
  services.notifications?.stop();
  services.screens?.stop();
  // The history writer finishes the hour it is writing before the store closes.
  services.inspector.stop();
  const historyStopped = services.history?.stop();
  // Live streams are long-lived by design: each gets a final `shutdown` event and a proper end, and the
  // browsers reconnect to the next instance.
  services.hub.shutdown();
  const force = setTimeout(() => {
    logger.warn('open requests did not finish in 10 s; exiting');
    process.exit(1);
  }, 10_000);
  force.unref();
  server.close(async (err) => {
    if (err) logger.error({ err }, 'error while closing');
    await simulator?.stop();
    await historyStopped;
    await store.close();
    process.exit(err ? 1 : 0);
  });
  // Idle keep-alive sockets would hold close() open; in-flight requests are left to finish.
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
  }, 2000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
// Spawned with an IPC channel (the browser tests, the benchmarks): stop with that parent, whatever ends it.
if (process.send) {
  process.on('disconnect', () => shutdown('parent process gone'));
  process.channel?.unref();
}
