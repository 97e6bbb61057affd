import type { Theme } from '@cockpit/contracts';
import type { Logger } from '../lib/logger';
import type { SnapshotService } from '../snapshots/service';
import type { LiveHub, PendingEvent } from './hub';

export const topicOf = (theme: Theme, regionCode: string) => `snapshot:${theme}:${regionCode}`;

/** The kinds of live topic: a cockpit's snapshot, which stored layout applies (LayoutStamp), open alarms (alarms:all:<region>). */
export type TopicKind = 'snapshot' | 'layout' | 'alarms' | 'notifications';

export function parseTopic(topic: string): { kind: TopicKind; theme: string; regionCode: string } | null {
  const m = /^(snapshot|layout|alarms|notifications):([a-z]+):(\d{6}|\d{9}|\d{12})$/.exec(topic);
  return m ? { kind: m[1] as TopicKind, theme: m[2]!, regionCode: m[3]! } : null;
}

/** Reads a topic's current body (JSON text); undefined when there is nothing to publish yet. */
export type TopicSource = (theme: string, regionCode: string) => Promise<string | undefined>;

/**
 * Publishes a topic's snapshot whenever it changes (the hub turns it into a delta), for the topics someone
 * listens to. It reads through
 * the snapshot service, so it shares the one refresh of each upstream dataset with every HTTP request.
 */
export class LivePublisher {
  private timer: NodeJS.Timeout | undefined;
  /** The last snapshot body published per topic (the hub diffs a new one against its state). */
  private readonly lastBody = new Map<string, string>();
  private running = false;
  /** Topic kinds other than snapshots, and where their bodies come from (e.g. layout stamps). */
  private readonly sources = new Map<TopicKind, TopicSource>();

  constructor(
    private readonly hub: LiveHub,
    private readonly snapshots: SnapshotService,
    private readonly logger: Logger,
    private readonly tickMs: number,
  ) {}

  start() {
    this.timer ??= setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
  }

  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const active = this.hub.activeTopics();
      for (const topic of this.lastBody.keys()) {
        if (active.has(topic)) continue;
        this.lastBody.delete(topic);
        this.hub.forget(topic);
      }
      // Build and diff every topic first (the costly part), then publish them all at once: publishedAt is
      // the moment the events go out, and one flush writes them, one write per subscriber.
      const pending: PendingEvent[] = [];
      for (const topic of active.keys()) {
        const p = await this.refresh(topic);
        if (p) pending.push(p);
      }
      for (const p of pending) this.hub.commit(p);
    } finally {
      this.running = false;
      this.hub.flush();
    }
  }

  /** Serves the topics of another kind (`<kind>:<theme>:<regionCode>`) from `read`. */
  addSource(kind: Exclude<TopicKind, 'snapshot'>, read: TopicSource) {
    this.sources.set(kind, read);
  }

  /** The topics of one kind that someone follows right now. */
  followedTopics(kind: TopicKind): { topic: string; theme: string; regionCode: string }[] {
    const out: { topic: string; theme: string; regionCode: string }[] = [];
    for (const topic of this.hub.activeTopics().keys()) {
      const parsed = parseTopic(topic);
      if (parsed?.kind === kind) out.push({ topic, theme: parsed.theme, regionCode: parsed.regionCode });
    }
    return out;
  }

  /** Publishes these topics now if their body changed (a write that affects them), without waiting for a tick. */
  async republish(topics: Iterable<string>): Promise<void> {
    const pending: PendingEvent[] = [];
    for (const topic of topics) {
      const p = await this.refresh(topic);
      if (p) pending.push(p);
    }
    for (const p of pending) this.hub.commit(p);
    this.hub.flush();
  }

  /** Makes sure the hub holds the current state of these topics (a joining client's first snapshot). */
  async ensure(topics: Iterable<string>): Promise<void> {
    for (const topic of topics) {
      if (this.hub.has(topic)) continue;
      const p = await this.refresh(topic);
      if (p) this.hub.commit(p);
    }
  }

  /** The topic's snapshot, diffed against what the hub holds; undefined when unchanged or failed. */
  private async refresh(topic: string): Promise<PendingEvent | undefined> {
    const parsed = parseTopic(topic);
    if (!parsed) return undefined;
    try {
      const source = parsed.kind === 'snapshot' ? undefined : this.sources.get(parsed.kind);
      const body = source
        ? await source(parsed.theme, parsed.regionCode)
        : parsed.kind === 'snapshot'
          ? (await this.snapshots.get(parsed.theme as Theme, parsed.regionCode)).body
          : undefined;
      if (body === undefined) return undefined;
      if (this.lastBody.get(topic) === body && this.hub.has(topic)) return undefined;
      this.lastBody.set(topic, body);
      return this.hub.prepare(topic, body);
    } catch (err) {
      this.logger.warn({ topic, err }, 'live: could not build snapshot');
      return undefined;
    }
  }
}
