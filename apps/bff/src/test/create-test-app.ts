import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppDeps, createApp } from '../app';
import { openGeography } from '../geo/open';
import type { Timing } from '../indicators/datasets';
import { createLogger } from '../lib/logger';
import { createServices, type Services } from '../services';
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
    ...overrides,
  });
}

/** The whole app, as production builds it, with a silent logger. */
export function createTestApp(overrides: Partial<AppDeps> = {}) {
  return createApp({
    config: { version: '0.0.0-test', webDist: fakeWebDist() },
    logger: createLogger('silent'),
    hierarchy: testGeography(),
    services: overrides.services ?? testServices(),
    ...overrides,
  });
}
