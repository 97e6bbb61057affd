import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { fastPathAllowed } from '../auth/fast-path';
import { fastSnapshot } from '../lib/fast-snapshot';
import { answerClientErrors, SERVER_TIMEOUTS } from '../lib/http-headers';
import { createLogger } from '../lib/logger';
import type { Services } from '../services';
import { createTestApp, type TestAppOptions } from './create-test-app';

/**
 * The production server stack — Node server with its timeouts and client-error answers, the snapshot hot
 * path (for sessions it may serve, as server.ts composes it), the app — on 127.0.0.1, port 0. For tests that
 * need real sockets (live streams, the server layer). Like createTestApp, a request without credentials is
 * the test admin's unless `anonymous` is set.
 */
export async function serveTestApp(
  services: Services,
  timeouts = SERVER_TIMEOUTS,
  opts: { anonymous?: boolean; app?: TestAppOptions } = {},
) {
  const app = createTestApp({ ...opts.app, services, ...(opts.anonymous ? { anonymous: true } : {}) });
  await app.ready;
  const fast = fastSnapshot(services.snapshots, createLogger('silent'));
  const allowFast = fastPathAllowed(app.auth);
  const server = serve({
    fetch: (request, env) => (allowFast(env) ? fast(request, env) : undefined) ?? app.fetch(request, env),
    port: 0,
    hostname: '127.0.0.1',
    serverOptions: timeouts,
  });
  // A request that carries no credentials is the test admin's: the header is added to Node's raw list,
  // which the guard and the hot path read, before the app sees the request.
  if (!opts.anonymous)
    server.prependListener('request', (req: IncomingMessage) => {
      if (req.headers.authorization || /cockpit_(session|device)=/.test(req.headers.cookie ?? '')) return;
      req.headers.authorization = `Bearer ${app.adminToken}`;
      req.rawHeaders.push('Authorization', `Bearer ${app.adminToken}`);
    });
  answerClientErrors(server);
  await new Promise<void>((r) => server.once('listening', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    adminToken: app.adminToken,
    app,
    close: () => {
      services.hub.stop();
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close();
    },
  };
}
