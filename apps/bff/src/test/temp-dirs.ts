import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Temp directories of the test apps (their DATA_DIR stores, web dists, history stores), removed after each
 * test file by test/cleanup.setup.ts. Without it every run left a few thousand directories and gigabytes of
 * SQLite files in the machine's temp directory.
 */
const made: string[] = [];

export function testTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTestTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
