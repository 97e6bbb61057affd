import { afterAll } from 'vitest';
import { removeTestTempDirs } from './temp-dirs';

// Registered before the file's own hooks, so it runs after them (after-hooks run in reverse order): the
// file's stores and servers are closed before their directories go.
afterAll(removeTestTempDirs);
