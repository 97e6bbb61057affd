import { defineConfig } from 'vitest/config';

const root = new URL('..', import.meta.url).pathname;

/**
 * Browser end-to-end tests: real Chromium (playwright-core) against the built app served by the real BFF.
 *
 * Two lanes, one project each, run side by side as two Vitest processes (`e2e/run-lanes.mjs`; one Vitest
 * process would run two single-file projects one after the other). Each lane has its own simulator and BFF
 * (global-setup.ts runs per project), so a fault injected or a layout published in one lane never reaches the
 * other; within a lane, one file at a time. Lane B is the list below; every other file (a new one too) runs
 * in lane A. The lists are balanced by duration.
 */
/**
 * The extended set: the layout checks (every profile × cockpit × level, and every seeded layout on its own
 * profile; `pnpm test:extended` runs their samples, `e2e:layout` their whole matrix), the drill-down by
 * clicks, search and tap, the app shell (language, profiles, errors) and screen pairing. `pnpm test` runs
 * everything else, to stay within CI's 15 minutes on two cores (the browser tests are CPU-bound there).
 */
const EXTENDED = [
  'e2e/layout.e2e.test.ts',
  'e2e/layout-fit.e2e.test.ts',
  'e2e/drilldown.e2e.test.ts',
  'e2e/shell.e2e.test.ts',
  'e2e/pairing.e2e.test.ts',
];
const extended = process.env.E2E_SET === 'extended';

const LANE_B = [
  'e2e/studio.e2e.test.ts',
  'e2e/layouts.e2e.test.ts',
  'e2e/overview.e2e.test.ts',
  'e2e/auth.e2e.test.ts',
  'e2e/trauma.e2e.test.ts',
  'e2e/drilldown.e2e.test.ts',
  'e2e/layout-fit.e2e.test.ts',
];
const all = ['e2e/**/*.e2e.test.ts'];
const laneA = extended ? EXTENDED.filter((f) => !LANE_B.includes(f)) : all;
const laneB = extended ? EXTENDED.filter((f) => LANE_B.includes(f)) : LANE_B;
const excluded = extended ? [] : EXTENDED;

const lane = {
  root,
  globalSetup: ['e2e/global-setup.ts'],
  // Bounds that stop a hang, never timings: on two cores busy with other work a wall test can take minutes.
  testTimeout: 180_000,
  // A browser condition (a lazily loaded panel, live data) can take tens of seconds on a busy 2-core machine:
  // polls wait up to 30 s unless a test says otherwise (still a condition, never a span of time).
  expect: { poll: { timeout: 30_000 } },
  hookTimeout: 120_000,
  // One browser at a time within a lane.
  fileParallelism: false,
  environment: 'node' as const,
};

export default defineConfig({
  test: {
    root,
    projects: [
      { test: { ...lane, name: 'e2e-a', include: laneA, exclude: [...LANE_B, ...excluded] } },
      { test: { ...lane, name: 'e2e-b', include: laneB, exclude: excluded } },
    ],
  },
});
