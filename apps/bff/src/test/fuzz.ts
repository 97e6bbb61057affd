import { gunzipSync } from 'node:zlib';
import { ApiError } from '@cockpit/contracts';
import fc from 'fast-check';

/**
 * A fuzzer over the OpenAPI document: requests generated from every documented operation (valid values,
 * values that look like Object.prototype members, malformed, oversized and random ones; other methods;
 * bodies; odd headers), sent to a running BFF. It collects a status histogram and every violation of:
 * no 5xx; the one JSON error shape on every /api 4xx; no file-system path or stack text in any body; an
 * answer within 5 s.
 *
 * Auth: `headers` are added to every request (e.g. `Authorization: Bearer …` once the API needs sign-in).
 */
export type FuzzOptions = {
  baseUrl: string;
  openapi: OpenApiDoc;
  seed: number;
  runs: number;
  /** Known-good values by parameter name (e.g. regionCode), mixed in so requests reach the handlers. */
  known?: Record<string, readonly string[]>;
  /** Added to every request, e.g. { Authorization: 'Bearer …' }. */
  headers?: Record<string, string>;
  concurrency?: number;
  /** File-system paths that must never appear in a body (e.g. the repository root). */
  secretPaths?: readonly string[];
  timeoutMs?: number;
  /** How requests are sent: global fetch by default; a test may pass the app's own `request`. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
};

export type FuzzResult = {
  statuses: Map<number, number>;
  failures: string[];
  requests: number;
  /** The slowest answers, for the report: [ms, request]. */
  slowest: [number, string][];
  /** Total answer time by path (numbers and values blanked), most costly first: [ms, path]. */
  costliest: [number, string][];
};

type Param = { name: string; in: string; required?: boolean; schema?: Schema };
type Schema = { type?: string; enum?: unknown[]; example?: unknown; default?: unknown; pattern?: string };
type Operation = { parameters?: Param[]; requestBody?: unknown };
export type OpenApiDoc = { paths: Record<string, Record<string, Operation>> };

type FuzzRequest = { method: string; path: string; headers: Record<string, string>; body?: string };

/** Path segments and values that once reached inherited object members, traversal and encoding traps. */
export const NASTY = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '..',
  '%2e%2e',
  '%2F',
  '%',
  '%zz',
  '%00',
  '',
  ' ',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '9'.repeat(40),
  '😀天台',
  '<script>alert(1)</script>',
  "'",
  '"',
  'a'.repeat(3000),
];

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
const EXTRA_PATHS = [
  '/api',
  '/api/',
  '/api/v1',
  '/api/v1/constructor',
  '/api/v1/__proto__/x',
  '/api/docs/assets/constructor',
  '/api/docs/assets/__proto__',
  '/api/docs/assets/toString',
  '/api/docs/assets/hasOwnProperty',
  '/api/docs/assets/..%2f..%2fpackage.json',
  '/server.mjs.map',
  '/bff/dist/server.mjs.map',
  '/assets/index.js.map',
  '/constructor',
  '/__proto__',
  '/toString.js',
  '/hasOwnProperty.css',
  '/..%2f..%2fetc%2fpasswd',
  '/%2e%2e/%2e%2e/package.json',
];

function valueArb(param: Param, known: Record<string, readonly string[]>): fc.Arbitrary<string> {
  const good = new Set<string>(known[param.name] ?? []);
  const s = param.schema ?? {};
  for (const v of s.enum ?? []) good.add(String(v));
  if (s.example !== undefined) good.add(String(s.example));
  if (s.default !== undefined) good.add(String(s.default));
  const arbs: fc.WeightedArbitrary<string>[] = [
    { arbitrary: fc.constantFrom(...NASTY), weight: 3 },
    { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
    { arbitrary: fc.integer({ min: -1000, max: 10_000_000 }).map(String), weight: 1 },
  ];
  if (good.size > 0) arbs.push({ arbitrary: fc.constantFrom(...good), weight: 6 });
  return fc.oneof(...arbs);
}

const encodeArb = (v: string) =>
  fc.constantFrom(encodeURIComponent(v), v.replace(/[\s#?/]/g, encodeURIComponent));

function operationArb(
  path: string,
  method: string,
  op: Operation,
  known: Record<string, readonly string[]>,
): fc.Arbitrary<FuzzRequest> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(...pathParams.map((p) => valueArb(p, known).chain(encodeArb))).map((values) => {
    let out = path;
    pathParams.forEach((p, i) => {
      out = out.replace(`{${p.name}}`, values[i]!);
    });
    return out;
  });
  const queryArb = fc
    .tuple(
      ...queryParams.map((p) => fc.option(valueArb(p, known), { nil: undefined, freq: 3 })),
      fc.option(fc.tuple(fc.constantFrom(...NASTY, 'x'), fc.constantFrom(...NASTY)), { freq: 2 }),
    )
    .map((values) => {
      const qs = new URLSearchParams();
      queryParams.forEach((p, i) => {
        const v = values[i] as string | undefined;
        if (v !== undefined) qs.append(p.name, v);
      });
      const extra = values.at(-1) as [string, string] | null;
      if (extra) qs.append(extra[0], extra[1]);
      const s = qs.toString();
      return s ? `?${s}` : '';
    });
  const methodArb = fc.oneof(
    { arbitrary: fc.constant(method.toUpperCase()), weight: 8 },
    { arbitrary: fc.constantFrom(...METHODS), weight: 1 },
  );
  const headersArb = fc.record(
    {
      'accept-encoding': fc.constantFrom('gzip', 'gzip;q=0', 'br', '*', 'identity', 'gzip;q=abc', ''),
      'if-none-match': fc.constantFrom('"x"', '*', 'W/"abc"', '__proto__'),
      'last-event-id': fc.constantFrom('0', '1', 'abc-1', '__proto__', '9'.repeat(30), ''),
      accept: fc.constantFrom('application/json', 'text/event-stream', '*/*', 'text/html'),
    },
    { requiredKeys: [] },
  );
  const bodyArb = fc.option(
    fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.constantFrom('{', 'null', '[]', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}'),
      fc.string({ maxLength: 50 }),
    ),
    { nil: undefined },
  );
  return fc
    .record({ method: methodArb, path: pathArb, query: queryArb, headers: headersArb, body: bodyArb })
    .map(({ method: m, path: p, query, headers, body }) => {
      const req: FuzzRequest = { method: m, path: p + query, headers: { ...headers } };
      if (body !== undefined && m !== 'GET' && m !== 'HEAD') {
        req.body = body;
        req.headers['content-type'] = 'application/json';
      }
      return req;
    });
}

/** All requests of a run, from the document and the fixed seed. */
export function fuzzRequests(doc: OpenApiDoc, seed: number, runs: number, known = {}): FuzzRequest[] {
  const ops: fc.Arbitrary<FuzzRequest>[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!METHODS.includes(method.toUpperCase())) continue;
      ops.push(operationArb(path, method, op, known));
    }
  }
  ops.push(
    fc.record({
      method: fc.constantFrom('GET', 'HEAD', 'POST'),
      path: fc.constantFrom(...EXTRA_PATHS),
      headers: fc.constant({}),
    }),
  );
  return fc.sample(fc.oneof(...ops), { seed, numRuns: runs });
}

const STACK = /\n\s+at \S+|\bat (?:file|node):|node:internal|\.(?:ts|mjs|js):\d+:\d+|Error: .*\n\s+at /;
const FS_PATH = /(?:^|[\s"'(=:])\/(?:home|root|usr|var|tmp|opt|work|srv|app|bff|etc|proc)\/[^\s"']*/;

export async function fuzzApi(opts: FuzzOptions): Promise<FuzzResult> {
  const requests = fuzzRequests(opts.openapi, opts.seed, opts.runs, opts.known);
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const durations: [number, string][] = [];
  const timeoutMs = opts.timeoutMs ?? 5000;
  const send = opts.fetch ?? fetch;
  let next = 0;
  const one = async (req: FuzzRequest) => {
    const label = `${req.method} ${req.path.slice(0, 200)}`;
    const ac = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((r) => {
      timer = setTimeout(() => r('timeout'), timeoutMs);
    });
    const run = async () => {
      const res = await send(opts.baseUrl + req.path, {
        method: req.method,
        headers: { ...req.headers, ...opts.headers },
        ...(req.body !== undefined ? { body: req.body } : {}),
        signal: ac.signal,
      });
      const type = res.headers.get('content-type') ?? '';
      let text = '';
      if (!res.body) text = '';
      else if (type.includes('text/event-stream')) {
        const reader = res.body!.getReader();
        const first = await reader.read();
        text = new TextDecoder().decode(first.value ?? new Uint8Array());
        await reader.cancel();
      } else if (/json|text\/(plain|html)/.test(type) || type === '') {
        // In-process answers are not decoded by a client: gunzip what the server compressed.
        const bytes = Buffer.from(await res.arrayBuffer());
        const gzipped =
          res.headers.get('content-encoding') === 'gzip' && bytes[0] === 0x1f && bytes[1] === 0x8b;
        text = (gzipped ? gunzipSync(bytes) : bytes).toString('utf8');
      } else await res.arrayBuffer();
      return { status: res.status, type, text };
    };
    const started = performance.now();
    try {
      const out = await Promise.race([run(), timedOut]);
      durations.push([Math.round(performance.now() - started), label]);
      if (out === 'timeout') {
        ac.abort();
        failures.push(`${label}: no answer within ${timeoutMs} ms`);
        statuses.set(0, (statuses.get(0) ?? 0) + 1);
        return;
      }
      statuses.set(out.status, (statuses.get(out.status) ?? 0) + 1);
      const api = req.path === '/api' || req.path.startsWith('/api/') || req.path.startsWith('/api?');
      if (out.status >= 500) failures.push(`${label}: ${out.status} ${out.text.slice(0, 200)}`);
      if (api && out.status >= 400 && out.status < 500 && req.method !== 'HEAD') {
        let shaped = false;
        try {
          shaped = out.type.includes('application/json') && ApiError.safeParse(JSON.parse(out.text)).success;
        } catch {
          shaped = false;
        }
        if (!shaped)
          failures.push(`${label}: ${out.status} without the error shape: ${out.text.slice(0, 200)}`);
      }
      // The request's own path may be echoed back ("No route for GET /x/y"): that is not a server path.
      let text = out.text;
      for (const echo of [req.path, safeDecode(req.path)]) text = text.split(echo.split('?')[0]!).join('');
      const leaked =
        STACK.test(text) || FS_PATH.test(text) || (opts.secretPaths ?? []).some((p) => p && text.includes(p));
      if (leaked && !out.type.includes('text/html'))
        failures.push(`${label}: path or stack text in the body: ${out.text.slice(0, 300)}`);
    } catch (err) {
      failures.push(`${label}: request failed: ${(err as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  };
  const worker = async () => {
    while (next < requests.length) await one(requests[next++]!);
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, worker));
  const byPath = new Map<string, number>();
  for (const [ms, label] of durations) {
    const key = label.split('?')[0]!.replace(/\/[^/]*\d[^/]*/g, '/#');
    byPath.set(key, (byPath.get(key) ?? 0) + ms);
  }
  durations.sort((a, b) => b[0] - a[0]);
  return {
    statuses,
    failures,
    requests: requests.length,
    slowest: durations.slice(0, 10),
    costliest: [...byPath.entries()]
      .map(([k, ms]): [number, string] => [ms, k])
      .sort((a, b) => b[0] - a[0])
      .slice(0, 10),
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The histogram as one line: `200×1234 304×5 400×…`. */
export function formatHistogram(statuses: Map<number, number>): string {
  return [...statuses.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${s === 0 ? 'timeout' : s}×${n}`)
    .join(' ');
}
