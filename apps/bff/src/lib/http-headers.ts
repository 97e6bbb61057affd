import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { errorBody } from './errors';
import type { Logger } from './logger';

const EVERY_RESPONSE: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Vary', 'Accept-Encoding'],
];
/** Only documents can be framed, opened or prefetched from: these matter for pages, not for JSON. */
const DOCUMENTS: [string, string][] = [
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['X-DNS-Prefetch-Control', 'off'],
];
const MAX_BODY_BYTES = 1024 * 1024;

export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return /\bgzip\b/i.test(acceptEncoding ?? '');
}

let sequence = 0;
const bootId = Date.now().toString(36);

/**
 * Everything every request goes through, in one middleware (each layer of middleware costs on the hot path
 * of every screen):
 * - a request id: the client's X-Request-Id if sane, else boot id + counter (cheaper than a UUID);
 * - security headers, set before the handler so they travel with the response as it is created (headers
 *   added to an existing response make the Node adapter rebuild it as a stream). No HSTS: on a government
 *   intranet the service is often plain HTTP behind the centre's own proxy;
 * - the request log line, with its duration;
 * - a 1 MiB limit on request bodies, checked only for methods that carry one (touching a GET's body would
 *   make the adapter build a full Request);
 * - gzip on the fly, only for clients that accept it and responses not already compressed (snapshots,
 *   geometry and static files are precompressed once).
 */
export function requestPipeline(logger: Logger): MiddlewareHandler {
  const gzip = compress({ encoding: 'gzip' });
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(errorBody('PAYLOAD_TOO_LARGE', 'The request body is over 1 MiB'), 413),
  });
  const logRequests = logger.isLevelEnabled('info');
  return async (c, next) => {
    const started = logRequests ? performance.now() : 0;
    const given = c.req.header('X-Request-Id');
    const id = given && /^[\w.:-]{1,64}$/.test(given) ? given : `${bootId}-${(++sequence).toString(36)}`;
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    for (const [name, value] of EVERY_RESPONSE) c.header(name, value);
    const path = c.req.path;
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) {
      for (const [name, value] of DOCUMENTS) c.header(name, value);
    }
    const method = c.req.method;
    const withBody = method !== 'GET' && method !== 'HEAD';
    const inner: () => Promise<void> =
      withBody && path.startsWith('/api/')
        ? async () => {
            const limited = await limitBody(c, next);
            if (limited instanceof Response) c.res = limited;
          }
        : next;
    if (acceptsGzip(c.req.header('Accept-Encoding'))) await gzip(c, inner);
    else await inner();
    if (logRequests) {
      logger.info(
        {
          reqId: id,
          method,
          path,
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      );
    }
  };
}
