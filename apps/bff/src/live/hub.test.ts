import { applyDelta, type Json } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { LiveHub, type LiveSink, type Subscriber } from './hub';

/** A sink that records what it was given; `waiting` plays the bytes still in its socket. */
function recordingSink() {
  const writes: Buffer[][] = [];
  const sink = {
    writes,
    waiting: 0,
    destroyed: false,
    write: (chunks: readonly Buffer[]) => {
      writes.push([...chunks]);
    },
    waitingBytes: () => sink.waiting,
    destroy: () => {
      sink.destroyed = true;
    },
    ended: null as Buffer[] | null,
    end: (chunks: readonly Buffer[]) => {
      sink.ended = [...chunks];
    },
  };
  return sink satisfies LiveSink;
}

const sub = (topics: string[], sink: LiveSink, address = '10.0.0.1'): Subscriber => ({
  topics: new Set(topics),
  address,
  sink,
});

/** The `data:` JSON of a frame. */
const dataOf = (frame: Buffer) =>
  JSON.parse(/\ndata: (.*)\n\n$/s.exec(frame.toString())![1]!) as {
    version: string;
    base: string | null;
    publishedAt: string;
    snapshot?: Json;
    delta?: Parameters<typeof applyDelta>[1];
  };

const T = 'snapshot:overview:331023';

describe('LiveHub', () => {
  it('publishes a full snapshot first, then deltas against the previous version, with publishedAt', () => {
    const hub = new LiveHub({ epoch: 'e1', now: () => new Date('2026-12-01T00:00:00Z') });
    const bodies = [
      { n: 1, list: [{ id: 'a', v: 1 }] },
      { n: 2, list: [{ id: 'a', v: 1 }] },
      { n: 2, list: [{ id: 'b', v: 5 }] },
    ];
    const events = bodies.map((b) => hub.publish(T, JSON.stringify(b))!);
    expect(events.map((e) => [e.id, e.event])).toEqual([
      ['e1-1', 'snapshot'],
      ['e1-2', 'delta'],
      ['e1-3', 'delta'],
    ]);
    let state: Json = null;
    let version: string | null = null;
    for (const ev of events) {
      const data = dataOf(ev.frame);
      expect(data.publishedAt).toBe('2026-12-01T00:00:00.000Z');
      if (data.snapshot !== undefined) state = data.snapshot;
      else {
        expect(data.base).toBe(version);
        state = applyDelta(state, data.delta);
      }
      version = data.version;
    }
    expect(state).toEqual(bodies.at(-1));
    expect(hub.publish(T, JSON.stringify(bodies.at(-1)))).toBeUndefined();
  });

  it('makes each frame once and writes it to every subscriber, one write per subscriber per tick', () => {
    const hub = new LiveHub({ epoch: 'e1' });
    const a = recordingSink();
    const b = recordingSink();
    hub.subscribe(sub([T, 'snapshot:overview:331023105'], a));
    hub.subscribe(sub([T], b));
    const first = hub.publish(T, '{"n":1}')!;
    hub.publish('snapshot:overview:331023105', '{"m":1}');
    hub.publish(T, '{"n":2}');
    hub.flush();
    expect(a.writes).toHaveLength(1);
    expect(a.writes[0]).toHaveLength(3);
    expect(b.writes[0]).toHaveLength(2);
    expect(a.writes[0]![0]).toBe(first.frame);
    expect(b.writes[0]![0]).toBe(first.frame);
  });

  it('ids carry the epoch: an id from another run or the future is unknown, an old one is a gap', () => {
    const hub = new LiveHub({ epoch: 'e2', bufferSize: 3 });
    for (let i = 0; i < 10; i++) hub.publish(T, `{"n":${i}}`);
    const topics = new Set([T]);
    expect(hub.replay('e1-9', topics)).toBe('unknown');
    expect(hub.replay('9', topics)).toBe('unknown');
    expect(hub.replay('e2-11', topics)).toBe('unknown');
    expect(hub.replay('e2-2', topics)).toBe('gap');
    expect(hub.replay('e2-10', topics)).toEqual([]);
    const missed = hub.replay('e2-8', topics);
    expect(Array.isArray(missed) && missed.map((e) => e.id)).toEqual(['e2-9', 'e2-10']);
  });

  it('drops a subscriber whose socket holds more than the bound, destroys it and frees its queue', () => {
    const hub = new LiveHub({ epoch: 'e1', maxWaitingBytes: 1000 });
    const slow = recordingSink();
    const fast = recordingSink();
    hub.subscribe(sub([T], slow, '10.0.0.9'));
    hub.subscribe(sub([T], fast, '10.0.0.9'));
    expect(hub.streamsFrom('10.0.0.9')).toBe(2);
    hub.publish(T, '{"n":1}');
    hub.flush();
    slow.waiting = 990; // the client stopped reading; its socket is nearly full
    hub.publish(T, JSON.stringify({ n: 2, pad: 'x'.repeat(100) }));
    hub.flush();
    expect(slow.destroyed).toBe(true);
    expect(fast.destroyed).toBe(false);
    expect(fast.writes).toHaveLength(2);
    expect(hub.size).toBe(1);
    expect(hub.drops.get('slow')).toBe(1);
    expect(hub.streamsFrom('10.0.0.9')).toBe(1);
    expect(hub.queuedBytes).toBe(0);
  });

  it('shutdown ends every stream cleanly with what was queued and a final shutdown event, and any that connects afterwards', () => {
    const hub = new LiveHub({ epoch: 'e1' });
    const first = recordingSink();
    hub.subscribe(sub([T], first));
    hub.publish(T, '{"n":1}'); // queued, not yet flushed
    hub.shutdown();
    expect(hub.size).toBe(0);
    expect(first.destroyed).toBe(false);
    const frames = first.ended!.map((f) => f.toString());
    expect(frames[0]).toContain('event: snapshot');
    expect(frames.at(-1)).toMatch(/^event: shutdown\ndata: /);
    const late = recordingSink();
    hub.subscribe(sub([T], late));
    expect(hub.size).toBe(0);
    expect(late.ended!.map((f) => f.toString())).toEqual([expect.stringMatching(/^event: shutdown/)]);
    hub.flush();
    expect(first.writes).toEqual([]);
  });

  it('forgets a topic: its next publish is a full snapshot again', () => {
    const hub = new LiveHub({ epoch: 'e1' });
    hub.publish(T, '{"n":1}');
    hub.forget(T);
    expect(hub.has(T)).toBe(false);
    expect(hub.publish(T, '{"n":1}')!.event).toBe('snapshot');
  });
});
