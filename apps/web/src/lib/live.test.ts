import type { Json } from '@cockpit/contracts';
import { QueryClient } from '@tanstack/react-query';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { backoffDelay, connectLive, type InvalidEvent, LiveCache } from './live';
import { LiveMux } from './live-mux';
import { AT, FakeEventSource, server } from './live-test-fakes';

describe('backoffDelay', () => {
  it('grows exponentially with jitter in the upper half, capped at 30 s', () => {
    expect(backoffDelay(0, 1000, () => 0)).toBe(500);
    expect(backoffDelay(0, 1000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, () => 0)).toBe(4000);
    expect(backoffDelay(3, 1000, () => 1)).toBe(8000);
    expect(backoffDelay(20, 1000, () => 1)).toBe(30_000);
  });
});

const TOPIC = 'snapshot:overview:331023';
const key = ['snapshot', 'overview', '331023'] as const;

const indicator = fc.record({
  id: fc.constantFrom('parking.freeBerths', 'traffic.congestionIndex', 'health.visits', 'eco.aqi', 'x.y'),
  value: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(null)),
  status: fc.constantFrom('ok', 'stale', 'error'),
});
const snapshot = fc.record({
  regionCode: fc.constant('331023'),
  generatedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  indicators: fc.uniqueArray(indicator, { selector: (i) => i.id, maxLength: 5 }),
  series: fc.array(fc.record({ at: fc.integer({ min: 0, max: 100 }), value: fc.integer() }), {
    maxLength: 12,
  }),
  alarms: fc.uniqueArray(
    fc.record({ id: fc.string({ maxLength: 3 }), severity: fc.constantFrom('warning', 'alarm') }),
    {
      selector: (a) => a.id,
      maxLength: 4,
    },
  ),
});

describe('LiveCache', () => {
  it('applying any sequence of live events, with losses, leaves the cache equal to a fresh snapshot', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(snapshot, fc.boolean()), { minLength: 1, maxLength: 30 }), (steps) => {
        const queryClient = new QueryClient();
        const cache = new LiveCache(queryClient, () => key, [TOPIC]);
        const bff = server(TOPIC);
        for (const [value, lost] of steps) {
          const ev = bff.publish(value as unknown as Json);
          if (!ev || lost) continue; // a lost event: the next delta names a base this client does not have
          if (cache.apply(ev.kind, ev.data) === 'gap') {
            cache.reset();
            expect(cache.apply('snapshot', bff.fullSnapshot())).toBe('ok');
          }
        }
        // Whatever was lost in between, the next change (or a resync) brings the cache to the truth.
        const truth = steps.at(-1)![0];
        const final = bff.publish({ ...truth, generatedAt: 'final' } as unknown as Json)!;
        if (cache.apply(final.kind, final.data) === 'gap') {
          cache.reset();
          cache.apply('snapshot', bff.fullSnapshot());
        }
        expect(queryClient.getQueryData(key)).toEqual({ ...truth, generatedAt: 'final' });
      }),
      { seed: 1212, numRuns: 300 },
    );
  });

  it('never applies a delta to another version: a gap is reported and the cache keeps its value', () => {
    const queryClient = new QueryClient();
    const cache = new LiveCache(queryClient, () => key, [TOPIC]);
    const bff = server(TOPIC);
    cache.apply('snapshot', bff.publish({ n: 1 })!.data);
    bff.publish({ n: 2 }); // lost
    const next = bff.publish({ n: 3, extra: true })!;
    expect(cache.apply(next.kind, next.data)).toBe('gap');
    expect(queryClient.getQueryData(key)).toEqual({ n: 1 });
    expect(cache.version(TOPIC)).toBe('e1-1');
    cache.reset();
    expect(cache.apply('delta', next.data)).toBe('gap'); // no base at all until a full snapshot
    expect(cache.apply('snapshot', bff.fullSnapshot())).toBe('ok');
    expect(queryClient.getQueryData(key)).toEqual({ n: 3, extra: true });
  });

  it('ignores topics it does not follow', () => {
    const cache = new LiveCache(new QueryClient(), () => key, [TOPIC]);
    expect(
      cache.apply(
        'snapshot',
        JSON.stringify({
          topic: 'snapshot:eco:331023',
          version: 'e1-1',
          base: null,
          publishedAt: AT,
          snapshot: {},
        }),
      ),
    ).toBe('ignored');
    expect(cache.invalid).toBe(0);
  });

  it('drops an event that fails its schema before it reaches the cache, and counts and reports it', () => {
    const queryClient = new QueryClient();
    const reported: InvalidEvent[] = [];
    const schema = z.object({ n: z.number() });
    const cache = new LiveCache(
      queryClient,
      () => key,
      [TOPIC],
      () => schema,
      (i) => reported.push(i),
    );
    const bff = server(TOPIC);
    expect(cache.apply('snapshot', bff.publish({ n: 1 })!.data)).toBe('ok');

    // Broken JSON; an envelope without its version; a malformed publishedAt; a topic that is not a LiveTopic.
    const bad = [
      ['delta', '{not json'],
      ['delta', JSON.stringify({ topic: TOPIC, base: 'e1-1', publishedAt: AT, delta: { '=': { n: 2 } } })],
      [
        'snapshot',
        JSON.stringify({ topic: TOPIC, version: 'e1-9', base: null, publishedAt: 'now', snapshot: { n: 2 } }),
      ],
      [
        'snapshot',
        JSON.stringify({ topic: 'eco', version: 'e1-9', base: null, publishedAt: AT, snapshot: { n: 2 } }),
      ],
    ] as const;
    for (const [kind, raw] of bad) expect(cache.apply(kind, raw), raw).toBe('invalid');
    // A well-formed delta whose result fails the topic's schema is dropped too, never applied.
    const wrong = bff.publish({ n: 'two' } as unknown as Json)!;
    expect(cache.apply(wrong.kind, wrong.data)).toBe('invalid');

    expect(cache.invalid).toBe(5);
    expect(reported.map((r) => r.topic)).toEqual([undefined, TOPIC, TOPIC, 'eco', TOPIC]);
    expect(reported[4]!.reason).toMatch(/^n: /);
    expect(queryClient.getQueryData(key)).toEqual({ n: 1 });
    expect(cache.version(TOPIC)).toBe('e1-1');
  });

  it('puts the schema’s output in the cache, as a fetch through the same schema would', () => {
    const queryClient = new QueryClient();
    const schema = z.object({ n: z.number(), unit: z.string().default('个') });
    const cache = new LiveCache(
      queryClient,
      () => key,
      [TOPIC],
      () => schema,
    );
    const bff = server(TOPIC);
    expect(cache.apply('snapshot', bff.publish({ n: 1 })!.data)).toBe('ok');
    expect(queryClient.getQueryData(key)).toEqual({ n: 1, unit: '个' });
    // The next delta applies to the server's JSON, not to the schema's output.
    const next = bff.publish({ n: 2 })!;
    expect(cache.apply(next.kind, next.data)).toBe('ok');
    expect(queryClient.getQueryData(key)).toEqual({ n: 2, unit: '个' });
  });
});

describe('connectLive', () => {
  it('drops an invalid event, reports it and resyncs with full snapshots instead of applying it', () => {
    vi.useFakeTimers();
    vi.stubGlobal('EventSource', FakeEventSource);
    FakeEventSource.opened = [];
    try {
      const queryClient = new QueryClient();
      const reported: InvalidEvent[] = [];
      const bff = server(TOPIC);
      const close = connectLive({
        topics: [TOPIC],
        queryClient,
        keyOf: () => key,
        schemaOf: () => z.object({ n: z.number() }),
        onInvalid: (i) => reported.push(i),
        baseDelayMs: 1000,
      });
      const first = FakeEventSource.opened[0]!;
      first.emit('snapshot', bff.publish({ n: 1 })!.data, 'e1-1');
      const good = bff.publish({ n: 2 })!;
      first.emit('delta', good.data, 'e1-2');
      expect(queryClient.getQueryData(key)).toEqual({ n: 2 });

      const bad = bff.publish({ n: 'three' } as unknown as Json)!;
      first.emit('delta', bad.data, 'e1-3');
      expect(reported).toHaveLength(1);
      expect(queryClient.getQueryData(key)).toEqual({ n: 2 });
      expect(first.closed).toBe(true);

      // After the backoff it reconnects without Last-Event-ID: the server answers with full snapshots.
      vi.runOnlyPendingTimers();
      const second = FakeEventSource.opened[1]!;
      expect(second.url).not.toContain('lastEventId');
      second.emit(
        'snapshot',
        JSON.stringify({ topic: TOPIC, version: 'e1-4', base: null, publishedAt: AT, snapshot: { n: 4 } }),
        'e1-4',
      );
      expect(queryClient.getQueryData(key)).toEqual({ n: 4 });
      close();
      expect(second.closed).toBe(true);
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
  });
});

describe('LiveMux: one live stream per screen', () => {
  it('carries a screen’s snapshot and layout topics on ONE EventSource, each event to its own query key', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    FakeEventSource.opened = [];
    try {
      const queryClient = new QueryClient();
      const mux = new LiveMux(queryClient);
      const layoutTopic = 'layout:overview:331023';
      const layoutKey = ['layout-stamp', 'overview', '331023'] as const;
      const states: string[] = [];
      // A screen's two effects subscribe in the same tick (its snapshot and its layout stamp).
      const leaveSnapshot = mux.subscribe({
        topics: [TOPIC],
        keyOf: () => key,
        schemaOf: () => z.object({ n: z.number() }),
        onState: (s) => states.push(s),
      });
      const leaveLayout = mux.subscribe({ topics: [layoutTopic], keyOf: () => layoutKey });
      await Promise.resolve();
      expect(FakeEventSource.opened).toHaveLength(1);
      const stream = FakeEventSource.opened[0]!;
      const topics = new URL(stream.url, 'http://screen').searchParams.get('topics')!.split(',');
      expect(topics.sort()).toEqual([layoutTopic, TOPIC].sort());
      expect(states).toEqual(['connecting']);

      stream.emit('snapshot', server(TOPIC).publish({ n: 1 })!.data, 'e1-1');
      stream.emit('snapshot', server(layoutTopic).publish({ layoutId: 'L', version: 3 })!.data, 'e1-2');
      expect(queryClient.getQueryData(key)).toEqual({ n: 1 });
      expect(queryClient.getQueryData(layoutKey)).toEqual({ layoutId: 'L', version: 3 });
      // The snapshot's schema still guards its topic on the shared stream.
      stream.emit(
        'snapshot',
        JSON.stringify({ topic: TOPIC, version: 'e1-3', base: null, publishedAt: AT, snapshot: { n: 'x' } }),
      );
      expect(queryClient.getQueryData(key)).toEqual({ n: 1 });

      // Leaving one part reopens the one stream with the other's topic only; leaving both closes it.
      leaveLayout();
      await Promise.resolve();
      expect(stream.closed).toBe(true);
      expect(FakeEventSource.opened).toHaveLength(2);
      expect(new URL(FakeEventSource.opened[1]!.url, 'http://screen').searchParams.get('topics')).toBe(TOPIC);
      expect(mux.topics).toEqual([TOPIC]);
      leaveSnapshot();
      await Promise.resolve();
      expect(FakeEventSource.opened[1]!.closed).toBe(true);
      expect(FakeEventSource.opened).toHaveLength(2);
      expect(mux.topics).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('opens nothing new when a part leaves and comes back within the tick (React re-running an effect)', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    FakeEventSource.opened = [];
    try {
      const mux = new LiveMux(new QueryClient());
      const sub = { topics: [TOPIC], keyOf: () => key };
      mux.subscribe(sub)();
      const leave = mux.subscribe(sub);
      await Promise.resolve();
      expect(FakeEventSource.opened).toHaveLength(1);
      leave();
      await Promise.resolve();
      expect(FakeEventSource.opened[0]!.closed).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
