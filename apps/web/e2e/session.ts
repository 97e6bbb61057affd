import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SPAWNED_ADMIN_PASSWORD, spawnBuiltBff } from '../../bff/scripts/spawn-built.mjs';

export const ADMIN_PASSWORD = SPAWNED_ADMIN_PASSWORD;

export type OwnBff = {
  url: string;
  /** Stops the BFF and starts it again on the same port and data directory (a power cut, a deployment). */
  restart: () => Promise<void>;
  /** Stops the BFF and removes its data directory. */
  close: () => Promise<void>;
};

/**
 * A BFF of the test file's own (the built bundle, as production runs it) on a fresh DATA_DIR it keeps across
 * restarts, seeded with the spawned BFFs' ADMIN_PASSWORD, against the shared simulator, so that the file can restart it and own its accounts.
 */
export async function startOwnBff(simUrl: string): Promise<OwnBff> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cockpit-e2e-'));
  const env = {
    UPSTREAM_PARKING_URL: simUrl,
    UPSTREAM_EMERGENCY_URL: simUrl,
    UPSTREAM_ENV_URL: simUrl,
    UPSTREAM_COUNTY_URL: simUrl,
    UPSTREAM_GRASSROOTS_URL: simUrl,
    // Upstreams refreshed every 2 s (production: 10 s) and live pushes at the production tick (2 s): data moves
    // visibly within a test, and the BFF takes a fraction of the CPU it took at 1 s (the browser tests are
    // CPU-bound on two cores).
    UPSTREAM_REFRESH_MS: '2000',
    LIVE_TICK_MS: '2000',
    DATA_DIR: dataDir,
  };
  type Server = { url: string; stop: () => Promise<void> };
  let server = (await spawnBuiltBff(env)) as Server;
  const url = server.url;
  return {
    url,
    restart: async () => {
      await server.stop();
      server = (await spawnBuiltBff({ ...env, PORT: new URL(url).port })) as Server;
      if (server.url !== url) throw new Error(`restarted on ${server.url}, not ${url}`);
    },
    close: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sign-in and admin calls over the real API, for browser tests (Node fetch, bearer token). */

export async function apiLogin(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A JSON call with a bearer token; throws on a non-2xx with the body. */
export async function api<T = unknown>(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** A user whose password counts as chosen: created by the admin, then its forced change done over the API. */
export async function ensureUser(
  baseUrl: string,
  adminToken: string,
  user: { username: string; displayName: string; roles: string[]; scope: string; password: string },
): Promise<void> {
  const temporary = `${user.password}-tmp`;
  await api(baseUrl, adminToken, 'POST', '/api/v1/users', { ...user, password: temporary });
  const token = await apiLogin(baseUrl, user.username, temporary);
  const res = await fetch(`${baseUrl}/api/v1/auth/password`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ currentPassword: temporary, newPassword: user.password }),
  });
  if (res.status !== 204) throw new Error(`password of ${user.username}: ${res.status} ${await res.text()}`);
}

/** Signs a browser context in through the API (the session cookie lands in the context's jar). */
export async function signInAs(context: BrowserContext, baseUrl: string, username: string, password: string) {
  const res = await context.request.post(`${baseUrl}/api/v1/auth/login`, {
    data: { username, password },
    headers: { origin: baseUrl },
  });
  if (res.status() !== 200) throw new Error(`login ${username}: ${res.status()} ${await res.text()}`);
}

/** Signs in through the sign-in form of the page (which must show it). */
export async function signInWithForm(page: Page, username: string, password: string) {
  const form = page.getByTestId('login-form');
  await form.waitFor({ timeout: 30_000 });
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
}
