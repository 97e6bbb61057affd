import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ApiError } from '@cockpit/contracts';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testServices } from '../test/create-test-app';
import { NASTY } from '../test/fuzz';
import { serveTestApp } from '../test/real-server';
import { acceptsGzip, SERVER_TIMEOUTS } from './http-headers';
import { etagMatches } from './prepared';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, speed: 0, startAt: new Date('2026-10-03T04:00:00Z') });
});
afterAll(async () => {
  await sim?.close();
});

const expectErrorShape = async (res: Response, status?: number) => {
  if (status !== undefined) expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  const text = await res.text();
  expect(ApiError.safeParse(JSON.parse(text)).success).toBe(true);
  expect(text).not.toContain(repoRoot);
  return text;
};

const realServer = (timeouts = SERVER_TIMEOUTS) => serveTestApp(testServices(sim.url), timeouts);

/** Sends raw bytes and collects the whole answer until the server closes the connection. */
function raw(port: number, bytes: string, keepOpen = false): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (d) => {
      out += d.toString();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(out));
    socket.write(bytes);
    if (!keepOpen) socket.end();
  });
}

describe('Accept-Encoding', () => {
  it('is parsed with q-values: gzip;q=0 refuses gzip', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('GZIP')).toBe(true);
    expect(acceptsGzip('br;q=1, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.000')).toBe(false);
    expect(acceptsGzip('*;q=0.1')).toBe(true);
    expect(acceptsGzip('*, gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br, x-gzip')).toBe(true);
    expect(acceptsGzip('gzipped')).toBe(false);
    expect(acceptsGzip('gzip;q=abc')).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('gzip;q=0 gets an uncompressed snapshot, on the routed path and on the hot path', async () => {
    const server = await realServer();
    try {
      const path = '/api/v1/cockpits/overview/331023/snapshot';
      for (let i = 0; i < 2; i++) {
        const res = await fetch(server.url + path, { headers: { 'Accept-Encoding': 'gzip;q=0' } });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-encoding')).toBeNull();
        expect(JSON.parse(await res.text())).toHaveProperty('regionCode', '331023');
      }
    } finally {
      server.close();
    }
  });
});

describe('path segments named like Object.prototype members', () => {
  it('answer 4xx in the error shape on every route, never 500', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    const templates = [
      ...Object.keys(doc.paths),
      '/api/docs/assets/{file}',
      '/api/v1/{x}',
      '/{x}',
      '/assets/{x}',
    ];
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
    for (const template of templates) {
      for (const name of names) {
        const path = template.replace(/\{[^}]+\}/g, name);
        const res = await app.request(path);
        expect(res.status, path).toBeLessThan(500);
        if (res.status >= 400 && path.startsWith('/api')) await expectErrorShape(res);
        else await res.arrayBuffer();
        const withQuery = await app.request(`${path}?${name}=${name}&topics=${name}`);
        expect(withQuery.status, `${path}?${name}`).toBeLessThan(500);
        await withQuery.body?.cancel();
      }
    }
    await expectErrorShape(await app.request('/api/docs/assets/constructor'), 404);
    for (const n of NASTY.slice(0, 6)) expect((await app.request(`/api/docs/assets/${n}`)).status).toBe(404);
  }, 120_000);
});

describe('error messages', () => {
  it('never name a file-system path: a missing source map is a plain 404', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    for (const path of ['/server.mjs.map', '/assets/index-abc123.js.map', '/bff/dist/server.mjs.map']) {
      const text = await expectErrorShape(await app.request(path), 404);
      expect(text).not.toMatch(/\/(tmp|work|home|bff)\//);
    }
    const unbuilt = createTestApp({
      services: testServices(sim.url),
      config: { version: '0', webDist: '/nonexistent/web/dist' },
    });
    const text = await expectErrorShape(await unbuilt.request('/overview/331023'), 404);
    expect(text).not.toContain('/nonexistent');
  });
});

describe('errors from the server layer', () => {
  it('a request line or headers too large answer 431 in the JSON error shape; garbage answers 400', async () => {
    const server = await realServer();
    try {
      const res = await fetch(`${server.url}/api/v1/regions?q=${'x'.repeat(20_000)}`);
      await expectErrorShape(res, 431);
      const answer = await raw(
        server.port,
        `GET /api/v1/regions HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
        error: { code: 'HEADERS_TOO_LARGE' },
      });
      const bad = await raw(server.port, 'NOT HTTP AT ALL\r\n\r\n');
      expect(bad).toMatch(/^HTTP\/1\.1 400 /);
      expect(bad).toContain('"code":"BAD_REQUEST"');
    } finally {
      server.close();
    }
  });

  it('a body over 1 MiB answers 413 in the error shape', async () => {
    const app = createTestApp({ services: testServices(sim.url) });
    const res = await app.request('/api/v1/regions', {
      method: 'POST',
      body: 'x'.repeat(1024 * 1024 + 10),
      headers: { 'content-type': 'application/json', 'content-length': String(1024 * 1024 + 10) },
    });
    await expectErrorShape(res, 413);
  });

  it('a client that sends its headers slowly (slowloris) is answered 408 and disconnected', async () => {
    const server = await realServer({
      ...SERVER_TIMEOUTS,
      headersTimeout: 300,
      requestTimeout: 600,
      connectionsCheckingInterval: 50,
    });
    try {
      // Headers started but never finished: the connection must not stay open.
      const answer = await raw(server.port, 'GET /api/v1/regions HTTP/1.1\r\nHost: x\r\nX-Slow: 1', true);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toContain('"code":"REQUEST_TIMEOUT"');
    } finally {
      server.close();
    }
  });
});

describe('snapshot ETags', () => {
  it('compare weakly, as If-None-Match requires', () => {
    expect(etagMatches('W/"a"', 'W/"a"')).toBe(true);
    expect(etagMatches('"a"', 'W/"a"')).toBe(true);
    expect(etagMatches('"b", W/"a"', 'W/"a"')).toBe(true);
    expect(etagMatches('*', 'W/"a"')).toBe(true);
    expect(etagMatches('"b"', 'W/"a"')).toBe(false);
    expect(etagMatches(undefined, 'W/"a"')).toBe(false);
  });

  it('stay valid while nothing changes: a reload gets 304', async () => {
    const server = await realServer();
    try {
      const path = `${server.url}/api/v1/cockpits/overview/331023/snapshot`;
      const first = await fetch(path);
      const etag = first.headers.get('etag')!;
      const { generatedAt } = (await first.json()) as { generatedAt: string };
      // The upstream datasets refresh (every 150 ms in tests) while the world stands still (speed 0): wait
      // until the BFF has rebuilt the snapshot, then reload with the old ETag.
      await expect
        .poll(async () => ((await (await fetch(path)).json()) as { generatedAt: string }).generatedAt, {
          timeout: 15_000,
        })
        .not.toBe(generatedAt);
      const again = await fetch(path, { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
    } finally {
      server.close();
    }
  });
});
