import type { QueryClient } from '@tanstack/react-query';

export type LiveState = 'connecting' | 'open' | 'down';

type Options = {
  topics: string[];
  queryClient: QueryClient;
  /** Turns a topic and an event's JSON into the query key it updates. */
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

/**
 * Subscribes to /api/v1/live and writes each snapshot event into the TanStack Query cache. On an error it
 * reconnects with backoff, resuming from the last event id (the server replays what was missed). After an
 * outage it reloads the snapshots once — only when the server answers again, never while it is down.
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
  let hadOutage = false;

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
      if (hadOutage) {
        hadOutage = false;
        for (const topic of topics) void queryClient.invalidateQueries({ queryKey: keyOf(topic) });
      }
    };
    es.addEventListener('snapshot', (ev) => {
      const message = ev as MessageEvent<string>;
      if (message.lastEventId) lastEventId = message.lastEventId;
      try {
        const data = JSON.parse(message.data) as { theme?: string; regionCode?: string };
        const topic = `snapshot:${data.theme}:${data.regionCode}`;
        if (topics.includes(topic)) queryClient.setQueryData(keyOf(topic), data);
      } catch {
        // A broken event is skipped; the next one or the fallback poll brings the data.
      }
    });
    es.addEventListener('reset', (ev) => {
      lastEventId = (ev as MessageEvent<string>).lastEventId || lastEventId;
      for (const topic of topics) void queryClient.invalidateQueries({ queryKey: keyOf(topic) });
    });
    es.onerror = () => {
      es.close();
      if (closed) return;
      hadOutage = true;
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
