import { applyDelta, type Json, LiveDeltaEvent, LiveSnapshotEvent } from '@cockpit/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';

export type LiveState = 'connecting' | 'open' | 'down';

type Options = {
  topics: string[];
  queryClient: QueryClient;
  /** Turns a topic into the query key it updates. */
  keyOf: (topic: string) => readonly unknown[];
  onState?: (state: LiveState) => void;
  /** The schema a topic's value must pass before it enters the cache (e.g. `Snapshot`); none: any JSON. */
  schemaOf?: SchemaOf;
  /** Told of every event dropped as invalid (default: a console warning). */
  onInvalid?: (invalid: InvalidEvent) => void;
  /** For tests: backoff base. */
  baseDelayMs?: number;
};

/** Exponential backoff with full jitter, capped at 30 s. */
export function backoffDelay(attempt: number, baseMs = 1000, random = Math.random): number {
  const cap = Math.min(30_000, baseMs * 2 ** attempt);
  return Math.round(cap / 2 + random() * (cap / 2));
}

type TopicState = { version: string; value: Json };
export type SchemaOf = (topic: string) => z.ZodType | undefined;
/** An event that failed its schema: what it was, for which topic (when readable), and why. */
export type InvalidEvent = { kind: 'snapshot' | 'delta'; topic: string | undefined; reason: string };

const EVENT_SCHEMA = { snapshot: LiveSnapshotEvent, delta: LiveDeltaEvent } as const;

/**
 * Applies `snapshot` and `delta` events of the live stream (schema: packages/contracts live.ts) to the
 * TanStack Query cache. Every event is validated before anything enters the cache: its envelope against
 * `LiveSnapshotEvent` / `LiveDeltaEvent`, and the topic's resulting value against `schemaOf(topic)` (the
 * cache then holds the schema's output, as a fetch through the same schema would). An invalid event is
 * dropped and counted (`invalid`): `apply` answers 'invalid', the cache keeps its value, and the caller must
 * resync with full snapshots. It keeps the last full value of each topic and its version; a delta is applied
 * only to the version it names. A delta for another version, or one that does not fit, is a gap: `apply`
 * answers 'gap' and the caller must get full snapshots again (it never patches the wrong base).
 */
export class LiveCache {
  private readonly states = new Map<string, TopicState>();
  /** Events dropped because they failed their schema. */
  invalid = 0;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly keyOf: (topic: string) => readonly unknown[],
    private readonly topics: readonly string[],
    private readonly schemaOf: SchemaOf = () => undefined,
    private readonly onInvalid: (invalid: InvalidEvent) => void = () => undefined,
  ) {}

  apply(kind: 'snapshot' | 'delta', raw: string): 'ok' | 'gap' | 'ignored' | 'invalid' {
    const drop = (topic: string | undefined, reason: string) => {
      this.invalid++;
      this.onInvalid({ kind, topic, reason });
      return 'invalid' as const;
    };
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return drop(undefined, 'not JSON');
    }
    const event = EVENT_SCHEMA[kind].safeParse(json);
    const topicOf = (json as { topic?: unknown } | null)?.topic;
    const topic = typeof topicOf === 'string' ? topicOf : undefined;
    if (!event.success) return drop(topic, issueText(event.error));
    const data = event.data;
    if (!this.topics.includes(data.topic)) return 'ignored';
    let value: Json;
    if (kind === 'snapshot') value = ((data as LiveSnapshotEvent).snapshot ?? null) as Json;
    else {
      const delta = data as LiveDeltaEvent;
      const have = this.states.get(delta.topic);
      if (!have || have.version !== delta.base) return 'gap';
      try {
        value = applyDelta(have.value, delta.delta as never);
      } catch {
        return 'gap';
      }
    }
    const schema = this.schemaOf(data.topic);
    let cached: unknown = value;
    if (schema) {
      const checked = schema.safeParse(value);
      if (!checked.success) return drop(data.topic, issueText(checked.error));
      cached = checked.data;
    }
    this.states.set(data.topic, { version: data.version, value });
    this.queryClient.setQueryData(this.keyOf(data.topic), cached);
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

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(event)'}: ${issue.message}` : 'invalid';
}

/**
 * Subscribes to /api/v1/live and keeps the TanStack Query cache of its topics current: full snapshots on
 * join, then deltas. On an error it reconnects with backoff, resuming from the last event id (the server
 * replays what was missed, or sends `reset` and full snapshots). A gap — a delta that does not apply to
 * the version this client has — reconnects at once without an id, so the server sends full snapshots; an
 * event that fails its schema is dropped, reported through `onInvalid`, and resyncs the same way (after a
 * backoff).
 * Returns a function that closes the stream and cancels any pending reconnect.
 */
export function connectLive({
  topics,
  queryClient,
  keyOf,
  onState,
  schemaOf,
  onInvalid = (invalid) => console.warn('live: dropped an invalid event, resyncing', invalid),
  baseDelayMs = 1000,
}: Options): () => void {
  let source: EventSource | undefined;
  let timer: number | undefined;
  let attempt = 0;
  let lastEventId: string | undefined;
  let closed = false;
  const cache = new LiveCache(queryClient, keyOf, topics, schemaOf, onInvalid);

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
      const result = cache.apply(kind, message.data);
      if (result === 'gap' || result === 'invalid') {
        // Resync: drop the versions and the id, and ask for full snapshots. After an invalid event, with
        // backoff: a server whose snapshots keep failing the schema must not be asked again at once.
        es.close();
        cache.reset();
        lastEventId = undefined;
        if (result === 'gap') open();
        else timer = window.setTimeout(open, backoffDelay(attempt++, baseDelayMs));
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
