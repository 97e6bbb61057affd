import { applyDelta, type Json, type JsonDelta } from '@cockpit/contracts';
import type { QueryClient } from '@tanstack/react-query';

export type LiveState = 'connecting' | 'open' | 'down';

type Options = {
  topics: string[];
  queryClient: QueryClient;
  /** Turns a topic into the query key it updates. */
  keyOf: (topic: string) => readonly unknown[];
  onState?: (state: LiveState) => void;
  /** For tests: backoff base. */
  baseDelayMs?: number;
};

/** Exponential backoff with full jitter, capped at 30 s. */
export function backoffDelay(attempt: number, baseMs = 1000, random = Math.random): number {
  const cap = Math.min(30_000, baseMs * 2 ** attempt);
  return Math.round(cap / 2 + random() * (cap / 2));
}

type TopicState = { version: string; value: Json };
type EventData = {
  topic: string;
  version: string;
  base: string | null;
  snapshot?: Json;
  delta?: JsonDelta;
};

/**
 * Applies `snapshot` and `delta` events of the live stream (schema: packages/contracts live.ts) to the
 * TanStack Query cache. It keeps the last full value of each topic and its version; a delta is applied
 * only to the version it names. Anything else — a delta for another version, one that does not fit, a
 * broken event — is a gap: `apply` answers 'gap' and the caller must get full snapshots again (it never
 * patches the wrong base).
 */
export class LiveCache {
  private readonly states = new Map<string, TopicState>();

  constructor(
    private readonly queryClient: QueryClient,
    private readonly keyOf: (topic: string) => readonly unknown[],
    private readonly topics: readonly string[],
  ) {}

  apply(kind: 'snapshot' | 'delta', raw: string): 'ok' | 'gap' | 'ignored' {
    let data: EventData;
    try {
      data = JSON.parse(raw) as EventData;
    } catch {
      return 'gap';
    }
    if (!this.topics.includes(data.topic)) return 'ignored';
    let value: Json;
    if (kind === 'snapshot') value = data.snapshot ?? null;
    else {
      const have = this.states.get(data.topic);
      if (!have || have.version !== data.base) return 'gap';
      try {
        value = applyDelta(have.value, data.delta);
      } catch {
        return 'gap';
      }
    }
    this.states.set(data.topic, { version: data.version, value });
    this.queryClient.setQueryData(this.keyOf(data.topic), value);
    return 'ok';
  }

  /** Forgets every version: only full snapshots apply until each topic has one again. */
  reset() {
    this.states.clear();
  }

  version(topic: string): string | undefined {
    return this.states.get(topic)?.version;
  }
}

/**
 * Subscribes to /api/v1/live and keeps the TanStack Query cache of its topics current: full snapshots on
 * join, then deltas. On an error it reconnects with backoff, resuming from the last event id (the server
 * replays what was missed, or sends `reset` and full snapshots). A gap — a delta that does not apply to
 * the version this client has — reconnects at once without an id, so the server sends full snapshots.
 * Returns a function that closes the stream and cancels any pending reconnect.
 */
export function connectLive({
  topics,
  queryClient,
  keyOf,
  onState,
  baseDelayMs = 1000,
}: Options): () => void {
  let source: EventSource | undefined;
  let timer: number | undefined;
  let attempt = 0;
  let lastEventId: string | undefined;
  let closed = false;
  const cache = new LiveCache(queryClient, keyOf, topics);

  const open = () => {
    if (closed) return;
    onState?.('connecting');
    const params = new URLSearchParams({ topics: topics.join(',') });
    if (lastEventId) params.set('lastEventId', lastEventId);
    const es = new EventSource(`/api/v1/live?${params}`);
    source = es;
    es.onopen = () => {
      attempt = 0;
      onState?.('open');
    };
    const onEvent = (kind: 'snapshot' | 'delta') => (ev: Event) => {
      const message = ev as MessageEvent<string>;
      if (es !== source) return;
      if (cache.apply(kind, message.data) === 'gap') {
        // Resync: drop the versions and the id, and ask for full snapshots.
        es.close();
        cache.reset();
        lastEventId = undefined;
        open();
        return;
      }
      if (message.lastEventId) lastEventId = message.lastEventId;
    };
    es.addEventListener('snapshot', onEvent('snapshot'));
    es.addEventListener('delta', onEvent('delta'));
    // Full snapshots of every topic follow a reset on the same stream.
    es.addEventListener('reset', () => cache.reset());
    es.onerror = () => {
      es.close();
      if (closed || es !== source) return;
      onState?.('down');
      timer = window.setTimeout(open, backoffDelay(attempt++, baseDelayMs));
    };
  };

  open();
  return () => {
    closed = true;
    window.clearTimeout(timer);
    source?.close();
  };
}
