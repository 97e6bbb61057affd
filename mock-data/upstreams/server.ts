/**
 * The upstream simulator: one HTTP server hosting five department systems, each under its own prefix and in
 * its own style, plus /admin (clock, fault injection, incident injection). Start it in-process with
 * `startSimulator()` or standalone with `pnpm --filter @cockpit/mock-data start` (./main.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClock, type SimClock } from './clock';
import { countySystem } from './county/routes';
import { emergencySystem, RaiseIncident } from './emergency/routes';
import { envSystem } from './env/routes';
import { DRIFT_RENAMES, FaultBoard, FaultRequest, malform, renameKeys, SYSTEM_IDS } from './faults';
import { DEFAULT_GEO_DIR, loadGeo } from './geo';
import { grassrootsSystem } from './grassroots/routes';
import { parkingSystem } from './parking/routes';
import { type Ctx, type Reply, Router } from './router';
import type { SimContext, SystemModule } from './system';

export const DEFAULT_PORT = 8090;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_SEED = 20211;

export interface StartOptions {
  /** 0 picks a free port; default 8090 */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** default 20211 */
  seed?: number;
  /** simulated seconds per real second; default 1; 0 freezes the clock at startAt */
  speed?: number;
  /** the simulated instant at start-up (sim epoch); default: the real now */
  startAt?: Date;
  /** geography folder; default mock-data/geo/data */
  geoDir?: string;
  /**
   * The real-time source the simulated clock runs on (epoch ms; default Date.now). A test passes its own to
   * drive simulated time step by step, so a live flow advances only when the test says so.
   */
  realNow?: () => number;
}

export interface RunningSimulator {
  url: string;
  port: number;
  clock: SimClock;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

class BodyError extends Error {}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new BodyError('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new BodyError('body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, text: string, simNow: number): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-sim-now': new Date(simNow).toISOString(),
  });
  res.end(text);
}

const validation = (message: string): Reply => ({
  status: 400,
  body: { error: { code: 'VALIDATION', message } },
});

export async function startSimulator(opts: StartOptions = {}): Promise<RunningSimulator> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const speed = opts.speed ?? 1;
  if (!Number.isFinite(seed)) throw new Error('seed must be a finite number');
  if (!Number.isFinite(speed) || speed < 0) throw new Error('speed must be a number ≥ 0');
  const startAt = opts.startAt ?? new Date(Math.floor(Date.now() / 1000) * 1000);
  const geoDir = opts.geoDir ?? DEFAULT_GEO_DIR;
  const geo = loadGeo(geoDir);
  const clock = createClock({ seed, speed, startAt, ...(opts.realNow ? { realNow: opts.realNow } : {}) });
  const ctx: SimContext = { seed, clock, geo, geoDir };

  const parking = parkingSystem(ctx);
  const emergency = emergencySystem(ctx);
  const systems: SystemModule[] = [
    parking,
    emergency,
    envSystem(ctx),
    countySystem(ctx),
    grassrootsSystem(ctx),
  ];
  const routers = new Map(systems.map((s) => [s.id, new Router().addAll(s.routes)]));
  const faults = new FaultBoard(seed);
  // Who runs this simulator: a BFF that finds the port taken reads this to tell its own orphan from a stranger.
  const parentPid = process.ppid;

  const admin = new Router().addAll([
    {
      method: 'GET',
      pattern: '/admin/clock',
      handler: ({ now }) => ({
        status: 200,
        body: {
          simNow: new Date(now).toISOString(),
          speed: clock.speed,
          seed: clock.seed,
          startAt: clock.startAt.toISOString(),
        },
      }),
    },
    {
      // Change the clock's speed from now on: {"speed": 0} freezes the simulated world (a test compares two
      // readings of it), {"speed": 60} lets it run again from where it stood. Time never jumps or runs back.
      method: 'POST',
      pattern: '/admin/clock',
      handler: ({ body }) => {
        const speed = (body as { speed?: unknown } | null)?.speed;
        if (typeof speed !== 'number' || !Number.isFinite(speed) || speed < 0 || speed > 100_000)
          return validation('speed: expected a number from 0 to 100000 (simulated seconds per real second)');
        const at = clock.setSpeed(speed);
        return { status: 200, body: { simNow: new Date(at).toISOString(), speed: clock.speed } };
      },
    },
    {
      method: 'GET',
      pattern: '/admin/health',
      handler: () => ({
        status: 200,
        body: {
          status: 'ok',
          systems: systems.map((s) => s.prefix),
          villagePositions: geo.villageSource,
          process: { pid: process.pid, parentPid, orphaned: process.ppid !== parentPid },
        },
      }),
    },
    {
      method: 'GET',
      pattern: '/admin/faults',
      handler: () => ({ status: 200, body: { faults: faults.all() } }),
    },
    {
      method: 'POST',
      pattern: '/admin/faults',
      handler: ({ body, now }) => {
        const parsed = FaultRequest.safeParse(body);
        if (!parsed.success)
          return validation(
            parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
          );
        const state = faults.set(parsed.data, new Date(now).toISOString());
        return { status: 200, body: { system: parsed.data.system, fault: state, faults: faults.all() } };
      },
    },
    {
      method: 'POST',
      pattern: '/admin/incidents',
      handler: ({ body, now }) => {
        const parsed = RaiseIncident.safeParse(body);
        if (!parsed.success) {
          return validation(
            'expected {lon, lat, severity, injury_type} or {villageCode, severity, injury_type}',
          );
        }
        const row = emergency.raise(parsed.data, now);
        if (typeof row === 'string') return validation(row);
        return { status: 201, body: { incident: row } };
      },
    },
  ]);

  let closed = false;
  const hung = new Set<ServerResponse>();
  const sleepers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const s = {
        timer: setTimeout(() => {
          sleepers.delete(s);
          resolve();
        }, ms),
        resolve,
      };
      sleepers.add(s);
    });

  const dispatch = async (
    router: Router,
    req: IncomingMessage,
    path: string,
    url: URL,
    now: number,
  ): Promise<Reply> => {
    const m = router.match(req.method ?? 'GET', path);
    if (m.kind === 'not-found') return { status: 404, body: undefined };
    if (m.kind === 'method-not-allowed') return { status: 405, body: undefined };
    let body: unknown;
    if (req.method === 'POST') {
      try {
        body = await readBody(req);
      } catch (e) {
        return validation(e instanceof Error ? e.message : 'bad body');
      }
    }
    const c: Ctx = {
      method: req.method ?? 'GET',
      path,
      params: m.params,
      query: url.searchParams,
      body,
      now,
    };
    return m.handler(c);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const now = clock.nowMs();
    const url = new URL(req.url ?? '/', 'http://simulator');
    const path = url.pathname.replace(/\/+$/, '') || '/';

    if (path === '/' || path === '/admin' || path.startsWith('/admin/')) {
      if (path === '/') {
        return send(
          res,
          200,
          JSON.stringify({
            name: 'tiantai-upstream-simulator',
            systems: systems.map((s) => s.prefix),
            admin: '/admin',
          }),
          now,
        );
      }
      const r = await dispatch(admin, req, path, url, now);
      const body = r.body ?? {
        error: {
          code: r.status === 405 ? 'METHOD_NOT_ALLOWED' : 'NOT_FOUND',
          message: `${req.method} ${path}`,
        },
      };
      return send(res, r.status, JSON.stringify(body), now);
    }

    const sys = systems.find((s) => path === s.prefix || path.startsWith(`${s.prefix}/`));
    if (!sys) return send(res, 404, JSON.stringify({ error: { code: 'NOT_FOUND', message: path } }), now);

    const fault = faults.get(sys.id);
    if (fault.mode === 'outage') {
      req.socket.resetAndDestroy();
      return;
    }
    if (fault.mode === 'timeout') {
      hung.add(res);
      res.on('close', () => hung.delete(res));
      return; // never answer
    }
    if (fault.mode === 'latency') {
      await sleep(fault.latencyMs ?? 0);
      if (closed) {
        res.destroy();
        return;
      }
    }
    if (fault.mode === 'errors' && faults.shouldFail(fault.errorRate ?? 0)) {
      const status = faults.errorStatus();
      return send(res, status, JSON.stringify(sys.errorBody(status, 'injected fault', now)), now);
    }

    const router = routers.get(sys.id);
    let r: Reply;
    try {
      r = router ? await dispatch(router, req, path, url, now) : { status: 404, body: undefined };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      r = { status: 500, body: sys.errorBody(500, message, now) };
    }
    let body =
      r.body ??
      sys.errorBody(r.status, r.status === 405 ? 'method not allowed' : `no such path: ${path}`, now);
    if (fault.mode === 'drift') body = renameKeys(body, DRIFT_RENAMES[sys.id]);
    else if (sys.faulty && r.status === 200) body = sys.faulty(fault.mode, path, body);
    const text = JSON.stringify(body);
    if (fault.mode === 'malformed') return send(res, 200, malform(text), now);
    send(res, r.status, text, now);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      send(res, 500, JSON.stringify({ error: { code: 'INTERNAL', message } }), clock.nowMs());
    });
  });
  // Idle keep-alive sockets stay open a minute. A client reuses a pooled socket until shortly before the
  // server's announced timeout; on a busy machine a short timeout (5 s) let the server close a socket just as a
  // late client timer sent on it ("fetch failed" in a test's admin call). close() ends every connection anyway.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_PORT, opts.host ?? DEFAULT_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    clock,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const s of sleepers) {
        clearTimeout(s.timer);
        s.resolve();
      }
      sleepers.clear();
      for (const res of hung) res.destroy();
      hung.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await done;
    },
  };
}

export { SYSTEM_IDS };
