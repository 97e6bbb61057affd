import { describe, expect, it, vi } from 'vitest';
import { createTestApp, testServices } from '../../test/create-test-app';

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

describe('GET /api/v1/live', () => {
  it('validates topics', async () => {
    const app = createTestApp();
    expect((await app.request('/api/v1/live')).status).toBe(400);
    expect((await app.request('/api/v1/live?topics=weather')).status).toBe(400);
    const unknown = await app.request('/api/v1/live?topics=snapshot:overview:331023999');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'REGION_NOT_FOUND' } });
  });

  it('streams published events of the subscribed topics, and replays what a reconnect missed', async () => {
    const services = testServices();
    const app = createTestApp({ services });
    const first = await app.request(`/api/v1/live?topics=${TOPIC}&lastEventId=0`, {
      headers: { Accept: 'text/event-stream' },
    });
    expect(first.headers.get('content-type')).toContain('text/event-stream');
    expect(first.headers.get('content-encoding')).toBeNull();
    const reading = readEvents(first, 3);
    // Publish once the stream has subscribed (a condition, not a pause).
    await vi.waitFor(() => expect(services.hub.size).toBe(1));
    services.hub.publish(TOPIC, 'snapshot', '{"n":1}');
    services.hub.publish('snapshot:overview:331023105', 'snapshot', '{"other":true}');
    services.hub.publish(TOPIC, 'snapshot', '{"n":2}');
    services.hub.publish(TOPIC, 'snapshot', '{"n":3}');
    const seen = await reading;
    expect(seen.map((e) => e.data)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);

    // While disconnected, more events are published; the reconnect with Last-Event-ID gets exactly those.
    services.hub.publish(TOPIC, 'snapshot', '{"n":4}');
    services.hub.publish(TOPIC, 'snapshot', '{"n":5}');
    const again = await app.request(`/api/v1/live?topics=${TOPIC}`, {
      headers: { 'Last-Event-ID': seen.at(-1)!.id! },
    });
    const replayed = await readEvents(again, 2);
    expect(replayed.map((e) => e.data)).toEqual(['{"n":4}', '{"n":5}']);
    const ids = [...seen, ...replayed].map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('tells a client to reload when the events it missed are no longer buffered', async () => {
    const services = testServices(undefined, { replayBuffer: 3 });
    const app = createTestApp({ services });
    for (let i = 0; i < 10; i++) services.hub.publish(TOPIC, 'snapshot', `{"n":${i}}`);
    const res = await app.request(`/api/v1/live?topics=${TOPIC}`, { headers: { 'Last-Event-ID': '2' } });
    const [event] = await readEvents(res, 1);
    expect(event?.event).toBe('reset');
  });
});
