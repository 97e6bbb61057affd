import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppDeps, createApp } from '../app';
import { openGeography } from '../geo/open';
import { createLogger } from '../lib/logger';

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

/** The whole app, as production builds it, with a silent logger. */
export function createTestApp(overrides: Partial<AppDeps> = {}) {
  return createApp({
    config: { version: '0.0.0-test', webDist: fakeWebDist() },
    logger: createLogger('silent'),
    hierarchy: testGeography(),
    ...overrides,
  });
}
