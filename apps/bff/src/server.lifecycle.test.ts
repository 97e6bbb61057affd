import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The server as a real process: the built bundle (what production runs), started, refused and stopped the way
// an operator or systemd would. Every wait is for a condition (a line printed, a port closed, a process
// gone), bounded so a failure fails instead of hanging.
const bffDir = fileURLToPath(new URL('..', import.meta.url));
const rootDir = fileURLToPath(new URL('../../..', import.meta.url));
const WAIT = { timeout: 60_000, interval: 100 };
const ADMIN_PASSWORD = 'lifecycle-admin-password';

beforeAll(() => {
  // Bundle the current sources (esbuild, about a second) so the test never runs a stale dist/server.mjs.
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: bffDir, stdio: 'ignore' });
}, 120_000);

type Proc = { child: ChildProcess; out: () => string; err: () => string; exited: Promise<number | null> };
const started: ChildProcess[] = [];
afterAll(() => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function run(command: string, args: string[], env: Record<string, string>, cwd = bffDir): Proc {
  const child = spawn(command, args, {
    cwd,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SIM_PORT: '0',
      LOG_LEVEL: 'info',
      // Each start gets its own store, with a known admin password (no forced change).
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cockpit-lifecycle-')),
      ADMIN_PASSWORD: ADMIN_PASSWORD,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}

const bff = (env: Record<string, string> = {}) => run(process.execPath, ['dist/server.mjs'], env);

/** The BFF's own URL and its simulator's, once it printed that it listens. */
async function listening(p: Proc) {
  return vi.waitFor(() => {
    if (p.child.exitCode !== null) throw new Error(`exited early:\n${p.err()}`);
    const url = p.out().match(/running at (http:\/\/[^\s/]+)\//)?.[1];
    const sim = p.out().match(/"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"embedded simulator started"/)?.[1];
    if (!url || !sim) throw new Error('not listening yet');
    return { url, sim, port: Number(new URL(url).port), simPort: Number(new URL(sim).port) };
  }, WAIT);
}

function portOpen(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) }).then(
    () => true,
    (e: Error & { cause?: { code?: string } }) => e.cause?.code !== 'ECONNREFUSED',
  );
}

async function portClosed(port: number) {
  await vi.waitFor(async () => expect(await portOpen(port)).toBe(false), WAIT);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every descendant of a process, from /proc (Linux). */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parentOf)
      if (parent === p) {
        found.push(child);
        walk(child);
      }
  };
  walk(pid);
  return found;
}

function holdPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

/** The one-line refusal: no Node stack trace, no raw error code dump. */
function expectOneLineRefusal(stderr: string) {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Refusing to start: /);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('stopping', () => {
  it('SIGTERM to the top `pnpm start` process ends live streams cleanly, frees both ports and leaves no process', async () => {
    const p = run('pnpm', ['start'], {}, rootDir);
    const { url, port, simPort } = await listening(p);
    const family = descendants(p.child.pid!);
    expect(family.length).toBeGreaterThanOrEqual(2); // the server (node) and its simulator

    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${url}/api/v1/live?topics=snapshot:overview:331023`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    const readAll = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'ended';
        text += new TextDecoder().decode(value);
      }
    })();
    await vi.waitFor(() => expect(text).toContain('retry:'), WAIT);

    p.child.kill('SIGTERM');
    // The stream ends with a final event and a proper end of the response, not a reset connection.
    await expect(readAll).resolves.toBe('ended');
    expect(text).toMatch(/event: shutdown\ndata: .+\n\n$/);
    await portClosed(port);
    await portClosed(simPort);
    await vi.waitFor(() => expect(family.filter(alive)).toEqual([]), WAIT);
    expect(await p.exited).not.toBeNull();
  }, 180_000);

  it('the simulator child exits when its BFF is killed outright (SIGKILL)', async () => {
    const p = bff();
    const { simPort } = await listening(p);
    const family = descendants(p.child.pid!);
    expect(family.length).toBeGreaterThanOrEqual(1);
    p.child.kill('SIGKILL');
    await p.exited;
    await portClosed(simPort);
    await vi.waitFor(() => expect(family.filter(alive)).toEqual([]), WAIT);
  }, 120_000);
});

describe('a port already in use', () => {
  it('PORT taken: one line naming the port and PORT; the simulator it started is gone', async () => {
    const held = await holdPort();
    try {
      const p = bff({ PORT: String(held.port) });
      expect(await p.exited).toBe(1);
      expectOneLineRefusal(p.err());
      expect(p.err()).toContain(`PORT ${held.port} on 127.0.0.1 is already in use`);
      expect(p.err()).toContain('set PORT to another port');
      const simPort = Number(p.out().match(/"url":"http:\/\/127\.0\.0\.1:(\d+)"/)?.[1]);
      expect(simPort).toBeGreaterThan(0);
      await portClosed(simPort);
    } finally {
      held.server.close();
    }
  }, 120_000);

  it('PORT served by another cockpit: says so', async () => {
    const first = bff();
    const { port } = await listening(first);
    try {
      const second = bff({ PORT: String(port) });
      expect(await second.exited).toBe(1);
      expectOneLineRefusal(second.err());
      expect(second.err()).toContain(
        `PORT ${port} on 127.0.0.1 is already served by another running cockpit`,
      );
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  }, 120_000);

  it('SIM_PORT taken by another program: one line naming SIM_PORT', async () => {
    const held = await holdPort();
    try {
      const p = bff({ SIM_PORT: String(held.port) });
      expect(await p.exited).toBe(1);
      expectOneLineRefusal(p.err());
      expect(p.err()).toContain(`SIM_PORT ${held.port} on 127.0.0.1 is already in use by another program`);
      expect(p.err()).toContain('set SIM_PORT to another port');
    } finally {
      held.server.close();
    }
  }, 120_000);

  it('SIM_PORT held by a simulator whose BFF is gone: the start names its own orphan', async () => {
    // An orphan as older versions left them: a simulator without a parent watch whose parent then died.
    const parent = run(
      process.execPath,
      [
        '-e',
        `const c = require('node:child_process').spawn(process.execPath, ['dist/simulator.mjs'],
          { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, SIM_PORT: '0', SIM_GEO_DIR: ${JSON.stringify(`${rootDir}/mock-data/geo/data`)} } });
         c.stdout.on('data', (d) => { process.stdout.write(d); if (/listening on/.test(d)) process.stdout.write('pid ' + c.pid + '\\n'); });`,
      ],
      {},
    );
    const { orphanPid, orphanPort } = await vi.waitFor(() => {
      if (parent.child.exitCode !== null)
        throw new Error(`the simulator's parent ended early:\n${parent.err()}`);
      const m = parent.out().match(/listening on http:\/\/127\.0\.0\.1:(\d+)[\s\S]*pid (\d+)/);
      if (!m) throw new Error('orphan not up yet');
      return { orphanPort: Number(m[1]), orphanPid: Number(m[2]) };
    }, WAIT);
    parent.child.kill('SIGKILL');
    await parent.exited;
    try {
      const p = bff({ SIM_PORT: String(orphanPort) });
      expect(await p.exited).toBe(1);
      expectOneLineRefusal(p.err());
      expect(p.err()).toContain(
        `SIM_PORT ${orphanPort} is held by a cockpit simulator (pid ${orphanPid}) left behind by an earlier start`,
      );
      expect(p.err()).toContain(`kill ${orphanPid}`);
    } finally {
      process.kill(orphanPid, 'SIGTERM');
    }
    await portClosed(orphanPort);
  }, 120_000);
});

describe('configuration errors', () => {
  it('refuses a GEO_DIR that does not exist', async () => {
    const p = bff({ GEO_DIR: '/nonexistent/geo' });
    expect(await p.exited).toBe(1);
    expect(p.err()).toContain('GEO_DIR (/nonexistent/geo): no such folder');
    expect(p.err()).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('refuses a malformed WEBHOOK_ALLOWED_HOSTS entry, naming the variable and the entry', async () => {
    const p = bff({ WEBHOOK_ALLOWED_HOSTS: 'hooks.zj.gov.cn,10.20.1.0/16' });
    expect(await p.exited).toBe(1);
    expect(p.err()).toContain(
      'WEBHOOK_ALLOWED_HOSTS: "10.20.1.0/16": bits are set past the /16 prefix (did you mean 10.20.0.0/16?)',
    );
    expect(p.err()).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('warns about a missing WEB_DIST, and HOST=0.0.0.0 prints the machine’s own addresses', async () => {
    const p = bff({ WEB_DIST: '/nonexistent/dist', HOST: '0.0.0.0' });
    await listening(p);
    try {
      expect(p.err()).toContain('Warning: WEB_DIST (/nonexistent/dist) has no index.html');
      // WEBHOOK_ALLOWED_HOSTS unset: said once, as information.
      expect(p.out().match(/"msg":"webhooks are off: WEBHOOK_ALLOWED_HOSTS lists no receiver/g)).toHaveLength(
        1,
      );
      expect(p.out()).not.toContain('http://0.0.0.0');
      const port = new URL((await listening(p)).url).port;
      const own = Object.values(networkInterfaces())
        .flat()
        .filter((i) => i?.family === 'IPv4')
        .map((i) => `http://${i!.address}:${port}/`);
      expect(own.length).toBeGreaterThan(0);
      for (const u of own) expect(p.out()).toContain(u);
    } finally {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  }, 120_000);
});
