import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Integration tests here start simulators, servers and whole geographies. On a busy 2-core machine they take
// several times longer than alone, so the bounds are generous: a bound that stops a hang, never a timing
// assertion (tests wait for conditions).
//
// Two files at a time even on 2 cores (Vitest's default there is one): a file spends much of its time waiting
// on its simulator, servers and upstream timeouts. On two quiet cores one worker took about 6½ minutes, two
// about 4; three were no faster on a clean clone (both cores busy).
//
// Files share their worker's module graph (`isolate: false`): the geography, the registries and the simulator
// are imported once per worker instead of once per file. Importing them per file cost about 100 s of the
// suite's CPU (Vitest's "import" figure 107 s → 13 s; the suite 307 → 216 s beside another job). It is safe
// because no test here mocks modules, stubs globals or the environment, or fakes timers: every test builds its
// own app, store and simulator. A test that needs a mock or a fake clock must not be added without turning
// isolation back on for it (a `projects` entry of its own).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: Math.max(2, availableParallelism() - 1),
    isolate: false,
  },
});
