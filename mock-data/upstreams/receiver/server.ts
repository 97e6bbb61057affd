/**
 * A simulated DingTalk-robot-style webhook receiver (钉钉机器人式 webhook 接收端), so the BFF's notification
 * dispatcher delivers to a real HTTP endpoint in tests and demos. Each channel (`/hooks/<channel>`) has a
 * secret; a delivery must carry `X-Cockpit-Timestamp` (epoch ms) and `X-Cockpit-Signature: sha256=<hex>`, the
 * HMAC-SHA256 of `<timestamp>.<raw body>` under that secret. Good deliveries are answered like DingTalk
 * (`{"errcode":0,"errmsg":"ok"}`); bad signatures get 401 `{"errcode":310000}`.
 *
 * Control (for tests):
 * - `PUT /admin/channels/<channel>` `{secret}`: register (or replace) a channel's secret;
 * - `GET /admin/deliveries?channel=`: every delivery received (verified or not), oldest first;
 * - `DELETE /admin/deliveries`: forget them;
 * - `PUT /admin/mode` `{mode: 'ok'|'fail'|'down'|'redirect', times?, location?}`: `fail` answers 503, `down`
 *   destroys the connection without an answer, `redirect` answers 302 with `Location: <location>` (a sender
 *   must not follow it); `times` limits it to the next N deliveries (then back to `ok`).
 *
 * Start in-process with `startReceiver({port: 0})`, or standalone with `tsx upstreams/receiver/main.ts`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const SIGNATURE_HEADER = 'x-cockpit-signature';
export const TIMESTAMP_HEADER = 'x-cockpit-timestamp';

/** The signature a sender puts in X-Cockpit-Signature for this body at this time. */
export function signWebhook(secret: string, timestampMs: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampMs}.${body}`).digest('hex')}`;
}

export type ReceiverMode = 'ok' | 'fail' | 'down' | 'redirect';
const MODES: readonly unknown[] = ['ok', 'fail', 'down', 'redirect'] satisfies ReceiverMode[];

export type ReceivedDelivery = {
  channel: string;
  receivedAt: string;
  /** The signature matched the channel's secret. */
  verified: boolean;
  /** The status the receiver answered with (0: the connection was dropped; 302: told to redirect). */
  status: number;
  body: unknown;
};

export interface ReceiverOptions {
  port?: number;
  host?: string;
}

export interface RunningReceiver {
  url: string;
  port: number;
  /** The deliveries received so far (the same list GET /admin/deliveries returns). */
  deliveries(): ReceivedDelivery[];
  close(): Promise<void>;
}

const MAX_BODY = 256 * 1024;

function readRaw(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) resolve(undefined);
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function verify(secret: string | undefined, req: IncomingMessage, raw: string): boolean {
  const sig = req.headers[SIGNATURE_HEADER];
  const ts = Number(req.headers[TIMESTAMP_HEADER]);
  if (!secret || typeof sig !== 'string' || !Number.isFinite(ts)) return false;
  const want = Buffer.from(signWebhook(secret, ts, raw));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}

const CHANNEL = /^\/hooks\/([A-Za-z0-9_-]{1,64})$/;
const ADMIN_CHANNEL = /^\/admin\/channels\/([A-Za-z0-9_-]{1,64})$/;

export async function startReceiver(opts: ReceiverOptions = {}): Promise<RunningReceiver> {
  const secrets = new Map<string, string>();
  const received: ReceivedDelivery[] = [];
  let mode: ReceiverMode = 'ok';
  let modeLeft = Number.POSITIVE_INFINITY;
  let redirectTo = '';

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const raw = await readRaw(req).catch(() => undefined);
    if (raw === undefined) return reply(res, 413, { errcode: 413, errmsg: 'body too large' });
    const hook = CHANNEL.exec(url.pathname);
    if (hook && req.method === 'POST') {
      const channel = hook[1]!;
      const current = mode;
      if (current !== 'ok' && --modeLeft <= 0) {
        mode = 'ok';
        modeLeft = Number.POSITIVE_INFINITY;
      }
      const verified = verify(secrets.get(channel), req, raw);
      const entry = { channel, receivedAt: new Date().toISOString(), verified, body: parseJson(raw) };
      if (current === 'down') {
        received.push({ ...entry, status: 0 });
        req.socket.destroy();
        return;
      }
      if (current === 'fail') {
        received.push({ ...entry, status: 503 });
        return reply(res, 503, { errcode: 503, errmsg: 'receiver told to fail' });
      }
      if (current === 'redirect') {
        received.push({ ...entry, status: 302 });
        res.setHeader('location', redirectTo);
        return reply(res, 302, { errcode: 302, errmsg: `moved to ${redirectTo}` });
      }
      if (!verified) {
        received.push({ ...entry, status: 401 });
        return reply(res, 401, { errcode: 310000, errmsg: 'sign not match' });
      }
      received.push({ ...entry, status: 200 });
      return reply(res, 200, { errcode: 0, errmsg: 'ok' });
    }
    const admin = ADMIN_CHANNEL.exec(url.pathname);
    if (admin && req.method === 'PUT') {
      const body = parseJson(raw) as { secret?: unknown } | undefined;
      if (typeof body?.secret !== 'string' || body.secret.length < 8)
        return reply(res, 400, {
          error: { code: 'VALIDATION', message: 'secret: a string of 8+ characters' },
        });
      secrets.set(admin[1]!, body.secret);
      return reply(res, 200, { channel: admin[1], url: `/hooks/${admin[1]}` });
    }
    if (url.pathname === '/admin/deliveries' && req.method === 'GET') {
      const channel = url.searchParams.get('channel');
      return reply(res, 200, { items: received.filter((d) => !channel || d.channel === channel) });
    }
    if (url.pathname === '/admin/deliveries' && req.method === 'DELETE') {
      received.length = 0;
      return reply(res, 200, { ok: true });
    }
    if (url.pathname === '/admin/mode' && req.method === 'PUT') {
      const body = parseJson(raw) as { mode?: unknown; times?: unknown; location?: unknown } | undefined;
      if (!body || !MODES.includes(body.mode))
        return reply(res, 400, {
          error: { code: 'VALIDATION', message: "mode: one of 'ok', 'fail', 'down', 'redirect'" },
        });
      if (body.mode === 'redirect' && (typeof body.location !== 'string' || body.location === ''))
        return reply(res, 400, {
          error: { code: 'VALIDATION', message: 'location: the URL the redirect points to' },
        });
      const times = body.times === undefined ? Number.POSITIVE_INFINITY : Number(body.times);
      if (!(times > 0))
        return reply(res, 400, { error: { code: 'VALIDATION', message: 'times: a positive number' } });
      mode = body.mode as ReceiverMode;
      modeLeft = times;
      redirectTo = typeof body.location === 'string' ? body.location : '';
      return reply(res, 200, { mode });
    }
    return reply(res, 404, {
      error: { code: 'NOT_FOUND', message: `No route for ${req.method} ${url.pathname}` },
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8095, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    deliveries: () => [...received],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
