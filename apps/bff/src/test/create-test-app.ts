import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNTY_CODE } from '@cockpit/contracts';
import { type AppDeps, createApp } from '../app';
import { type AuthOptions, AuthService, sha256 } from '../auth/service';
import { openGeography } from '../geo/open';
import type { Timing } from '../indicators/datasets';
import { createLogger } from '../lib/logger';
import { createServices, type Services } from '../services';
import type { HistoryStore } from '../store/history';
import { openStore } from '../store/sqlite';
import type { Store } from '../store/types';
import { SYSTEMS, type SystemId } from '../upstreams/systems';

let geography: ReturnType<typeof openGeography> | undefined;

/** The real geography, loaded once per test file. */
export function testGeography() {
  geography ??= openGeography();
  return geography;
}

/** A tiny built SPA: index.html and one hashed asset. */
export function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>cockpit</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
  return dir;
}

/** Per-attempt upstream timeout in tests: well above a loaded machine's answer time. */
export const TEST_UPSTREAM_TIMEOUT_MS = 4000;

/** Fast refreshes so tests see faults and recoveries within a second or two. */
export const TEST_TIMING: Timing = { fastMs: 150, mediumMs: 150, slowMs: 150 };

/** An empty indicator history in its own temp store, opened on first use (tests that need none pay nothing). */
function lazyHistoryStore(): HistoryStore {
  let opened: Promise<Store> | undefined;
  const store = () => {
    opened ??= openStore(mkdtempSync(join(tmpdir(), 'cockpit-history-')));
    return opened;
  };
  return new Proxy({} as HistoryStore, {
    get:
      (_t, method: string) =>
      async (...args: unknown[]) =>
        ((await store()).history as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(
          ...args,
        ),
  });
}

export function testServices(
  upstreamUrl = 'http://127.0.0.1:9',
  overrides: Partial<Parameters<typeof createServices>[0]> = {},
): Services {
  const baseUrls = Object.fromEntries(SYSTEMS.map((s) => [s, upstreamUrl])) as Record<SystemId, string>;
  return createServices({
    hierarchy: testGeography(),
    logger: createLogger('silent'),
    baseUrls,
    timing: TEST_TIMING,
    // The upstream timeout is generous so a busy machine's slow simulator is not mistaken for a fault;
    // fault tests inject latencies longer than it.
    tuning: { timeoutMs: TEST_UPSTREAM_TIMEOUT_MS, retries: 1, backoffMs: 20, openMs: 300 },
    liveTickMs: 100,
    // The overview's own indicators and faults are tested without the department cockpits being built in
    // the background for the alarm roll-up (that would load every system); the roll-up test turns it on.
    rollupAlarms: false,
    history: lazyHistoryStore(),
    ...overrides,
  });
}

/** The password of the seeded `admin` in every test app. */
export const TEST_ADMIN_PASSWORD = 'test-admin-password';

/**
 * A Store whose methods wait for the real one (a fresh libSQL file in a temp DATA_DIR) to open, so that
 * createTestApp() can stay synchronous.
 */
function deferredStore(opened: Promise<Store>): Store {
  const aggregate = (name: string) =>
    new Proxy(
      {},
      {
        get: (_t, method: string) =>
          method === 'all'
            ? async function* () {
                yield* (await opened).audit.all();
              }
            : async (...args: unknown[]) =>
                ((await opened)[name as 'users'] as unknown as Record<string, (...a: unknown[]) => unknown>)[
                  method
                ]!(...args),
      },
    );
  return {
    departments: aggregate('departments'),
    roles: aggregate('roles'),
    users: aggregate('users'),
    sessions: aggregate('sessions'),
    devices: aggregate('devices'),
    audit: aggregate('audit'),
    layouts: aggregate('layouts'),
    indicators: aggregate('indicators'),
    policies: aggregate('policies'),
    alarms: aggregate('alarms'),
    layoutDrafts: aggregate('layoutDrafts'),
    layoutViews: aggregate('layoutViews'),
    transaction: async (fn: Parameters<Store['transaction']>[0]) => (await opened).transaction(fn),
    backup: async (target: string) => (await opened).backup(target),
    file: '(opening)',
    close: async () => (await opened).close(),
  } as unknown as Store;
}

export type TestAppOptions = Partial<AppDeps> & {
  /** No default credential: requests carry only what the test gives them. */
  anonymous?: boolean;
  dataDir?: string;
  authOptions?: AuthOptions;
};

/**
 * The whole app, as production builds it, with a silent logger and its own store in a temp DATA_DIR.
 * Requests without an Authorization header get the seeded admin's bearer token (county scope), so tests
 * written before sign-in existed keep working; `anonymous: true` gives the bare app.
 */
export function createTestApp(overrides: TestAppOptions = {}) {
  const { anonymous, dataDir, authOptions, ...deps } = overrides;
  const hierarchy = deps.hierarchy ?? testGeography();
  const adminToken = randomBytes(24).toString('base64url');
  // Seeded (admin + its session) on the real store; everything else waits for that through the deferred
  // one, so requests need not wait: a public route (health) answers at once.
  const seeded = openStore(dataDir ?? mkdtempSync(join(tmpdir(), 'cockpit-data-'))).then(async (real) => {
    await new AuthService(real, hierarchy, createLogger('silent')).seed(TEST_ADMIN_PASSWORD);
    const admin = await real.users.byUsername('admin');
    const now = Date.now();
    await real.sessions.insert({
      id: sha256(adminToken),
      userId: admin!.id,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + (authOptions?.sessionTtlMs ?? 12 * 3600_000)).toISOString(),
      revokedAt: null,
      ip: null,
    });
    return real;
  });
  const auth =
    deps.auth ?? new AuthService(deferredStore(seeded), hierarchy, createLogger('silent'), authOptions);
  const ready = seeded.then(() => undefined);
  const app = createApp({
    config: { version: '0.0.0-test', webDist: fakeWebDist() },
    logger: createLogger('silent'),
    hierarchy: testGeography(),
    services: deps.services ?? testServices(),
    ...deps,
    auth,
  });
  const request = app.request.bind(app);
  app.request = (async (input: Request | string | URL, init?: RequestInit, ...rest: unknown[]) => {
    if (!anonymous) {
      const given = new Headers(input instanceof Request ? input.headers : init?.headers);
      if (!given.has('authorization')) {
        given.set('authorization', `Bearer ${adminToken}`);
        if (input instanceof Request) input = new Request(input, { headers: given });
        else init = { ...init, headers: given };
      }
    }
    return (request as (...a: unknown[]) => Response | Promise<Response>)(input, init, ...rest);
  }) as typeof app.request;
  return Object.assign(app, { auth, ready, adminToken, adminScope: COUNTY_CODE });
}
