import { Health } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { createTestApp, testServices } from './test/create-test-app';

const app = createTestApp();

function expectErrorShape(body: unknown, code: string) {
  expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
}

describe('GET /api/v1/health', () => {
  it('reports status, version, uptime and the upstreams', async () => {
    const res = await app.request('/api/v1/health');
    expect(res.status).toBe(200);
    const body = Health.parse(await res.json());
    expect(body.version).toBe('0.0.0-test');
    expect(body.status).toBe('ok');
    expect(body.upstreams.map((u) => u.system).sort()).toEqual([
      'county-services',
      'emergency-120',
      'env-monitor',
      'grassroots',
      'parking-platform',
    ]);
  });

  it('is degraded when an upstream fails and says which one', async () => {
    const services = testServices();
    // Nothing listens on port 9: every call to the upstreams fails and the breakers open.
    for (let i = 0; i < 3; i++)
      await services.upstreams['parking-platform'].getJson(`/x${i}`).catch(() => null);
    const degraded = createTestApp({ services });
    const body = Health.parse(await (await degraded.request('/api/v1/health')).json());
    expect(body.status).toBe('degraded');
    const parking = body.upstreams.find((u) => u.system === 'parking-platform');
    expect(parking?.breaker).toBe('open');
    expect(parking?.errorRate).toBe(1);
    expect(body.upstreams.find((u) => u.system === 'env-monitor')?.breaker).toBe('closed');
  });
});

describe('OpenAPI', () => {
  it('serves a 3.1 document that lists the routes and the shared schemas', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/health', '/api/v1/regions/{code}', '/api/v1/regions']),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['ApiError', 'RegionDetail', 'Health']),
    );
  });

  it('serves the docs page and its assets locally, with no CDN', async () => {
    const page = await (await app.request('/api/docs')).text();
    expect(page).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect(page).not.toMatch(/https?:\/\//);
    const asset = await app.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
  });
});

describe('errors', () => {
  it('answers an unknown /api path with a JSON 404', async () => {
    const res = await app.request('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expectErrorShape(await res.json(), 'NOT_FOUND');
  });

  it('answers a wrong method with a JSON 405 and an Allow header', async () => {
    const res = await app.request('/api/v1/health', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expectErrorShape(await res.json(), 'METHOD_NOT_ALLOWED');
  });

  it('answers a validation failure with 400 VALIDATION and the failing fields', async () => {
    const res = await app.request('/api/v1/regions?q=');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expectErrorShape(body, 'VALIDATION');
    expect(body.error.details.map((d) => d.path)).toContain('q');
  });

  it('survives a malformed query string', async () => {
    const res = await app.request('/api/v1/regions?q=%E0%A4%A&limit=%%');
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('refuses a body over 1 MiB with 413 in the shared shape', async () => {
    const res = await app.request('/api/v1/health', { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
    expect(res.status).toBe(413);
    expectErrorShape(await res.json(), 'PAYLOAD_TOO_LARGE');
  });

  it('never leaks a stack trace', async () => {
    const res = await app.request('/api/v1/regions/abc');
    const text = await res.text();
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('headers', () => {
  it('gives every response a request id and nosniff, and pages the document headers too', async () => {
    const api = await app.request('/api/v1/regions/331023/children.geojson');
    expect(api.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    const json = await app.request('/api/v1/health');
    expect(json.headers.get('x-content-type-options')).toBe('nosniff');
    expect(json.headers.get('x-request-id')).not.toBe(api.headers.get('x-request-id'));
    const page = await app.request('/overview/331023');
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps a sane client request id and replaces a hostile one', async () => {
    const kept = await app.request('/api/v1/health', { headers: { 'X-Request-Id': 'wall-7.abc' } });
    expect(kept.headers.get('x-request-id')).toBe('wall-7.abc');
    const replaced = await app.request('/api/v1/health', { headers: { 'X-Request-Id': '<script>' } });
    expect(replaced.headers.get('x-request-id')).not.toBe('<script>');
  });
});

describe('static files and the SPA fallback', () => {
  it('serves index.html for a client route without an extension', async () => {
    const res = await app.request('/parking/331023105');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<div id="root">');
  });

  it('serves a hashed asset with a long-lived cache header', async () => {
    const res = await app.request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('answers a missing asset with 404, never index.html', async () => {
    const res = await app.request('/assets/missing-000.js');
    expect(res.status).toBe(404);
    expectErrorShape(await res.json(), 'NOT_FOUND');
  });

  it('does not fall back for /api paths', async () => {
    const res = await app.request('/api/unknown');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('refuses to serve files outside the web root', async () => {
    const res = await app.request('/..%2f..%2fpackage.json');
    expect(res.status).toBe(404);
  });

  it('compresses large responses when the client accepts gzip', async () => {
    const res = await app.request('/api/openapi.json', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });
});
