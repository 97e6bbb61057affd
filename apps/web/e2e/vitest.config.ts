import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: real Chromium (playwright-core) against the built app served by the real BFF.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 90_000,
    // A browser condition (a lazily loaded panel, live data) can take tens of seconds on a busy 2-core machine:
    // polls wait up to 30 s unless a test says otherwise (still a condition, never a span of time).
    expect: { poll: { timeout: 30_000 } },
    hookTimeout: 120_000,
    // One browser at a time: two cores and a software GL renderer.
    fileParallelism: false,
    environment: 'node',
  },
});
