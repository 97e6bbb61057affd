import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Integration tests here start simulators, servers and whole geographies. On a busy 2-core machine they take
// several times longer than alone, so the bounds are generous: a bound that stops a hang, never a timing
// assertion (tests wait for conditions).
//
// Two files at a time even on 2 cores (Vitest's default there is one): a file spends much of its time waiting
// on its simulator, servers and upstream timeouts. On two quiet cores one worker took about 6½ minutes, two
// about 4; three were no faster on a clean clone (both cores busy).
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 120_000, maxWorkers: Math.max(2, availableParallelism() - 1) },
});
