#!/usr/bin/env node
// Runs the browser tests in two lanes side by side: two Vitest processes, one per project of e2e/vitest.config.ts,
// each with its own simulator and BFF (global-setup.ts). Vitest itself would run two single-file projects one
// after the other, so the lanes are processes. Each output line is prefixed with its lane; the exit code is
// non-zero if either lane failed. Arguments (file filters, -t, …) go to both lanes.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const LANES = ['e2e-a', 'e2e-b'];
const args = process.argv.slice(2);

function run(lane) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        new URL('../node_modules/vitest/vitest.mjs', import.meta.url).pathname,
        'run',
        '--config',
        'e2e/vitest.config.ts',
        '--project',
        lane,
        '--passWithNoTests',
        ...args,
      ],
      { cwd: new URL('..', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
    );
    const tag = `[${lane.slice(-1)}] `;
    for (const stream of [child.stdout, child.stderr]) {
      const out = stream === child.stdout ? process.stdout : process.stderr;
      createInterface({ input: stream }).on('line', (line) => out.write(`${tag}${line}\n`));
    }
    // Ctrl-C or a CI cancel stops both lanes (and, through them, their simulators, BFFs and browsers).
    const stop = () => child.kill('SIGTERM');
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const codes = await Promise.all(LANES.map(run));
const failed = LANES.filter((_, i) => codes[i] !== 0);
if (failed.length > 0) console.error(`browser tests failed in lane ${failed.join(', ')}`);
process.exit(failed.length > 0 ? 1 : 0);
