export type LiveEvent = { id: number; topic: string; event: string; data: string };

export type Subscriber = {
  topics: ReadonlySet<string>;
  /** Delivers one event; returns false when the subscriber cannot keep up and must be dropped. */
  deliver: (event: LiveEvent) => boolean;
  drop: () => void;
  /** Ends the stream cleanly: a final event, then a proper end of the response (server shutdown). */
  end?: () => void;
};

/**
 * Topic-based fan-out for the live stream with a bounded replay buffer. Event ids increase by one per
 * published event, so a client that reconnects with Last-Event-ID gets exactly what it missed — or is told
 * to reload when what it missed has already left the buffer.
 */
export class LiveHub {
  private nextId = 1;
  private readonly buffer: LiveEvent[] = [];
  private readonly subscribers = new Set<Subscriber>();
  dropped = 0;
  private closing = false;

  constructor(private readonly bufferSize = 1000) {}

  publish(topic: string, event: string, data: string): LiveEvent {
    const ev: LiveEvent = { id: this.nextId++, topic, event, data };
    this.buffer.push(ev);
    if (this.buffer.length > this.bufferSize) this.buffer.shift();
    for (const sub of this.subscribers) {
      if (!sub.topics.has(topic)) continue;
      if (!sub.deliver(ev)) this.remove(sub, true);
    }
    return ev;
  }

  /**
   * The events after `lastId` on these topics, or 'gap' when some of them are no longer buffered
   * (the client must reload rather than trust a partial replay).
   */
  replay(lastId: number, topics: ReadonlySet<string>): LiveEvent[] | 'gap' {
    if (lastId >= this.nextId - 1) return [];
    const oldest = this.buffer[0]?.id ?? this.nextId;
    if (lastId + 1 < oldest) return 'gap';
    return this.buffer.filter((ev) => ev.id > lastId && topics.has(ev.topic));
  }

  subscribe(sub: Subscriber): () => void {
    if (this.closing) {
      sub.end?.();
      return () => undefined;
    }
    this.subscribers.add(sub);
    return () => this.remove(sub, false);
  }

  /** Server shutdown: ends every stream cleanly, and any that connects from now on at once. */
  shutdown(): void {
    this.closing = true;
    for (const sub of [...this.subscribers]) {
      this.subscribers.delete(sub);
      (sub.end ?? sub.drop)();
    }
  }

  /** Topics someone is listening to right now, with how many listen. */
  activeTopics(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const sub of this.subscribers) for (const t of sub.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  }

  get size(): number {
    return this.subscribers.size;
  }

  get lastId(): number {
    return this.nextId - 1;
  }

  private remove(sub: Subscriber, slow: boolean) {
    if (!this.subscribers.delete(sub)) return;
    if (slow) {
      this.dropped++;
      sub.drop();
    }
  }
}
