import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { alternate, type Row } from '../harness';

const CONNECTIONS = 64;
const DURATION_S = 5;

type Load = { rps: number; p99: number };

export function load(url: string, headers: Record<string, string> = {}): Promise<Load> {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S }, (err, result) => {
      if (err) return reject(err);
      if (result.non2xx > 0 || result.errors > 0) {
        return reject(new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      }
      resolve({ rps: result.requests.average, p99: result.latency.p99 });
    });
  });
}

export async function startBare(body: string): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  const file = join(dir, 'snapshot.json');
  writeFileSync(file, body);
  const entry = fileURLToPath(new URL('../bare-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = out.match(/listening on (\S+)/);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`bare server exited ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/**
 * Snapshot throughput and p99 latency at 64 connections, signed in (a valid session as bearer token: the
 * guard's checks are part of what is measured), against a bare Hono route with the same bytes.
 */
export async function snapshotThroughputSuite(ctx: {
  bffUrl: string;
  runs: number;
  token: string;
}): Promise<Row[]> {
  const path = '/api/v1/cockpits/overview/331023/snapshot';
  const session = { authorization: `Bearer ${ctx.token}` };
  const body = await (await fetch(`${ctx.bffUrl}${path}`)).text();
  const bare = await startBare(body);
  try {
    // Warm both up (JIT, caches) before measuring.
    await load(`${ctx.bffUrl}${path}`, session);
    await load(`${bare.url}/snapshot`);
    const rps: { s: number[]; b: number[] } = { s: [], b: [] };
    const p99: { s: number[]; b: number[] } = { s: [], b: [] };
    const runs = Math.max(3, Math.min(ctx.runs, 5));
    const result = await alternate(
      runs,
      async () => {
        const r = await load(`${ctx.bffUrl}${path}`, session);
        p99.s.push(r.p99);
        rps.s.push(r.rps);
        return r.rps;
      },
      async () => {
        const r = await load(`${bare.url}/snapshot`);
        p99.b.push(r.p99);
        rps.b.push(r.rps);
        return r.rps;
      },
    );
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = result.subject / result.baseline;
    return [
      {
        suite: 'snapshot',
        figure: `overview snapshot throughput, signed in, ${CONNECTIONS} connections (${(body.length / 1024).toFixed(1)} KiB)`,
        unit: 'req/s',
        subject: result.subject,
        baseline: result.baseline,
        ratio,
        target: '≥ 0.75×',
        pass: ratio >= 0.75,
        note: `median of ${runs} × ${DURATION_S} s, alternating; baseline = bare Hono route, same bytes`,
      },
      {
        suite: 'snapshot',
        figure: `overview snapshot p99 latency, signed in, ${CONNECTIONS} connections`,
        unit: 'ms',
        subject: median(p99.s),
        baseline: median(p99.b),
        ratio: median(p99.s) / median(p99.b),
        note: 'lower is better',
      },
    ];
  } finally {
    bare.stop();
  }
}
