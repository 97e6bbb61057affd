import type { QueryClient } from '@tanstack/react-query';
import { connectLive, type LiveState, type SchemaOf } from './live';

/** What one part of a screen follows on the live stream (e.g. its snapshot, or its layout stamp). */
export type LiveSubscription = {
  topics: readonly string[];
  /** Turns one of these topics into the query key it updates. */
  keyOf: (topic: string) => readonly unknown[];
  schemaOf?: SchemaOf;
  onState?: (state: LiveState) => void;
};

/**
 * One live stream per screen: every subscription's topics share ONE EventSource (/api/v1/live takes a list of
 * topics). Subscribing or leaving changes the topic set; the change is applied once per tick (a screen's
 * effects that subscribe together open one stream, not one each), by reopening the stream with the new set —
 * the server then sends full snapshots of every topic. Each event goes to the query key and schema of the
 * subscription that follows its topic.
 */
export class LiveMux {
  private readonly subs = new Set<LiveSubscription>();
  private close: (() => void) | undefined;
  private topicsKey = '';
  private scheduled = false;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly opts: { baseDelayMs?: number } = {},
  ) {}

  subscribe(sub: LiveSubscription): () => void {
    this.subs.add(sub);
    this.schedule();
    return () => {
      this.subs.delete(sub);
      this.schedule();
    };
  }

  /** The topics the stream follows now (for tests and diagnostics). */
  get topics(): string[] {
    return this.topicsKey ? this.topicsKey.split(',') : [];
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.sync();
    });
  }

  private owner(topic: string): LiveSubscription | undefined {
    for (const s of this.subs) if (s.topics.includes(topic)) return s;
    return undefined;
  }

  private sync() {
    const topics = [...new Set([...this.subs].flatMap((s) => s.topics))].sort();
    const key = topics.join(',');
    if (key === this.topicsKey) return;
    this.close?.();
    this.close = undefined;
    this.topicsKey = key;
    if (topics.length === 0) return;
    this.close = connectLive({
      topics,
      queryClient: this.queryClient,
      // A topic no subscription follows any more is dropped before it reaches the cache (see sync).
      keyOf: (topic) => this.owner(topic)?.keyOf(topic) ?? ['live', 'unfollowed', topic],
      schemaOf: (topic) => this.owner(topic)?.schemaOf?.(topic),
      onState: (state) => {
        for (const s of this.subs) s.onState?.(state);
      },
      ...(this.opts.baseDelayMs === undefined ? {} : { baseDelayMs: this.opts.baseDelayMs }),
    });
  }
}

const muxes = new WeakMap<QueryClient, LiveMux>();

/** The screen's one live stream (one per query client, i.e. per app). */
export function liveMuxOf(queryClient: QueryClient): LiveMux {
  let mux = muxes.get(queryClient);
  if (!mux) {
    mux = new LiveMux(queryClient);
    muxes.set(queryClient, mux);
  }
  return mux;
}
