import { diffJson, type Json } from '@cockpit/contracts';
import { QueryClient } from '@tanstack/react-query';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, LiveCache } from './live';

describe('backoffDelay', () => {
  it('grows exponentially with jitter in the upper half, capped at 30 s', () => {
    expect(backoffDelay(0, 1000, () => 0)).toBe(500);
    expect(backoffDelay(0, 1000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, () => 0)).toBe(4000);
    expect(backoffDelay(3, 1000, () => 1)).toBe(8000);
    expect(backoffDelay(20, 1000, () => 1)).toBe(30_000);
  });
});

/** The server side as the BFF's hub makes it: a full snapshot first, then deltas naming their base. */
function server(topic: string) {
  let seq = 0;
  let last: { version: string; value: Json } | undefined;
  return {
    publish(value: Json): { kind: 'snapshot' | 'delta'; data: string } | undefined {
      const version = `e1-${++seq}`;
      if (!last) {
        last = { version, value };
        return { kind: 'snapshot', data: JSON.stringify({ topic, version, base: null, snapshot: value }) };
      }
      const delta = diffJson(last.value, value);
      if (!delta) {
        seq--;
        return undefined;
      }
      const base = last.version;
      last = { version, value };
      return { kind: 'delta', data: JSON.stringify({ topic, version, base, delta }) };
    },
    /** What a reconnect without an id gets: the current state in full. */
    fullSnapshot() {
      return JSON.stringify({ topic, version: last!.version, base: null, snapshot: last!.value });
    },
  };
}

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

  it('ignores topics it does not follow and treats a broken event as a gap', () => {
    const cache = new LiveCache(new QueryClient(), () => key, [TOPIC]);
    expect(
      cache.apply(
        'snapshot',
        JSON.stringify({ topic: 'snapshot:eco:331023', version: 'e1-1', snapshot: {} }),
      ),
    ).toBe('ignored');
    expect(cache.apply('delta', '{not json')).toBe('gap');
  });
});
