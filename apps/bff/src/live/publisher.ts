import type { Theme } from '@cockpit/contracts';
import type { Logger } from '../lib/logger';
import type { SnapshotService } from '../snapshots/service';
import type { LiveHub, PendingEvent } from './hub';

export const topicOf = (theme: Theme, regionCode: string) => `snapshot:${theme}:${regionCode}`;

export function parseTopic(topic: string): { theme: string; regionCode: string } | null {
  const m = /^snapshot:([a-z]+):(\d{6}|\d{9}|\d{12})$/.exec(topic);
  return m ? { theme: m[1]!, regionCode: m[2]! } : null;
}

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
      const snap = await this.snapshots.get(parsed.theme as Theme, parsed.regionCode);
      if (this.lastBody.get(topic) === snap.body && this.hub.has(topic)) return undefined;
      this.lastBody.set(topic, snap.body);
      return this.hub.prepare(topic, snap.body);
    } catch (err) {
      this.logger.warn({ topic, err }, 'live: could not build snapshot');
      return undefined;
    }
  }
}
