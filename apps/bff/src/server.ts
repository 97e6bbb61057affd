import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadConfig } from './config';
import { GeoDataError } from './geo/load';
import { openGeography } from './geo/open';
import { createLogger } from './lib/logger';

const startedAt = Date.now();
const config = loadConfig();
const logger = createLogger(config.logLevel);
let hierarchy: ReturnType<typeof openGeography>;
try {
  hierarchy = openGeography(config.geoDir);
  logger.info({ regions: hierarchy.regions.size, files: hierarchy.files }, 'geography loaded');
} catch (err) {
  if (err instanceof GeoDataError) {
    process.stderr.write(
      `\nRefusing to start: ${err.message}\n\nFix the files in GEO_DIR (${config.geoDir ?? 'unset'}) or unset GEO_DIR to use the bundled data.\n`,
    );
    process.exit(1);
  }
  throw err;
}
const app = createApp({ config, logger, startedAt, hierarchy });

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = info.address.includes(':') ? `[${info.address}]` : info.address;
  const url = `http://${host}:${info.port}`;
  logger.info({ url, readyMs: Date.now() - startedAt }, 'listening');
  process.stdout.write(`\n  天台县数字驾驶舱 is running at ${url}/\n  API docs: ${url}/api/docs\n\n`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: no new connections, finishing open requests');
  const force = setTimeout(() => {
    logger.warn('open requests did not finish in 10 s; exiting');
    process.exit(1);
  }, 10_000);
  force.unref();
  server.close((err) => {
    if (err) logger.error({ err }, 'error while closing');
    process.exit(err ? 1 : 0);
  });
  // Idle keep-alive sockets would hold close() open; in-flight requests are left to finish.
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
