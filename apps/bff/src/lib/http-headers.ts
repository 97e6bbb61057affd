import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { errorBody } from './errors';
import type { Logger } from './logger';

/**
 * API responses carry only what matters for JSON (each header costs on the hot path); pages and static
 * files get the full set. Vary: Accept-Encoding is added where a response can be compressed.
 */
/**
 * Pages: scripts only from this origin (no inline script, no eval), nothing from other origins. MapLibre
 * starts its workers from blob: URLs; styles stay 'unsafe-inline' because MapLibre, ECharts and Swagger UI
 * set style attributes; deck.gl loads its icon atlases (inline SVG) with fetch from data: URLs, which are
 * in the page itself, not another origin. No framing at all.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data:",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // The studio (#15) previews the real screen in a frame of the same origin; no other site may frame a page.
  "frame-ancestors 'self'",
].join('; ');

const DOCUMENTS: [string, string][] = [
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Vary', 'Accept-Encoding'],
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['X-DNS-Prefetch-Control', 'off'],
];
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Whether an Accept-Encoding header (RFC 9110 §12.5.3) allows gzip: `gzip` or `x-gzip` with q > 0, or `*`
 * with q > 0 when gzip is not named. `gzip;q=0` refuses it.
 */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let star = 0;
  for (const part of acceptEncoding.split(',')) {
    const semicolon = part.indexOf(';');
    const coding = (semicolon < 0 ? part : part.slice(0, semicolon)).trim().toLowerCase();
    let q = 1;
    if (semicolon >= 0) {
      const m = /;\s*q\s*=\s*([^;]*)/i.exec(part.slice(semicolon));
      // A malformed qvalue makes the coding unacceptable rather than preferred.
      if (m) q = /^\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/.test(m[1]!) ? Number(m[1]) : 0;
    }
    if (coding === 'gzip' || coding === 'x-gzip') return q > 0;
    if (coding === '*') star = q;
  }
  return star > 0;
}

let sequence = 0;
const bootId = Date.now().toString(36);

/** The client's X-Request-Id if sane, else this process's boot id and a counter. */
export function nextRequestId(given: string | undefined): string {
  return given && /^[\w.:-]{1,64}$/.test(given) ? given : `${bootId}-${(++sequence).toString(36)}`;
}

/** The headers every response carries: the request id and no MIME sniffing. */
export function baseHeaders(requestId: string): Record<string, string> {
  return { 'X-Request-Id': requestId, 'X-Content-Type-Options': 'nosniff' };
}

/**
 * Everything every request goes through, in one middleware (each layer costs on the hot path of every
 * screen):
 * - a request id: the client's X-Request-Id if sane, else boot id + counter (cheaper than a UUID);
 * - the base headers, added to the response after the handler — except where a hot-path handler already
 *   sent them in its own header object (`baseHeadersSent`): setting any header through the context makes
 *   Hono and the Node adapter build a Headers object for the response, which costs a quarter of the
 *   throughput of a snapshot. Pages and static files also get the document headers. No HSTS: on a
 *   government intranet the service is often plain HTTP behind the centre's own proxy;
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
    const id = nextRequestId(requestHeader(c, 'x-request-id'));
    c.set('requestId', id);
    const path = c.req.path;
    const method = c.req.method;
    const withBody = method !== 'GET' && method !== 'HEAD';
    const inner: () => Promise<void> =
      withBody && path.startsWith('/api/')
        ? async () => {
            const limited = await limitBody(c, next);
            if (limited instanceof Response) c.res = limited;
          }
        : next;
    if (acceptsGzip(requestHeader(c, 'accept-encoding'))) await gzip(c, inner);
    else await inner();
    if (!c.get('baseHeadersSent')) {
      const headers = c.res.headers;
      for (const [name, value] of Object.entries(baseHeaders(id))) headers.set(name, value);
      if (!path.startsWith('/api/') || path.startsWith('/api/docs')) {
        for (const [name, value] of DOCUMENTS) headers.set(name, value);
      }
    }
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

/**
 * A request header, read from Node's raw header list when there is one. Asking Hono for a header makes the
 * Node adapter build a Headers object, and even Node's own `headers` object is built on first access; a
 * scan of `rawHeaders` (name, value, name, value, …) costs neither — it matters on the hot path of every
 * screen. Tests through app.request() fall back to Hono.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: { rawHeaders: string[] } } | undefined)?.incoming;
  return incoming ? rawHeader(incoming.rawHeaders, name.toLowerCase()) : c.req.header(name);
}

/** A header from Node's raw list (name, value, name, value, …); `wanted` in lower case; repeats joined. */
export function rawHeader(raw: readonly string[], wanted: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i]!;
    if (key.length === wanted.length && key.toLowerCase() === wanted) {
      found = found === undefined ? raw[i + 1] : `${found}, ${raw[i + 1]}`;
    }
  }
  return found;
}

/**
 * Timeouts against slow clients (slowloris): the headers of a request must arrive within 10 s and the whole
 * request within 30 s; idle keep-alive connections stay open longer than clients and proxies keep theirs
 * (undici: 4 s, typical proxies: 60 s), so a client never reuses a socket the server is closing. Live
 * streams are unaffected: their request is complete at once, only the response is long.
 */
export const SERVER_TIMEOUTS = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 65_000,
  /** How often Node checks the two timeouts above (its default, 30 s, would let a slow client stay 40 s). */
  connectionsCheckingInterval: 1_000,
};

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE', 'The request line and headers are over the size limit'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'The request did not arrive in time'],
  ERR_HTTP_HEADERS_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'The request headers did not arrive in time'],
};

/**
 * Errors Node answers before any route runs (headers too large, a malformed request, a timeout) get the
 * one JSON error shape too, instead of a bare status line with an empty body.
 */
export function answerClientErrors(server: object) {
  (server as Server).on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (
      !socket.writable ||
      (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent
    ) {
      socket.destroy();
      return;
    }
    const [status, code, message] = CLIENT_ERRORS[err.code ?? ''] ?? [
      400,
      'BAD_REQUEST',
      'The request is malformed',
    ];
    const body = JSON.stringify(errorBody(code, message));
    const reason =
      status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
