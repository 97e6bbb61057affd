import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: real Chromium (playwright-core) against the built app served by the real BFF.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One browser at a time: two cores and a software GL renderer.
    fileParallelism: false,
    environment: 'node',
  },
});
