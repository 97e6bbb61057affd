import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { fastSnapshot } from '../lib/fast-snapshot';
import { answerClientErrors, SERVER_TIMEOUTS } from '../lib/http-headers';
import { createLogger } from '../lib/logger';
import type { Services } from '../services';
import { createTestApp } from './create-test-app';

/**
 * The production server stack — Node server with its timeouts and client-error answers, the snapshot hot
 * path, the app — on 127.0.0.1, port 0. For tests that need real sockets (live streams, the server layer).
 */
export async function serveTestApp(services: Services, timeouts = SERVER_TIMEOUTS) {
  const app = createTestApp({ services });
  const fast = fastSnapshot(services.snapshots, createLogger('silent'));
  const server = serve({
    fetch: (request, env) => fast(request, env) ?? app.fetch(request, env),
    port: 0,
    hostname: '127.0.0.1',
    serverOptions: timeouts,
  });
  answerClientErrors(server);
  await new Promise<void>((r) => server.once('listening', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => {
      services.hub.stop();
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close();
    },
  };
}
