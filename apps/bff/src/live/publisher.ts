import type { Theme } from '@cockpit/contracts';
import type { Logger } from '../lib/logger';
import type { SnapshotService } from '../snapshots/service';
import type { LiveHub } from './hub';

export const topicOf = (theme: Theme, regionCode: string) => `snapshot:${theme}:${regionCode}`;

export function parseTopic(topic: string): { theme: string; regionCode: string } | null {
  const m = /^snapshot:([a-z]+):(\d{6}|\d{9}|\d{12})$/.exec(topic);
  return m ? { theme: m[1]!, regionCode: m[2]! } : null;
}

/**
 * Pushes a snapshot to its topic whenever it changes, for the topics someone listens to. It reads through
 * the snapshot service, so it shares the one refresh of each upstream dataset with every HTTP request.
 */
export class LivePublisher {
  private timer: NodeJS.Timeout | undefined;
  private readonly lastEtag = new Map<string, string>();
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
      for (const topic of this.lastEtag.keys()) if (!active.has(topic)) this.lastEtag.delete(topic);
      for (const topic of active.keys()) {
        const parsed = parseTopic(topic);
        if (!parsed) continue;
        try {
          const snap = await this.snapshots.get(parsed.theme as Theme, parsed.regionCode);
          if (this.lastEtag.get(topic) === snap.etag) continue;
          this.lastEtag.set(topic, snap.etag);
          this.hub.publish(topic, 'snapshot', snap.body);
        } catch (err) {
          this.logger.warn({ topic, err }, 'live: could not build snapshot');
        }
      }
    } finally {
      this.running = false;
    }
  }
}
