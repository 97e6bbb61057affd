import { diffJson, type Json } from '@cockpit/contracts';

/**
 * Test fakes of the live stream (tests only; never imported by the app): the BFF hub's side of a topic, and
 * an EventSource driven by the test (happy-dom has none that reaches a server).
 */

export const AT = '2026-12-01T10:00:00.000Z';

/** The server side as the BFF's hub makes it: a full snapshot first, then deltas naming their base. */
export function server(topic: string) {
  let seq = 0;
  let last: { version: string; value: Json } | undefined;
  return {
    publish(value: Json): { kind: 'snapshot' | 'delta'; data: string } | undefined {
      const version = `e1-${++seq}`;
      if (!last) {
        last = { version, value };
        return {
          kind: 'snapshot',
          data: JSON.stringify({ topic, version, base: null, publishedAt: AT, snapshot: value }),
        };
      }
      const delta = diffJson(last.value, value);
      if (!delta) {
        seq--;
        return undefined;
      }
      const base = last.version;
      last = { version, value };
      return { kind: 'delta', data: JSON.stringify({ topic, version, base, publishedAt: AT, delta }) };
    },
    /** What a reconnect without an id gets: the current state in full. */
    fullSnapshot() {
      return JSON.stringify({
        topic,
        version: last!.version,
        base: null,
        publishedAt: AT,
        snapshot: last!.value,
      });
    },
  };
}

/** EventSource as the browser gives it, driven by the test (happy-dom has none that reaches a server). */
export class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((ev: Event) => void)[]>();
  closed = false;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, fn: (ev: Event) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: string, lastEventId = '') {
    for (const fn of this.listeners.get(type) ?? []) fn(new MessageEvent(type, { data, lastEventId }));
  }
}
