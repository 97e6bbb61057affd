import type { HeartbeatInput, ScreenStatus } from '@cockpit/contracts';
import type { Logger } from '../lib/logger';
import type { Stores } from '../store/types';

/** A wall screen beats every 30 s; silent for longer than this, it is reported. */
export const SCREEN_SILENT_AFTER_MS = 90_000;
/** The platform check's rule id (a platform rule in the alarm engine). */
export const SCREEN_SILENT_RULE = 'platform.screen-silent';

/** One screen's state as the alarm engine observes it (the shape of ACORE's Observation). */
export type ScreenObservation = {
  ruleId: string;
  regionCode: string;
  entityId: string;
  active: boolean;
  source: string;
  summary: string;
  groupKey: string | null;
  value: number | null;
};

export type ScreenWatchOptions = {
  store: Pick<Stores, 'devices' | 'policies'>;
  logger: Logger;
  now?: () => Date;
  /** Hands the silent screens to the alarm engine (an alarm each; a screen no longer reported clears). */
  report?: (observations: ScreenObservation[]) => Promise<unknown>;
  /** How often the check runs (default 30 s). */
  checkMs?: number;
};

/** Screen heartbeats: stored per device; a periodic check reports silent walls as a platform check. */
export class ScreenWatch {
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => Date;

  constructor(private readonly opts: ScreenWatchOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  async beat(deviceId: string, input: HeartbeatInput): Promise<void> {
    const at = this.now().toISOString();
    await this.opts.store.policies.putHeartbeat({ ...input, deviceId, at });
    await this.opts.store.devices.update(deviceId, { lastSeenAt: at });
  }

  /** Every active paired screen with its last heartbeat (a screen that never beat is silent since pairing). */
  async status(): Promise<ScreenStatus[]> {
    const now = this.now().getTime();
    const beats = new Map((await this.opts.store.policies.listHeartbeats()).map((h) => [h.deviceId, h]));
    return (await this.opts.store.devices.list())
      .filter((d) => d.state === 'active')
      .map((d) => {
        const h = beats.get(d.id);
        const since = h ? Date.parse(h.at) : Date.parse(d.createdAt);
        const silentMs = Math.max(0, now - since);
        return {
          deviceId: d.id,
          name: d.name,
          scope: d.scope,
          lastHeartbeatAt: h?.at ?? null,
          silentSeconds: Math.round(silentMs / 1000),
          silent: silentMs > SCREEN_SILENT_AFTER_MS,
          version: h?.version ?? null,
          heapUsedBytes: h?.heapUsedBytes ?? null,
          framesPerSecond: h?.framesPerSecond ?? null,
          errorCount: h?.errorCount ?? null,
          lastError: h?.lastError ?? null,
          path: h?.path ?? null,
        };
      });
  }

  /** One check: each screen's silence as an observation for the alarm engine. */
  async check(): Promise<ScreenObservation[]> {
    const observations = (await this.status()).map((s) => ({
      ruleId: SCREEN_SILENT_RULE,
      regionCode: s.scope,
      entityId: s.deviceId,
      active: s.silent,
      source: 'screen',
      summary: s.silent ? `大屏「${s.name}」已 ${s.silentSeconds} 秒无心跳` : `大屏「${s.name}」心跳正常`,
      groupKey: null,
      value: s.silentSeconds,
    }));
    // Only the silent ones go to the engine: a covered rule's keys without an active observation are clear.
    await this.opts.report?.(observations.filter((o) => o.active));
    return observations;
  }

  start(): void {
    this.timer ??= setInterval(
      () => void this.check().catch((err) => this.opts.logger.warn({ err }, 'screens: check failed')),
      this.opts.checkMs ?? 30_000,
    );
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
