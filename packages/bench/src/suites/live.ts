import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { spawnBuiltBff } from '../../../../apps/bff/scripts/spawn-built.mjs';
import type { Row } from '../harness';
import { signIn } from '../session';
import { percentile } from '../stats';

/** Clients per step; each runs against the BFF and against the bare baseline, one after the other. */
const STEPS = (process.env.BENCH_LIVE_CLIENTS ?? '100,1000,3000').split(',').map(Number);
/** Seconds measured per phase, after every client has its first snapshot. */
const MEASURE_S = Number(process.env.BENCH_LIVE_SECONDS ?? 20);
const CONNECT_TIMEOUT_MS = 300_000;
/** Clients that connect at once. */
const RAMP = 200;

type Phase = {
  lags: number[];
  bytes: number;
  /** What the same events would have cost as whole snapshots (the stream before deltas). */
  bytesAsSnapshots: number;
  events: number;
  cpuPercent: number;
  rssMb: number;
  connected: number;
};

type Client = { close: () => void };

const pct = (values: number[], p: number) => (values.length ? percentile(values, p) : Number.NaN);
const maxOf = (values: number[]) =>
  values.length ? values.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY) : Number.NaN;

/** Realistic topics: every theme of the county and of each township. */
async function topicsOf(bffUrl: string, token: string): Promise<string[]> {
  const county = (await (
    await fetch(`${bffUrl}/api/v1/regions/331023`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as {
    children?: { code: string }[];
    childCodes?: string[];
  };
  const townships = county.childCodes ?? county.children?.map((c) => c.code) ?? [];
  const themes = ['overview', 'parking', 'trauma', 'eco'];
  return ['331023', ...townships].flatMap((code) => themes.map((t) => `snapshot:${t}:${code}`));
}

/** CPU seconds (user + system) and RSS of a process, from /proc. */
function usage(pid: number): { cpuS: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuS: ticks / 100, rssMb: rssKb / 1024 };
}

/**
 * Opens `n` SSE clients on `url`, spread over the topics, and measures for MEASURE_S seconds after all of
 * them have their first snapshot: lag of every delta (arrival − publishedAt), bytes, and the server's CPU
 * and RSS.
 */
async function phase(
  label: string,
  url: string,
  topics: string[],
  n: number,
  pid: number,
  token: string,
): Promise<Phase> {
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const clients: Client[] = [];
  let measuring = false;
  let ready = 0;
  let errors = 0;
  let firstError: string | undefined;
  const out: Phase = {
    lags: [],
    bytes: 0,
    bytesAsSnapshots: 0,
    events: 0,
    cpuPercent: 0,
    rssMb: 0,
    connected: 0,
  };
  const snapshotBytes = new Map<string, number>();
  const allReady = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `${label}: only ${ready} of ${n} clients got a snapshot in ${CONNECT_TIMEOUT_MS / 1000} s (${out.connected} connected, ${errors} errors${firstError ? `, e.g. ${firstError}` : ''})`,
          ),
        ),
      CONNECT_TIMEOUT_MS,
    );
    const oneReady = () => {
      if (++ready === n) {
        clearTimeout(timer);
        resolve();
      }
    };
    const open = (i: number, answered: () => void) => {
      const topic = topics[i % topics.length]!;
      let gotFirst = false;
      let buffer = '';
      const req = get(
        `${url}/api/v1/live?topics=${topic}`,
        { agent, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          out.connected++;
          answered();
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            const now = Date.now();
            if (measuring) out.bytes += Buffer.byteLength(chunk);
            buffer += chunk;
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
              const frame = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              end = buffer.indexOf('\n\n');
              const isSnapshot = frame.includes('\nevent: snapshot\n');
              if (isSnapshot) snapshotBytes.set(topic, Buffer.byteLength(frame) + 2);
              if (!gotFirst && isSnapshot) {
                gotFirst = true;
                oneReady();
              }
              if (!measuring || !frame.includes('\nevent: delta\n')) continue;
              const at = frame.indexOf('"publishedAt":"');
              if (at < 0) continue;
              const published = Date.parse(frame.slice(at + 15, at + 39));
              out.lags.push(now - published);
              out.events++;
              out.bytesAsSnapshots += snapshotBytes.get(topic) ?? 0;
            }
          });
        },
      );
      req.on('error', (err) => {
        errors++;
        firstError ??= err.message;
        answered();
      });
      clients.push({ close: () => req.destroy() });
    };
    // Clients arrive in waves of RAMP (as screens reconnect with jittered backoff), not all in one
    // millisecond, which would overflow the listen backlog of any server.
    void (async () => {
      for (let i = 0; i < n; i += RAMP) {
        const wave = Math.min(RAMP, n - i);
        await new Promise<void>((done) => {
          let left = wave;
          for (let k = 0; k < wave; k++)
            open(i + k, () => {
              if (--left === 0) done();
            });
        });
      }
    })();
  });
  try {
    await allReady;
    const before = usage(pid);
    measuring = true;
    let peakRss = before.rssMb;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, usage(pid).rssMb);
    }, 1000);
    await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
    measuring = false;
    clearInterval(sampler);
    const after = usage(pid);
    out.cpuPercent = ((after.cpuS - before.cpuS) / MEASURE_S) * 100;
    out.rssMb = Math.max(peakRss, after.rssMb);
    return out;
  } finally {
    for (const c of clients) c.close();
    agent.destroy();
  }
}

async function startBare(bffUrl: string, token: string): Promise<{ url: string; child: ChildProcess }> {
  const entry = fileURLToPath(new URL('../live-bare-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry, bffUrl, token], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (c: Buffer) => {
      text += c.toString();
      const m = text.match(/listening on (\S+)/);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`bare live server exited ${code}`)));
  });
  return { url, child };
}

/**
 * The live stream at 100, 1,000 and 3,000 clients over realistic topics at one refresh per second, each
 * step run against the BFF and then against a bare node:http SSE server that writes the same bytes to the
 * same clients. Loopback only; every phase is bounded in time and count.
 */
export async function liveSuite(): Promise<Row[]> {
  const bff = (await spawnBuiltBff({
    LIVE_TICK_MS: '1000',
    UPSTREAM_REFRESH_MS: '1000',
    SIM_SPEED: '60',
    LIVE_MAX_STREAMS_PER_ADDRESS: '100000',
  })) as { url: string; stop: () => Promise<void>; child: ChildProcess };
  const rows: Row[] = [];
  try {
    // Every client is a signed-in screen (the admin's session); the bare relay follows the BFF with it too.
    const token = await signIn(bff.url);
    const topics = await topicsOf(bff.url, token);
    const bare = await startBare(bff.url, token);
    try {
      for (const n of STEPS) {
        let subject: Phase;
        let baseline: Phase;
        try {
          subject = await phase('BFF', bff.url, topics, n, bff.child.pid!, token);
          baseline = await phase('bare', bare.url, topics, n, bare.child.pid!, token);
        } catch (err) {
          // A step that cannot connect everyone is reported as such; the other steps still count.
          const note = (err as Error).message;
          rows.push({
            suite: 'live',
            figure: `${n} clients`,
            unit: '',
            subject: Number.NaN,
            baseline: null,
            ratio: null,
            note,
          });
          console.log(`[bench] live ${n} clients: ${note}`);
          continue;
        }
        const perMin = (p: Phase) => p.bytes / n / (MEASURE_S / 60);
        const row = (
          figure: string,
          unit: string,
          s: number,
          b: number | null,
          extra: Partial<Row> = {},
        ): Row => ({
          suite: 'live',
          figure: `${figure}, ${n} clients`,
          unit,
          subject: s,
          baseline: b,
          ratio: b ? s / b : null,
          ...extra,
        });
        const p99 = pct(subject.lags, 99);
        const bareP99 = pct(baseline.lags, 99);
        rows.push(
          row('lag p50', 'ms', pct(subject.lags, 50), pct(baseline.lags, 50)),
          row(
            'lag p99',
            'ms',
            p99,
            bareP99,
            n === 1000 ? { target: '≤ 1.5× bare', pass: p99 <= 1.5 * Math.max(bareP99, 1) } : {},
          ),
          row('lag max', 'ms', maxOf(subject.lags), maxOf(baseline.lags)),
          row('bytes per client per minute', 'B', perMin(subject), perMin(baseline), {
            note: `as whole snapshots (before deltas): ${Math.round(subject.bytesAsSnapshots / n / (MEASURE_S / 60))} B; ${subject.events} deltas`,
          }),
          row('server CPU', '%', subject.cpuPercent, baseline.cpuPercent),
          row('server RSS (peak)', 'MB', subject.rssMb, baseline.rssMb),
        );
        console.log(`[bench] live ${n} clients: p99 ${p99} ms (bare ${bareP99} ms)`);
      }
    } finally {
      bare.child.kill('SIGTERM');
    }
  } finally {
    await bff.stop();
  }
  return rows;
}
