import { COUNTY_CODE } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../store/audit-chain';
import { addUser, bearer, FIXTURE_PASSWORD, signIn } from '../test/auth-fixtures';
import { createTestApp, TEST_ADMIN_PASSWORD, testServices } from '../test/create-test-app';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: 'none', ...headers },
  body: JSON.stringify(body),
});
const anon = { headers: { authorization: 'none' } };
/** A request as if from a socket at `ip` (what the Node adapter gives the app). */
const fromIp = (ip: string) => ({
  incoming: { socket: { remoteAddress: ip }, rawHeaders: ['content-type', 'application/json'] },
});

async function login(
  app: ReturnType<typeof createTestApp>,
  username: string,
  password: string,
  ip = '10.0.0.1',
) {
  return app.request(
    '/api/v1/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'none' },
      body: JSON.stringify({ username, password }),
    },
    fromIp(ip),
  );
}

describe('sign-in', () => {
  it('answers 401 without credentials on API routes, but not on health, docs and login', async () => {
    const app = createTestApp({ anonymous: true, services: testServices() });
    const denied = await app.request('/api/v1/cockpits/overview/331023/snapshot');
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } });
    expect((await app.request('/api/v1/regions/331023')).status).toBe(401);
    expect((await app.request('/api/v1/health')).status).toBe(200);
    expect((await app.request('/api/openapi.json')).status).toBe(200);
    expect((await app.request('/api/docs')).status).toBe(200);
  });

  it('signs in with cookie and bearer; a wrong password and an unknown user get the same generic 401', async () => {
    const app = createTestApp();
    const ok = await app.request(
      '/api/v1/auth/login',
      json({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
    );
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as {
      token: string;
      user: { roles: string[]; scope: string; mustChangePassword: boolean };
    };
    expect(body.user).toMatchObject({ roles: ['admin'], scope: COUNTY_CODE, mustChangePassword: false });
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cockpit_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const viaCookie = await app.request('/api/v1/auth/me', {
      headers: { authorization: 'none', cookie: cookie.split(';')[0]! },
    });
    expect(viaCookie.status).toBe(200);
    expect((await app.request('/api/v1/auth/me', { headers: bearer(body.token) })).status).toBe(200);

    const wrong = await app.request('/api/v1/auth/login', json({ username: 'admin', password: 'not-it' }));
    const unknown = await app.request('/api/v1/auth/login', json({ username: 'nobody', password: 'not-it' }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('limits failed sign-ins per username and per IP with 429 and Retry-After, the same for unknown names', async () => {
    const app = createTestApp({ authOptions: { failuresPerUsername: 3, failuresPerIp: 5 } });
    await app.ready;
    for (const name of ['admin', 'ghost']) {
      for (let i = 0; i < 3; i++)
        expect((await login(app, name, 'wrong-password', `10.0.5.${i}`)).status).toBe(401);
      const limited = await login(app, name, 'wrong-password', `10.0.1.${name.length}`);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    }
    // Even the right password is refused while the username is limited.
    expect((await login(app, 'admin', TEST_ADMIN_PASSWORD, '10.0.9.9')).status).toBe(429);
    // Per IP: five failures on different names from one address block that address.
    for (let i = 0; i < 5; i++) await login(app, `someone-${i}`, 'wrong-password', '10.0.2.2');
    await addUser(app, { username: 'fresh', roles: ['viewer'], scope: COUNTY_CODE });
    expect((await login(app, 'fresh', FIXTURE_PASSWORD, '10.0.2.2')).status).toBe(429);
    expect((await login(app, 'fresh', FIXTURE_PASSWORD, '10.0.3.3')).status).toBe(200);
  });

  it('makes a first admin with a one-time password change it before anything else', async () => {
    const app = createTestApp();
    await app.ready;
    await addUser(app, {
      username: 'newbie',
      roles: ['leader'],
      scope: COUNTY_CODE,
      mustChangePassword: true,
    });
    const { token } = await signIn(app, 'newbie');
    const blocked = await app.request('/api/v1/cockpits/overview/331023/snapshot', {
      headers: bearer(token),
    });
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    expect((await app.request('/api/v1/auth/me', { headers: bearer(token) })).status).toBe(200);
    const short = await app.request('/api/v1/auth/password', {
      ...json({ currentPassword: FIXTURE_PASSWORD, newPassword: 'short' }),
      headers: { ...bearer(token), 'content-type': 'application/json' },
    });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: { message: string } }).error.message).toContain('newPassword');
    const changed = await app.request('/api/v1/auth/password', {
      ...json({ currentPassword: FIXTURE_PASSWORD, newPassword: 'a-better-password' }),
      headers: { ...bearer(token), 'content-type': 'application/json' },
    });
    expect(changed.status).toBe(204);
    const me = (await (await app.request('/api/v1/auth/me', { headers: bearer(token) })).json()) as {
      user: { mustChangePassword: boolean };
    };
    expect(me.user.mustChangePassword).toBe(false);
  });
});

describe('revocation', () => {
  it('ends the session on logout, on disabling the user, and on an admin password reset', async () => {
    const app = createTestApp();
    const id = await addUser(app, { username: 'leaver', roles: ['viewer'], scope: COUNTY_CODE });
    const a = await signIn(app, 'leaver');
    expect((await app.request('/api/v1/auth/me', { headers: bearer(a.token) })).status).toBe(200);
    expect(
      (await app.request('/api/v1/auth/logout', { method: 'POST', headers: bearer(a.token) })).status,
    ).toBe(204);
    expect((await app.request('/api/v1/auth/me', { headers: bearer(a.token) })).status).toBe(401);

    const b = await signIn(app, 'leaver');
    const disabled = await app.request(`/api/v1/users/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    expect(disabled.status).toBe(200);
    expect((await app.request('/api/v1/regions/331023', { headers: bearer(b.token) })).status).toBe(401);
    expect(
      (await app.request('/api/v1/auth/login', json({ username: 'leaver', password: FIXTURE_PASSWORD })))
        .status,
    ).toBe(401);
  });

  it('closes an open live stream when its session is revoked', async () => {
    const app = createTestApp();
    await addUser(app, { username: 'watcher', roles: ['viewer'], scope: COUNTY_CODE });
    const { token } = await signIn(app, 'watcher');
    const res = await app.request('/api/v1/live?topics=snapshot:overview:331023', { headers: bearer(token) });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read(); // the stream is open
    expect(
      (await app.request('/api/v1/auth/logout', { method: 'POST', headers: bearer(token) })).status,
    ).toBe(204);
    for (;;) {
      const { done } = await reader.read();
      if (done) break; // closed by the server, not by a timeout
    }
  });

  it('does not let a township user subscribe to another township', async () => {
    const app = createTestApp();
    await addUser(app, { username: 'town', roles: ['leader'], scope: '331023105' });
    const { token } = await signIn(app, 'town');
    const res = await app.request(
      '/api/v1/live?topics=snapshot:overview:331023105,snapshot:overview:331023106',
      { headers: bearer(token) },
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('OUT_OF_SCOPE');
  });
});

describe('administration', () => {
  it('refuses to delete or disable the last admin (409), and rejects unknown scopes and malformed bodies (400)', async () => {
    const app = createTestApp();
    const users = (await (await app.request('/api/v1/users')).json()) as {
      items: { id: string; username: string }[];
    };
    const admin = users.items.find((u) => u.username === 'admin')!;
    expect((await app.request(`/api/v1/users/${admin.id}`, { method: 'DELETE' })).status).toBe(409);
    const disable = await app.request(`/api/v1/users/${admin.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    expect(disable.status).toBe(409);
    expect(((await disable.json()) as { error: { code: string } }).error.code).toBe('LAST_ADMIN');

    const create = (body: unknown) =>
      app.request('/api/v1/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const unknownScope = await create({
      username: 'x1',
      displayName: 'X',
      password: 'long-enough-1',
      roles: ['viewer'],
      scope: '331023999',
    });
    expect(unknownScope.status).toBe(400);
    expect(((await unknownScope.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_REGION');
    const malformed = await create({
      username: 'x1',
      displayName: 'X',
      password: 'short',
      roles: ['viewer'],
      scope: COUNTY_CODE,
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { message: string } }).error.message).toContain('password');
    const unknownRole = await create({
      username: 'x1',
      displayName: 'X',
      password: 'long-enough-1',
      roles: ['wizard'],
      scope: COUNTY_CODE,
    });
    expect(unknownRole.status).toBe(400);
    // The platform's own changes are recorded as 'system': no person may take the name.
    const reserved = await create({
      username: 'system',
      displayName: 'X',
      password: 'long-enough-1',
      roles: ['viewer'],
      scope: COUNTY_CODE,
    });
    expect(reserved.status).toBe(400);
    expect(((await reserved.json()) as { error: { message: string } }).error.message).toContain('username');
    const huge = await app.request('/api/v1/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(huge.status).toBe(413);
    // Nothing was half-written.
    const after = (await (await app.request('/api/v1/users')).json()) as { items: unknown[] };
    expect(after.items).toHaveLength(users.items.length);
  });

  it('pairs a wall device: code, approval, a credential that works as cookie and bearer, revocation', async () => {
    const app = createTestApp();
    const started = await app.request('/api/v1/devices/pairings', {
      method: 'POST',
      headers: { authorization: 'none' },
    });
    expect(started.status).toBe(201);
    const pairing = (await started.json()) as { pairingId: string; code: string; secret: string };
    expect(pairing.code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    const poll = () =>
      app.request(`/api/v1/devices/pairings/${pairing.pairingId}?secret=${pairing.secret}`, anon);
    expect(((await (await poll()).json()) as { state: string }).state).toBe('pending');
    expect(
      (await app.request(`/api/v1/devices/pairings/${pairing.pairingId}?secret=wrong`, anon)).status,
    ).toBe(404);
    const approved = await app.request('/api/v1/devices', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: pairing.code.toLowerCase(), name: '指挥中心大屏', scope: '331023105' }),
    });
    expect(approved.status).toBe(201);
    const device = (await approved.json()) as { id: string };
    const delivered = await poll();
    expect(delivered.headers.get('set-cookie')).toMatch(/^cockpit_device=.*HttpOnly/);
    const { token } = (await delivered.json()) as { token: string };
    // Only once.
    expect(((await (await poll()).json()) as { token?: string }).token).toBeUndefined();
    const me = (await (await app.request('/api/v1/auth/me', { headers: bearer(token) })).json()) as {
      user: { kind: string; scope: string };
    };
    expect(me.user).toMatchObject({ kind: 'device', scope: '331023105' });
    expect(
      (await app.request('/api/v1/cockpits/overview/331023/snapshot', { headers: bearer(token) })).status,
    ).toBe(403);
    expect((await app.request(`/api/v1/devices/${device.id}/revoke`, { method: 'POST' })).status).toBe(204);
    expect((await app.request('/api/v1/auth/me', { headers: bearer(token) })).status).toBe(401);
  });
});

describe('audit trail', () => {
  it('records sign-ins, failures, denials and changes, newest first, exports CSV (audited) and verifies', async () => {
    const app = createTestApp();
    await addUser(app, { username: 'curious', roles: ['viewer'], scope: '331023105' });
    await app.request('/api/v1/auth/login', json({ username: 'curious', password: 'wrong-guess' }));
    const { token } = await signIn(app, 'curious');
    await app.request('/api/v1/cockpits/overview/331023106/snapshot', { headers: bearer(token) });
    await app.request('/api/v1/users', { headers: bearer(token) });
    const page = (await (await app.request('/api/v1/audit?actor=curious')).json()) as {
      items: { action: string; summary: string }[];
    };
    expect(page.items.map((i) => i.action)).toEqual([
      'access.denied',
      'access.denied',
      'auth.login.success',
      'auth.login.failure',
    ]);
    expect(page.items[1]!.summary).toContain('OUT_OF_SCOPE');
    const csv = await app.request('/api/v1/audit.csv?actor=curious');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, for Excel
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(5);
    const exported = (await (await app.request('/api/v1/audit?action=audit.export')).json()) as {
      items: unknown[];
    };
    expect(exported.items).toHaveLength(1);
    expect(await verifyChain(app.auth.store.audit.all())).toMatchObject({ ok: true });
  });
});

describe('headers', () => {
  it('sends a strict CSP on pages, no CORS, and never serves source maps', async () => {
    const app = createTestApp();
    const page = await app.request('/overview/331023', { headers: { origin: 'http://evil.example' } });
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    expect((await app.request('/assets/index-abc123.js.map')).status).toBe(404);
  });

  it('refuses a cookie-authenticated write from a foreign Origin', async () => {
    const app = createTestApp();
    const ok = await app.request(
      '/api/v1/auth/login',
      json({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
    );
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
    const foreign = await app.request('/api/v1/departments', {
      method: 'POST',
      headers: {
        authorization: 'none',
        cookie,
        origin: 'http://evil.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ id: 'evil', name: { zh: '坏', en: 'Evil' } }),
    });
    expect(foreign.status).toBe(403);
    const same = await app.request('http://localhost/api/v1/departments', {
      method: 'POST',
      headers: {
        authorization: 'none',
        cookie,
        origin: 'http://localhost',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ id: 'good', name: { zh: '好', en: 'Good' } }),
    });
    expect(same.status).toBe(201);
  });
});
