import { connect } from 'node:net';
import { applyDelta, type Json } from '@cockpit/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../services';
import { createTestApp, testServices } from '../../test/create-test-app';
import { serveTestApp } from '../../test/real-server';

type SseEvent = { id?: string; event?: string; data: string };

/** Reads SSE events from a streaming response until `count` events arrived (comments are skipped). */
async function readEvents(res: Response, count: number, timeoutMs = 30_000): Promise<SseEvent[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (events.length < count && Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<{ done: true; value: undefined }>((r) =>
          setTimeout(() => r({ done: true, value: undefined }), deadline - Date.now()),
        ),
      ]);
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let sep = buffer.indexOf('\n\n');
      while (sep >= 0) {
        const block = buffer.slice(0, sep);
        buffer = buffer.slice(sep + 2);
        const ev: SseEvent = { data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith('id:')) ev.id = line.slice(3).trim();
          else if (line.startsWith('event:')) ev.event = line.slice(6).trim();
          else if (line.startsWith('data:')) ev.data += line.slice(5).trim();
        }
        if (ev.event) events.push(ev);
        sep = buffer.indexOf('\n\n');
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}

const TOPIC = 'snapshot:overview:331023';
const OTHER = 'snapshot:overview:331023105';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** The app on a real Node server (port 0): the live route writes to Node's response as in production. */
async function realServer(services: Services): Promise<string> {
  const server = await serveTestApp(services);
  stops.push(server.close);
  return server.url;
}

/** A client: applies snapshots and deltas per topic exactly as the web does, refusing a wrong base. */
function applyAll(events: SseEvent[], start = new Map<string, { version: string; value: Json }>()) {
  const state = new Map(start);
  for (const ev of events) {
    if (ev.event !== 'snapshot' && ev.event !== 'delta') continue;
    const data = JSON.parse(ev.data) as { topic: string; version: string; base: string | null } & Record<
      string,
      Json
    >;
    expect(ev.id).toBe(data.version);
    if (ev.event === 'snapshot') state.set(data.topic, { version: data.version, value: data.snapshot! });
    else {
      const have = state.get(data.topic);
      expect(have?.version).toBe(data.base);
      state.set(data.topic, {
        version: data.version,
        value: applyDelta(have!.value, data.delta as Parameters<typeof applyDelta>[1]),
      });
    }
  }
  return state;
}

describe('GET /api/v1/live', () => {
  it('validates topics', async () => {
    const app = createTestApp();
    expect((await app.request('/api/v1/live')).status).toBe(400);
    expect((await app.request('/api/v1/live?topics=weather')).status).toBe(400);
    const unknown = await app.request('/api/v1/live?topics=snapshot:overview:331023999');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'REGION_NOT_FOUND' } });
  });

  it('answers HEAD with the stream headers and no subscription', async () => {
    const services = testServices();
    const url = await realServer(services);
    services.hub.publish(TOPIC, '{"n":0}');
    const res = await fetch(`${url}/api/v1/live?topics=${TOPIC}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(services.hub.size).toBe(0);
  });

  it('sends a full snapshot on join, then deltas whose application equals each published snapshot', async () => {
    const services = testServices();
    const url = await realServer(services);
    services.hub.publish(TOPIC, '{"n":0,"list":[{"id":"a","v":1}]}');
    const res = await fetch(`${url}/api/v1/live?topics=${TOPIC}`);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reading = readEvents(res, 4);
    await expect.poll(() => services.hub.size).toBe(1);
    const bodies = [
      { n: 1, list: [{ id: 'a', v: 1 }] },
      { n: 1, list: [{ id: 'b', v: 2 }] },
      { n: 2, list: [{ id: 'b', v: 3 }] },
    ];
    services.hub.publish(OTHER, '{"other":true}');
    for (const b of bodies) services.hub.publish(TOPIC, JSON.stringify(b));
    const seen = await reading;
    expect(seen.map((e) => e.event)).toEqual(['snapshot', 'delta', 'delta', 'delta']);
    expect(applyAll(seen).get(TOPIC)?.value).toEqual(bodies.at(-1));
    for (const e of seen) expect(JSON.parse(e.data).publishedAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it('replays exactly what a reconnect missed, as deltas on the version it had', async () => {
    const services = testServices();
    const url = await realServer(services);
    services.hub.publish(TOPIC, '{"n":0}');
    const first = await readEvents(await fetch(`${url}/api/v1/live?topics=${TOPIC}`), 1);
    const state = applyAll(first);
    services.hub.publish(TOPIC, '{"n":1}');
    services.hub.publish(TOPIC, '{"n":2,"x":[1]}');
    const again = await fetch(`${url}/api/v1/live?topics=${TOPIC}`, {
      headers: { 'Last-Event-ID': first[0]!.id! },
    });
    const replayed = await readEvents(again, 2);
    expect(replayed.map((e) => e.event)).toEqual(['delta', 'delta']);
    expect(applyAll(replayed, state).get(TOPIC)?.value).toEqual({ n: 2, x: [1] });
  });

  it('answers an id from another run, or one that left the buffer, with reset and a full snapshot', async () => {
    const services = testServices(undefined, { replayBuffer: 3 });
    const url = await realServer(services);
    for (let i = 0; i < 10; i++) services.hub.publish(TOPIC, `{"n":${i}}`);
    for (const lastId of ['2', 'zz0-5', `${services.hub.epoch}-2`, `${services.hub.epoch}-99`]) {
      const res = await fetch(`${url}/api/v1/live?topics=${TOPIC}`, { headers: { 'Last-Event-ID': lastId } });
      const events = await readEvents(res, 2);
      expect(events.map((e) => e.event)).toEqual(['reset', 'snapshot']);
      expect(JSON.parse(events[1]!.data).snapshot).toEqual({ n: 9 });
    }
  });

  it('caps streams per client address with a clear error', async () => {
    const services = testServices(undefined, { liveMaxStreamsPerAddress: 2 });
    const url = await realServer(services);
    services.hub.publish(TOPIC, '{"n":0}');
    const open = [
      await fetch(`${url}/api/v1/live?topics=${TOPIC}`),
      await fetch(`${url}/api/v1/live?topics=${TOPIC}`),
    ];
    const third = await fetch(`${url}/api/v1/live?topics=${TOPIC}`);
    expect(third.status).toBe(429);
    const body = (await third.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('TOO_MANY_STREAMS');
    expect(body.error.message).toContain('2 live streams');
    for (const r of open) await r.body?.cancel();
    await expect.poll(() => services.hub.size).toBe(0);
  });

  it('drops a client that stops reading once its socket holds the bound, and destroys the socket', async () => {
    const services = testServices(undefined, { liveMaxWaitingBytes: 256 * 1024 });
    const url = new URL(await realServer(services));
    services.hub.publish(TOPIC, '{"n":0}');
    // A raw client that sends its request and then never reads (as a frozen screen does for 150 s).
    const socket = connect(Number(url.port), url.hostname);
    socket.pause();
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('error', () => undefined);
    socket.write(`GET /api/v1/live?topics=${TOPIC} HTTP/1.1\r\nHost: x\r\n\r\n`);
    await expect.poll(() => services.hub.size).toBe(1);
    // Publish big changes until the bound is hit: the kernel's buffers fill first, then Node's.
    const pads = ['a'.repeat(256 * 1024), 'b'.repeat(256 * 1024)];
    let n = 0;
    while (services.hub.size > 0 && n < 2000) {
      services.hub.publish(TOPIC, JSON.stringify({ n: ++n, pad: pads[n % 2] }));
      services.hub.flush();
      await new Promise((r) => setImmediate(r));
    }
    expect(services.hub.size).toBe(0);
    expect(services.hub.drops.get('slow')).toBe(1);
    expect(services.hub.queuedBytes).toBe(0);
    expect(services.hub.streamsFrom('127.0.0.1')).toBe(0);
    // The server destroyed the connection: once the client reads again it finds the stream cut off.
    socket.resume();
    await closed;
  }, 60_000);
});
