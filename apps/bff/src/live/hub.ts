import { diffJson, type Json } from '@cockpit/contracts';

/** One published event: its frame (the SSE bytes) is made once and written to every subscriber. */
export type LiveEvent = {
  id: string;
  seq: number;
  topic: string;
  event: 'snapshot' | 'delta';
  frame: Buffer;
};

/** Where a stream's bytes go: a Node response in production, a web stream under app.request(). */
export type LiveSink = {
  write: (chunks: readonly Buffer[]) => void;
  /** Bytes written but not yet taken by the client: Node's buffers of the response and its socket. */
  waitingBytes: () => number;
  /** Ends the stream at once and frees its buffers (destroys the socket). */
  destroy: () => void;
  /** Ends the stream cleanly: writes these last chunks, then a proper end of the response. */
  end: (chunks: readonly Buffer[]) => void;
};

export type Subscriber = {
  topics: ReadonlySet<string>;
  address: string;
  sink: LiveSink;
};

type TopicState = { version: string; seq: number; body: string; value: Json };

/** A publish whose diff is done, waiting for its moment (see prepare/commit). */
export type PendingEvent = {
  topic: string;
  body: string;
  value: Json;
  /** The version the delta was made against; null for a full snapshot. */
  base: string | null;
  deltaJson: string | null;
};

export type LiveHubOptions = {
  /** Events kept for replay after a reconnect. */
  bufferSize?: number;
  /** A subscriber with more than this many bytes waiting (app queue + socket) is dropped. */
  maxWaitingBytes?: number;
  /** Identifies this process's ids; defaults to the start time in base 36. */
  epoch?: string;
  now?: () => Date;
  /** Told of every dropped subscriber (for the log). */
  onDrop?: (address: string, reason: string) => void;
};

type Entry = { sub: Subscriber; queue: Buffer[]; queuedBytes: number };

const enc = (s: string) => Buffer.from(s, 'utf8');
const HEARTBEAT = enc(': heartbeat\n\n');

/**
 * Topic-based fan-out for the live stream. Each publish diffs the new snapshot against the topic's last
 * state and makes one SSE frame (a delta, or a full snapshot when the topic has no earlier state); the frame
 * is queued for every subscriber of the topic and all queues are written out together once per tick (one
 * write per subscriber per tick, whatever the number of topics).
 *
 * Ids are `<epoch>-<sequence>`: unique across restarts. A replay after a reconnect gets the buffered events
 * after the client's id; an id from another epoch, or one that has left the buffer, gets `reset` and full
 * snapshots instead (see the route).
 *
 * A subscriber whose waiting bytes (its queue plus what Node holds for its socket) pass the bound is dropped
 * with a reason and its socket destroyed, which frees both Node's and the kernel's buffers.
 */
export class LiveHub {
  readonly epoch: string;
  private seq = 0;
  private readonly buffer: LiveEvent[] = [];
  private readonly states = new Map<string, TopicState>();
  private readonly entries = new Map<Subscriber, Entry>();
  private readonly dirty = new Set<Entry>();
  private readonly perAddress = new Map<string, number>();
  private flushScheduled = false;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private readonly bufferSize: number;
  readonly maxWaitingBytes: number;
  private readonly now: () => Date;
  private readonly onDrop: ((address: string, reason: string) => void) | undefined;
  /** Subscribers dropped, by reason. */
  readonly drops = new Map<string, number>();
  /** Set by shutdown(): streams are ended cleanly, and any that connects from now on at once. */
  private closing = false;

  constructor(opts: LiveHubOptions = {}) {
    this.bufferSize = opts.bufferSize ?? 1000;
    this.maxWaitingBytes = opts.maxWaitingBytes ?? 1024 * 1024;
    this.epoch = opts.epoch ?? Date.now().toString(36);
    this.now = opts.now ?? (() => new Date());
    this.onDrop = opts.onDrop;
  }

  /**
   * Publishes a topic's new snapshot (its JSON text). Returns the event, or undefined when nothing changed.
   */
  publish(topic: string, body: string): LiveEvent | undefined {
    const pending = this.prepare(topic, body);
    return pending && this.commit(pending);
  }

  /**
   * The costly half of a publish, done ahead: parses the snapshot and diffs it against the topic's state.
   * Undefined when nothing changed.
   */
  prepare(topic: string, body: string): PendingEvent | undefined {
    const value = JSON.parse(body) as Json;
    const previous = this.states.get(topic);
    if (!previous) return { topic, body, value, base: null, deltaJson: null };
    const delta = diffJson(previous.value, value);
    if (delta === undefined) return undefined;
    return { topic, body, value, base: previous.version, deltaJson: JSON.stringify(delta) };
  }

  /**
   * The cheap half: stamps `publishedAt`, makes the frame and queues it for every subscriber of the topic.
   * A pending event whose base is no longer the topic's version is diffed again.
   */
  commit(pending: PendingEvent): LiveEvent | undefined {
    const { topic, body, value } = pending;
    if ((this.states.get(topic)?.version ?? null) !== pending.base) {
      const again = this.prepare(topic, body);
      return again && this.commit(again);
    }
    const seq = ++this.seq;
    const id = `${this.epoch}-${seq}`;
    const publishedAt = this.now().toISOString();
    let event: LiveEvent;
    if (pending.base !== null) {
      const data = `{"topic":${JSON.stringify(topic)},"version":"${id}","base":"${pending.base}","publishedAt":"${publishedAt}","delta":${pending.deltaJson}}`;
      event = { id, seq, topic, event: 'delta', frame: enc(`id: ${id}\nevent: delta\ndata: ${data}\n\n`) };
    } else {
      event = { id, seq, topic, event: 'snapshot', frame: this.snapshotFrame(topic, id, body, publishedAt) };
    }
    this.states.set(topic, { version: id, seq, body, value });
    this.buffer.push(event);
    if (this.buffer.length > this.bufferSize) this.buffer.shift();
    for (const entry of this.entries.values()) {
      if (!entry.sub.topics.has(topic)) continue;
      entry.queue.push(event.frame);
      entry.queuedBytes += event.frame.length;
      this.dirty.add(entry);
    }
    this.scheduleFlush();
    return event;
  }

  /** The full snapshot frame of a topic's current state (with publishedAt = now), or undefined. */
  currentFrame(topic: string): { seq: number; frame: Buffer } | undefined {
    const state = this.states.get(topic);
    if (!state) return undefined;
    return {
      seq: state.seq,
      frame: this.snapshotFrame(topic, state.version, state.body, this.now().toISOString()),
    };
  }

  has(topic: string): boolean {
    return this.states.has(topic);
  }

  /** Forgets a topic nobody listens to any more; its next publish is a full snapshot. */
  forget(topic: string) {
    this.states.delete(topic);
  }

  /**
   * The buffered events after `lastId` on these topics; 'unknown' for an id this process never issued
   * (another epoch, a future or malformed id); 'gap' when some events after it have left the buffer.
   */
  replay(lastId: string, topics: ReadonlySet<string>): LiveEvent[] | 'gap' | 'unknown' {
    const m = /^([0-9a-z]+)-(\d{1,15})$/.exec(lastId);
    if (!m || m[1] !== this.epoch) return 'unknown';
    const last = Number(m[2]);
    if (last > this.seq) return 'unknown';
    if (last === this.seq) return [];
    const oldest = this.buffer[0]?.seq ?? this.seq + 1;
    if (last + 1 < oldest) return 'gap';
    return this.buffer.filter((ev) => ev.seq > last && topics.has(ev.topic));
  }

  subscribe(sub: Subscriber): () => void {
    if (this.closing) {
      sub.sink.end([shutdownFrame()]);
      return () => undefined;
    }
    this.entries.set(sub, { sub, queue: [], queuedBytes: 0 });
    this.perAddress.set(sub.address, (this.perAddress.get(sub.address) ?? 0) + 1);
    return () => this.remove(sub);
  }

  /** Streams open from one client address. */
  streamsFrom(address: string): number {
    return this.perAddress.get(address) ?? 0;
  }

  /** Topics someone is listening to right now, with how many listen. */
  activeTopics(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { sub } of this.entries.values())
      for (const t of sub.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  }

  get size(): number {
    return this.entries.size;
  }

  get dropped(): number {
    let n = 0;
    for (const c of this.drops.values()) n += c;
    return n;
  }

  /** Bytes queued in the hub for subscribers (not yet handed to their sockets). */
  get queuedBytes(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.queuedBytes;
    return n;
  }

  /** Writes every subscriber's queued frames: one write per subscriber. Called once per tick. */
  flush() {
    this.flushScheduled = false;
    for (const entry of this.dirty) {
      const { sub } = entry;
      if (!this.entries.has(sub)) continue;
      const waiting = sub.sink.waitingBytes();
      if (waiting + entry.queuedBytes > this.maxWaitingBytes) {
        this.drop(sub, `slow: ${waiting} bytes still waiting in its socket`);
        continue;
      }
      const chunks = entry.queue;
      entry.queue = [];
      entry.queuedBytes = 0;
      sub.sink.write(chunks);
    }
    this.dirty.clear();
  }

  /** Heartbeat comments keep proxies from closing idle streams; slow subscribers are checked as well. */
  startHeartbeat(ms: number) {
    this.heartbeatTimer ??= setInterval(() => {
      for (const entry of this.entries.values()) {
        entry.queue.push(HEARTBEAT);
        entry.queuedBytes += HEARTBEAT.length;
        this.dirty.add(entry);
      }
      this.flush();
    }, ms);
    this.heartbeatTimer.unref();
  }

  stop() {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  /**
   * Server shutdown: every stream gets what is queued for it, a final `shutdown` event and a proper end (not
   * a reset), so browsers reconnect to the next instance; a stream that connects from now on ends at once.
   */
  shutdown(): void {
    this.closing = true;
    this.stop();
    for (const entry of [...this.entries.values()]) {
      const queued = entry.queue;
      this.remove(entry.sub);
      entry.sub.sink.end([...queued, shutdownFrame()]);
    }
  }

  /** Drops a subscriber: counts the reason, destroys its socket, frees its queue. */
  drop(sub: Subscriber, reason: string) {
    if (!this.entries.has(sub)) return;
    const kind = reason.split(':')[0]!;
    this.drops.set(kind, (this.drops.get(kind) ?? 0) + 1);
    this.remove(sub);
    sub.sink.destroy();
    this.onDrop?.(sub.address, reason);
  }

  private remove(sub: Subscriber) {
    const entry = this.entries.get(sub);
    if (!entry) return;
    this.entries.delete(sub);
    this.dirty.delete(entry);
    entry.queue = [];
    const n = (this.perAddress.get(sub.address) ?? 1) - 1;
    if (n <= 0) this.perAddress.delete(sub.address);
    else this.perAddress.set(sub.address, n);
  }

  private scheduleFlush() {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private snapshotFrame(topic: string, id: string, body: string, publishedAt: string): Buffer {
    const data = `{"topic":${JSON.stringify(topic)},"version":"${id}","base":null,"publishedAt":"${publishedAt}","snapshot":${body}}`;
    return enc(`id: ${id}\nevent: snapshot\ndata: ${data}\n\n`);
  }
}

const shutdownFrame = () => controlFrame('shutdown', 'the server is stopping; reconnect');

/** An SSE frame of a control event (reset, drop, shutdown) with publishedAt. */
export function controlFrame(event: 'reset' | 'drop' | 'shutdown', reason: string, now = new Date()): Buffer {
  return enc(`event: ${event}\ndata: ${JSON.stringify({ reason, publishedAt: now.toISOString() })}\n\n`);
}
