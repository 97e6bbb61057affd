import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { fastPathAllowed } from '../auth/fast-path';
import { fastSnapshot } from '../lib/fast-snapshot';
import { answerClientErrors, SERVER_TIMEOUTS } from '../lib/http-headers';
import { createLogger } from '../lib/logger';
import type { Services } from '../services';
import { createTestApp } from './create-test-app';

/**
 * The production server stack — Node server with its timeouts and client-error answers, the snapshot hot
 * path (for sessions it may serve, as server.ts composes it), the app — on 127.0.0.1, port 0. For tests that
 * need real sockets (live streams, the server layer). Like createTestApp, a request without credentials is
 * the test admin's unless `anonymous` is set.
 */
export async function serveTestApp(
  services: Services,
  timeouts = SERVER_TIMEOUTS,
  opts: { anonymous?: boolean } = {},
) {
  const app = createTestApp({ services, ...(opts.anonymous ? { anonymous: true } : {}) });
  await app.ready;
  const fast = fastSnapshot(services.snapshots, createLogger('silent'));
  const allowFast = fastPathAllowed(app.auth);
  const asAdmin = (request: Request) => {
    if (opts.anonymous || request.headers.has('authorization')) return request;
    const headers = new Headers(request.headers);
    headers.set('authorization', `Bearer ${app.adminToken}`);
    return new Request(request, { headers, duplex: 'half' } as RequestInit);
  };
  const server = serve({
    fetch: (request, env) =>
      (allowFast(env) ? fast(request, env) : undefined) ?? app.fetch(asAdmin(request), env),
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
    adminToken: app.adminToken,
    close: () => {
      services.hub.stop();
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close();
    },
  };
}
