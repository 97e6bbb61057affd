import { beijingDateOf } from '@cockpit/domain/eco';
import type { Hierarchy } from '../geo/hierarchy';
import type { Logger } from '../lib/logger';
import type { SnapshotService } from '../snapshots/service';
import {
  type DailyRecord,
  type HistoryStore,
  type HourlyRecord,
  type HourlyValue,
  hourKey,
} from '../store/history';
import type { Upstreams } from '../upstreams/systems';
import { airHistory, countyHistory, emergencyHistory, parkingHistory, waterNoiseHistory } from './backfill';
import { collectValues } from './collect';
import {
  activeHistoryIndicators,
  DAILY_LAST_VALUE_IDS,
  DAILY_OWN_RULE_IDS,
  type HistoryIndicator,
} from './definitions';

const HOUR_MS = 3600_000;

export type HistoryDeps = {
  store: HistoryStore;
  snapshots: SnapshotService;
  hierarchy: Hierarchy;
  upstreams: Upstreams;
  logger: Logger;
  now?: () => number;
  indicators?: () => HistoryIndicator[];
};

/**
 * Indicator history: each hour every active indicator's value for every region where it exists is stored,
 * and the day's figures are made from the hours; on start the upstreams' own history fills what is missing
 * (idempotent: a restart adds nothing twice). Reads serve the series API and the eco year to date.
 */
export class HistoryService {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly recorded = new Set<(hour: string, values: readonly HourlyValue[]) => Promise<void>>();

  constructor(private readonly deps: HistoryDeps) {}

  /**
   * Hears every hour written (after the write): the health inspection's sudden-jump check runs on it. A
   * listener's failure is logged, never the hour's.
   */
  onHourRecorded(listener: (hour: string, values: readonly HourlyValue[]) => Promise<void>): () => void {
    this.recorded.add(listener);
    return () => this.recorded.delete(listener);
  }

  get store(): HistoryStore {
    return this.deps.store;
  }

  indicators(): HistoryIndicator[] {
    return (this.deps.indicators ?? activeHistoryIndicators)();
  }

  /**
   * Backfill a minute after the start (it fills only what is missing; the start itself, and the screens'
   * first snapshots, come first), then record each hour a few seconds after it starts. The first live hour
   * waits for the next hour boundary.
   */
  start(opts: { backfillDelayMs?: number } = {}): void {
    this.stopped = false;
    this.timer = setTimeout(() => {
      this.running = this.backfill()
        .then(() => undefined)
        .catch((err) => this.deps.logger.warn({ err }, 'history: backfill failed'))
        .finally(() => this.schedule());
    }, opts.backfillDelayMs ?? 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    const now = this.now();
    const next = Math.floor(now / HOUR_MS) * HOUR_MS + HOUR_MS + 5_000;
    this.timer = setTimeout(() => {
      this.running = this.recordHour()
        .then(() => undefined)
        .catch((err) => this.deps.logger.warn({ err }, 'history: recording the hour failed'))
        .finally(() => this.schedule());
    }, next - now);
    this.timer.unref();
  }

  /**
   * Stores the current values as the hour `now` falls in (a second run in the same hour replaces them),
   * then remakes that Beijing day's daily rows from its hours, and the eco daily AQI of the last days.
   */
  async recordHour(now = this.now()): Promise<{ hour: string; rows: number }> {
    const values = await collectValues(
      this.deps.snapshots,
      this.deps.hierarchy,
      this.indicators(),
      now,
      () => this.stopped,
    );
    const hour = hourKey(now);
    await this.deps.store.writeHour(hour, values);
    await this.deps.store.aggregateDays([beijingDateOf(now)], {
      lastOf: DAILY_LAST_VALUE_IDS,
      skip: DAILY_OWN_RULE_IDS,
    });
    const air = await airHistory(this.deps.snapshots, this.deps.hierarchy);
    await this.deps.store.writeDays(air.days);
    for (const listener of this.recorded)
      await listener(hour, values).catch((err) =>
        this.deps.logger.warn({ err }, 'history: a listener of the hour failed'),
      );
    return { hour, rows: values.length };
  }

  /**
   * Fills the history from the upstreams' own: the environment platform's hourly air data (AQI, PM2.5,
   * HJ 633 daily AQI, 30 days), the county statistics' hourly series (30 days), the parking platform's
   * per-lot occupancy (28 days), the 120 dispatch system's incidents as they stood at each hour (7 days:
   * one request per hour) and the environment platform's water samples and hourly noise (30 days: water
   * compliance and night noise compliance as they stood at each hour). Rows are marked backfilled and never
   * replace a stored one, so running it again (every start) only fills gaps.
   */
  async backfill(): Promise<{ hourly: number; daily: number }> {
    const air = await airHistory(this.deps.snapshots, this.deps.hierarchy);
    if (this.stopped) return { hourly: 0, daily: 0 };
    const county = await countyHistory(this.deps.upstreams, this.deps.hierarchy, () => this.stopped).catch(
      (err) => ({
        rows: [],
        failed: [`county-services: ${err instanceof Error ? err.message : String(err)}`],
      }),
    );
    if (this.stopped) return { hourly: 0, daily: 0 };
    const stopped = () => this.stopped;
    const parking = await parkingHistory(this.deps.snapshots, this.deps.hierarchy, stopped);
    const emergency = await emergencyHistory(this.deps.upstreams, this.deps.snapshots, this.deps.hierarchy, {
      stopped,
    }).catch((err) => ({
      rows: [],
      failed: [`emergency-120: ${err instanceof Error ? err.message : String(err)}`],
    }));
    if (this.stopped) return { hourly: 0, daily: 0 };
    const waterNoise = await waterNoiseHistory(
      this.deps.upstreams,
      this.deps.snapshots,
      this.deps.hierarchy,
      stopped,
    ).catch((err) => ({
      rows: [],
      failed: [`env-monitor water/noise: ${err instanceof Error ? err.message : String(err)}`],
    }));
    if (this.stopped) return { hourly: 0, daily: 0 };
    const failed = [...county.failed, ...emergency.failed, ...waterNoise.failed];
    if (failed.length) this.deps.logger.warn({ failed }, 'history: some series not backfilled');
    const fromDatasets = [...parking.rows, ...emergency.rows, ...waterNoise.rows];
    const hourly = await this.deps.store.backfillHours([...air.hours, ...county.rows, ...fromDatasets]);
    await this.deps.store.writeDays(air.days);
    const days = [
      ...new Set([...county.rows, ...fromDatasets].map((r) => beijingDateOf(Date.parse(r.hour)))),
    ].sort();
    await this.deps.store.aggregateDays(days, { lastOf: DAILY_LAST_VALUE_IDS, skip: DAILY_OWN_RULE_IDS });
    this.deps.logger.info({ hourly, daily: air.days.length, days: days.length }, 'history: backfilled');
    return { hourly, daily: air.days.length };
  }

  hourly(indicatorId: string, regionCode: string, from: string, to: string): Promise<HourlyRecord[]> {
    return this.deps.store.hourly(indicatorId, regionCode, from, to);
  }

  /** The stored daily rows of a region (Beijing dates, inclusive), oldest first. */
  daily(indicatorId: string, regionCode: string, fromDay: string, toDay: string): Promise<DailyRecord[]> {
    return this.deps.store.daily(indicatorId, regionCode, fromDay, toDay);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}
