import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The command line of `pnpm bench`, run as a real process; neither case may start a suite.
const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const results = fileURLToPath(new URL('../results/latest.json', import.meta.url));
const bench = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: pkgDir, encoding: 'utf8' });
const mtime = () => {
  try {
    return statSync(results).mtimeMs;
  } catch {
    return undefined;
  }
};

describe('pnpm bench (command line)', () => {
  it('--help lists every suite and exits 0', () => {
    const r = bench('--help');
    expect(r.status).toBe(0);
    for (const suite of ['snapshot', 'upstream', 'routing', 'parking', 'map', 'layout'])
      expect(r.stdout).toMatch(new RegExp(`^  ${suite} +\\S`, 'm'));
  });

  it('an unknown suite is an error that runs nothing and leaves the last results alone', () => {
    const before = mtime();
    const r = bench('snapshot', 'snapshots');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown suite snapshots; nothing was run');
    expect(r.stderr).toContain('Suites:');
    expect(r.stdout).toBe('');
    expect(mtime()).toBe(before);
  });
});
