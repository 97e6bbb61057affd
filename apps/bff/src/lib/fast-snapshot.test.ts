import { gunzipSync } from 'node:zlib';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testServices } from '../test/create-test-app';
import { fastSnapshot } from './fast-snapshot';
import { createLogger } from './logger';

let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, speed: 0, startAt: new Date('2026-10-03T04:00:00Z') });
});
afterAll(async () => {
  await sim?.close();
});

const env = (url: string, headers: string[] = [], method = 'GET') => ({
  incoming: { method, url, rawHeaders: headers },
});
const PATH = '/api/v1/cockpits/overview/331023/snapshot';

describe('fastSnapshot', () => {
  it('answers a memoised snapshot exactly as the routed handler does, or leaves the request to the app', async () => {
    // The memo is answered only within half a second of its last check: the snapshot clock stands still here,
    // so a busy machine's pause between the routed and the fast request cannot expire it.
    const frozen = Date.now();
    const services = testServices(sim.url, { snapshotClock: () => frozen });
    const app = createTestApp({ services });
    const fast = fastSnapshot(services.snapshots, createLogger('silent'));
    const req = new Request(`http://x${PATH}`);

    // Not memoised yet: the app answers (and memoises).
    expect(fast(req, env(PATH))).toBeUndefined();
    const routed = await app.request(PATH);
    const routedBody = await routed.text();

    const res = fast(req, env(`${PATH}?t=1`, ['X-Request-Id', 'wall-3']));
    expect(res?.status).toBe(200);
    expect(await res!.text()).toBe(routedBody);
    expect(res!.headers.get('etag')).toBe(routed.headers.get('etag'));
    expect(res!.headers.get('x-request-id')).toBe('wall-3');
    expect(res!.headers.get('x-content-type-options')).toBe('nosniff');

    const etag = routed.headers.get('etag')!;
    expect(fast(req, env(PATH, ['If-None-Match', etag]))?.status).toBe(304);
    const gz = fast(req, env(PATH, ['Accept-Encoding', 'gzip, deflate']))!;
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(routedBody);
  });

  it('never answers other paths, other methods, or malformed scopes', () => {
    const services = testServices(sim.url);
    const fast = fastSnapshot(services.snapshots, createLogger('silent'));
    const req = new Request('http://x/');
    expect(fast(req, env('/api/v1/health'))).toBeUndefined();
    expect(fast(req, env(PATH, [], 'POST'))).toBeUndefined();
    expect(fast(req, env('/api/v1/cockpits/overview/12/snapshot'))).toBeUndefined();
    expect(fast(req, env('/api/v1/cockpits/weather/331023/snapshot'))).toBeUndefined();
    expect(fast(req, undefined)).toBeUndefined();
  });
});
