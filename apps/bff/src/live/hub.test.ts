import { describe, expect, it } from 'vitest';
import { type LiveEvent, LiveHub } from './hub';

function collector(topics: string[], capacity = Number.POSITIVE_INFINITY) {
  const got: LiveEvent[] = [];
  let dropped = false;
  return {
    got,
    get dropped() {
      return dropped;
    },
    sub: {
      topics: new Set(topics),
      deliver: (ev: LiveEvent) => {
        got.push(ev);
        return got.length <= capacity;
      },
      drop: () => {
        dropped = true;
      },
    },
  };
}

describe('LiveHub', () => {
  it('shutdown ends every stream, and any that connects afterwards, and delivers nothing more', () => {
    const hub = new LiveHub();
    const ended: string[] = [];
    const sub = (name: string) => ({ ...collector(['a']).sub, end: () => ended.push(name) });
    const first = sub('first');
    hub.subscribe(first);
    hub.shutdown();
    expect(ended).toEqual(['first']);
    expect(hub.size).toBe(0);
    hub.subscribe(sub('late'));
    expect(ended).toEqual(['first', 'late']);
    expect(hub.size).toBe(0);
  });

  it('delivers only the subscribed topics, with increasing ids', () => {
    const hub = new LiveHub();
    const c = collector(['a']);
    hub.subscribe(c.sub);
    hub.publish('a', 'snapshot', '1');
    hub.publish('b', 'snapshot', '2');
    hub.publish('a', 'snapshot', '3');
    expect(c.got.map((e) => [e.id, e.data])).toEqual([
      [1, '1'],
      [3, '3'],
    ]);
  });

  it('replays exactly the missed events of the topics after a reconnect', () => {
    const hub = new LiveHub(100);
    const c = collector(['a']);
    const unsubscribe = hub.subscribe(c.sub);
    for (let i = 0; i < 5; i++) hub.publish(i % 2 === 0 ? 'a' : 'b', 'snapshot', String(i));
    const lastSeen = c.got.at(-1)!.id;
    unsubscribe();
    for (let i = 5; i < 12; i++) hub.publish(i % 2 === 0 ? 'a' : 'b', 'snapshot', String(i));
    const replay = hub.replay(lastSeen, new Set(['a']));
    expect(replay).not.toBe('gap');
    const data = (replay as LiveEvent[]).map((e) => e.data);
    expect(data).toEqual(['6', '8', '10']);
    // Together with what was seen before, nothing on topic a is missing.
    expect([...c.got.map((e) => e.data), ...data]).toEqual(['0', '2', '4', '6', '8', '10']);
  });

  it('reports a gap when the missed events have left the buffer', () => {
    const hub = new LiveHub(3);
    for (let i = 0; i < 10; i++) hub.publish('a', 'snapshot', String(i));
    expect(hub.replay(2, new Set(['a']))).toBe('gap');
    expect(hub.replay(7, new Set(['a']))).toEqual([
      expect.objectContaining({ id: 8 }),
      expect.objectContaining({ id: 9 }),
      expect.objectContaining({ id: 10 }),
    ]);
    expect(hub.replay(10, new Set(['a']))).toEqual([]);
  });

  it('drops a subscriber that cannot keep up, and only that one', () => {
    const hub = new LiveHub();
    const slow = collector(['a'], 2);
    const fast = collector(['a']);
    hub.subscribe(slow.sub);
    hub.subscribe(fast.sub);
    for (let i = 0; i < 5; i++) hub.publish('a', 'snapshot', String(i));
    expect(slow.dropped).toBe(true);
    expect(slow.got).toHaveLength(3);
    expect(fast.got).toHaveLength(5);
    expect(hub.dropped).toBe(1);
    expect(hub.size).toBe(1);
  });

  it('counts listeners per topic', () => {
    const hub = new LiveHub();
    hub.subscribe(collector(['a', 'b']).sub);
    const off = hub.subscribe(collector(['a']).sub);
    expect(hub.activeTopics()).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
    );
    off();
    expect(hub.activeTopics()).toEqual(
      new Map([
        ['a', 1],
        ['b', 1],
      ]),
    );
  });
});
