import { describe, expect, it } from 'vitest';
import { type Dataset, DatasetCache } from './dataset-cache';

/** A dataset whose loads the test settles by hand, under a clock the test moves. */
function controlled() {
  let now = 0;
  const pending: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  const ds: Dataset<number> = {
    id: 'x',
    system: 'parking-platform',
    ttlMs: 1000,
    freshnessMs: 7000,
    load: () => new Promise<number>((resolve, reject) => pending.push({ resolve, reject })),
  };
  const cache = new DatasetCache(() => now);
  return {
    cache,
    ds,
    pending,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('dataset freshness', () => {
  it('does not report the BFF’s own lateness as a late source: a refresh under way keeps the value ok', async () => {
    const c = controlled();
    const first = c.cache.read(c.ds);
    c.pending.shift()!.resolve(1);
    expect((await first).status).toBe('ok');

    // The BFF was too busy to read for 20 s (past the 7 s target); the read starts a refresh that is still
    // under way: nothing has failed, so the value is not 延迟.
    c.advance(20_000);
    expect((await c.cache.read(c.ds)).status).toBe('ok');
    expect(c.pending).toHaveLength(1);

    // The refresh fails (the client timed out): now the source is at fault, the last value is kept.
    c.pending.shift()!.reject(new Error('timeout'));
    await new Promise((r) => setImmediate(r));
    expect(c.cache.peek(c.ds)).toMatchObject({ status: 'stale', value: 1, error: 'timeout' });
  });

  it('is stale past the target when no refresh is under way', async () => {
    const c = controlled();
    const first = c.cache.read(c.ds);
    c.pending.shift()!.resolve(1);
    await first;
    c.advance(8000);
    expect(c.cache.peek(c.ds).status).toBe('stale');
    c.advance(-8000 + 500);
    expect(c.cache.peek(c.ds).status).toBe('ok');
  });
});

describe('observers (state that follows a dataset is fed on refresh)', () => {
  it('sees each new value once per successful refresh, at once when a value is held, never on failure', async () => {
    const c = controlled();
    const seen: number[] = [];
    c.cache.observe(c.ds, (v) => seen.push(v));
    const first = c.cache.read(c.ds);
    c.pending.shift()!.resolve(1);
    await first;
    expect(seen).toEqual([1]);
    // Reads between refreshes observe nothing.
    await c.cache.read(c.ds);
    await c.cache.read(c.ds);
    expect(seen).toEqual([1]);
    c.advance(2000);
    const failed = c.cache.refresh(c.ds);
    c.pending.shift()!.reject(new Error('outage'));
    await failed;
    expect(seen).toEqual([1]);
    const next = c.cache.refresh(c.ds);
    c.pending.shift()!.resolve(2);
    await next;
    expect(seen).toEqual([1, 2]);
    // A late observer gets the value held now.
    const late: number[] = [];
    c.cache.observe(c.ds, (v) => late.push(v));
    expect(late).toEqual([2]);
  });

  it('keeps the new value when an observer throws, and counts it', async () => {
    const c = controlled();
    c.cache.observe(c.ds, () => {
      throw new Error('observer bug');
    });
    const first = c.cache.read(c.ds);
    c.pending.shift()!.resolve(7);
    const read = await first;
    expect(read.value).toBe(7);
    expect(read.status).toBe('ok');
    expect(c.cache.observerErrors).toBe(1);
  });
});
