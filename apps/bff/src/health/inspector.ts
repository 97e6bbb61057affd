import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { COUNTY_CODE, type IndicatorDefinition } from '@cockpit/contracts';
import { sameHourOfRecentWeeks } from '@cockpit/domain/anomaly';
import { beijingDateKey } from '@cockpit/domain/time';
import { Cron } from 'croner';
import type { Hierarchy } from '../geo/hierarchy';
import { collectValues } from '../history/collect';
import type { DatasetRead } from '../indicators/dataset-cache';
import type { Datasets } from '../indicators/datasets';
import type { Logger } from '../lib/logger';
import type { LiveHub } from '../live/hub';
import type { LivePublisher } from '../live/publisher';
import { waterSections } from '../snapshots/eco/eco.compute';
import { type EcoSites, ecoDatasets } from '../snapshots/eco/eco.data';
import { grassrootsDatasets } from '../snapshots/grassroots/grassroots.data';
import { parkingDatasets } from '../snapshots/parking/parking.builder';
import { domainScreen, lotStatus, screensDataTime } from '../snapshots/parking/parking.model';
import type { SnapshotService } from '../snapshots/service';
import type { FindingInput } from '../store/alarms';
import type { HistoryStore, HourlyValue } from '../store/history';
import type { Store } from '../store/types';
import type { Incident } from '../upstreams/emergency-120/adapter';
import type { AirObservation, WaterObservation } from '../upstreams/env-monitor/adapter';
import type { GuideScreenState, ParkingLotState } from '../upstreams/parking-platform/adapter';
import type { Upstreams } from '../upstreams/systems';
import type { AlarmService } from './alarm-service';
import type { Observation } from './engine';
import {
  type DatasetState,
  dataFindings,
  entityObservations,
  type FlatlineMemory,
  flatlineFindings,
  indicatorObservations,
  jumpObservations,
  maskRecord,
  platformObservations,
  rangeObservations,
  screenObservations,
  type UpstreamCounters,
  waterObservations,
} from './observe';
import { BUSINESS_RULES, CHECK_RULES } from './rules.seed';

const readValue = <T>(reads: ReadonlyMap<string, DatasetRead<unknown>>, id: string) =>
  reads.get(id)?.value as T | undefined;

export type InspectorOptions = {
  alarms: AlarmService;
  snapshots: SnapshotService;
  upstreams: Upstreams;
  hierarchy: Hierarchy;
  hub: LiveHub;
  publisher: LivePublisher;
  logger: Logger;
  indicators: () => readonly IndicatorDefinition[];
  /** The stored indicator history (the sudden-jump check reads the same hour of the recent weeks). */
  history?: HistoryStore | undefined;
  /** Cron of the platform pass (probes, data checks, entity rules); default every 10 s. */
  platformCron?: string;
  /** Cron of the indicator pass (every indicator × region against the rules); default every 5 minutes. */
  indicatorCron?: string;
  now?: () => number;
};

/**
 * The inspection loop (巡检): scheduled probes (croner) of every upstream's datasets and of the BFF itself,
 * the abnormal-data checks over what they return, and the evaluation passes that feed the alarm engine.
 * Findings are stored once per (check, entity, detail) while they persist, not once per pass.
 */
export class Inspector {
  private readonly jobs: Cron[] = [];
  private readonly counters = new Map<string, UpstreamCounters>();
  private lastFindingKeys = new Set<string>();
  private readonly flatlines: FlatlineMemory = new Map();
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 20 });
  private store: Store | undefined;
  private running = { platform: false, indicators: false };
  now: () => number;
  /** Counters for metrics and tests. */
  stats = {
    platformPasses: 0,
    indicatorPasses: 0,
    jumpPasses: 0,
    findingsStored: 0,
    lastStoreLatencyMs: 0,
    lastChanged: 0,
  };

  constructor(private readonly opts: InspectorOptions) {
    this.now = opts.now ?? Date.now;
    opts.publisher.addSource('alarms', async (theme, regionCode) =>
      theme === 'all' ? JSON.stringify({ items: opts.alarms.openIn(regionCode) }) : undefined,
    );
    // Every transition (a pass's, or a person's ack/dispatch/resolve) reaches the walls at once.
    opts.alarms.onTransition(() => this.schedulePublish());
  }

  private publishScheduled = false;

  private schedulePublish() {
    if (this.publishScheduled) return;
    this.publishScheduled = true;
    setImmediate(() => {
      this.publishScheduled = false;
      this.publishAlarms().catch((err) =>
        this.opts.logger.warn({ err }, 'inspection: publishing alarms failed'),
      );
    });
  }

  private readonly valueListeners = new Set<(values: readonly HourlyValue[]) => void>();

  /** Hears the values of every indicator pass (the personal policies' own thresholds); must not block. */
  onIndicatorValues(listener: (values: readonly HourlyValue[]) => void): () => void {
    this.valueListeners.add(listener);
    return () => this.valueListeners.delete(listener);
  }

  bind(store: Store) {
    this.store = store;
  }

  private get datasets(): Datasets {
    return this.opts.snapshots.context.datasets;
  }

  start() {
    if (this.jobs.length > 0) return;
    this.loopDelay.enable();
    const guard = (what: string, fn: () => Promise<unknown>) => async () => {
      try {
        await fn();
      } catch (err) {
        this.opts.logger.warn({ err }, `inspection: ${what} failed`);
      }
    };
    this.jobs.push(
      new Cron(
        this.opts.platformCron ?? '*/10 * * * * *',
        { protect: true },
        guard('platform pass', () => this.platformPass(true)),
      ),
      new Cron(
        this.opts.indicatorCron ?? '30 */5 * * * *',
        { protect: true },
        guard('indicator pass', () => this.indicatorPass()),
      ),
    );
  }

  stop() {
    for (const j of this.jobs) j.stop();
    this.jobs.length = 0;
    this.loopDelay.disable();
  }

  /**
   * Probes every upstream's datasets (a refresh where due), judges the systems (down, errors, drift, late),
   * checks the records (range, silent entities, dropped records) and the entity rules, and self-checks the
   * BFF. `tally`: count the probe results toward the day's availability.
   */
  async platformPass(tally = false): Promise<void> {
    if (this.running.platform) return;
    this.running.platform = true;
    try {
      const now = this.now();
      const ds = this.datasets;
      // Every system is probed, the grassroots platform's datasets too (they are made on first use): a
      // system no one has opened yet must not look as if it never answered.
      const ctx = this.opts.snapshots.context;
      const all = [...Object.values(ds), ...Object.values(grassrootsDatasets(ctx))];
      // What the entity checks read beyond the probes: the guidance screens, the water sections.
      const parking = parkingDatasets(ctx);
      const eco = ecoDatasets(ctx);
      const reads = await this.opts.snapshots.read([...all, parking.screens, eco.sites, eco.water]);
      const datasetStates: DatasetState[] = all.map((d) => ({
        id: d.id,
        system: d.system,
        status: reads.get(d.id)?.status ?? 'error',
      }));
      const clients = Object.values(this.opts.upstreams);
      const health = clients.map((c) => ({
        ...c.health(),
        recordsSeen: c.recordsSeen,
        failedCalls: c.failedCalls,
      }));
      const platform = platformObservations(health, this.counters, datasetStates);
      for (const c of clients)
        this.counters.set(c.system, {
          droppedRecords: c.droppedRecords,
          recordsSeen: c.recordsSeen,
          calls: c.calls,
          failedCalls: c.failedCalls,
        });

      const lots = reads.get(ds.lots.id)?.value as ParkingLotState[] | undefined;
      const calls = reads.get(ds.incidents.id)?.value as { asOf: number; items: Incident[] } | undefined;
      const air = reads.get(ds.air.id)?.value as AirObservation[] | undefined;
      const rules = this.opts.alarms.engineRules();
      // The 120 system's own clock (asOf) times the wait for a dispatch.
      const entity = entityObservations(rules, { lots, incidents: calls?.items }, calls?.asOf ?? now);
      const screens = readValue<GuideScreenState[]>(reads, parking.screens.id);
      const screen =
        lots && screens
          ? screenObservations(
              rules.get(CHECK_RULES.screenMismatch),
              screens.map((sc) => ({ ...domainScreen(sc), villageCode: sc.villageCode })),
              lots.map(lotStatus),
              screensDataTime(screens, now),
            )
          : { covered: new Set<string>(), observations: [], findings: [] };
      const water = this.waterCheck(
        reads.get(eco.sites.id) as DatasetRead<EcoSites> | undefined,
        reads.get(eco.water.id) as DatasetRead<{ rows: WaterObservation[] }> | undefined,
      );
      const drafts = [
        ...dataFindings({ lots, air }, now),
        ...flatlineFindings(this.flatlines, { lots, air }),
        ...screen.findings,
      ];
      const range = rangeObservations(drafts);
      const self = await this.selfObservations();

      const at = new Date(now).toISOString();
      const findings: FindingInput[] = [];
      const keys = new Set<string>();
      for (const f of drafts) {
        const key = `${f.check}|${f.source}|${f.entityId}|${f.detail}`;
        keys.add(key);
        if (!this.lastFindingKeys.has(key)) findings.push({ ...f, at, record: maskRecord(f.record) });
      }
      this.lastFindingKeys = keys;
      for (const c of clients) {
        const samples = c.droppedSamples.splice(0);
        for (const s of samples)
          findings.push({
            at: new Date(s.at).toISOString(),
            source: c.system,
            check: 'drift',
            ruleId: CHECK_RULES.drift,
            entityId: null,
            regionCode: COUNTY_CODE,
            value: null,
            detail: `${s.what}：${s.issue}`,
            record: maskRecord(s.record),
          });
      }
      if (this.store && findings.length > 0) {
        await this.store.alarms.insertFindings(findings);
        this.stats.findingsStored += findings.length;
      }
      if (this.store && tally)
        await this.store.alarms.recordProbes(
          beijingDateKey(now),
          health.map((h) => ({ system: h.system, ok: h.breaker === 'closed' && h.errorRate < 0.5 })),
        );

      const covered = new Set([
        ...platform.covered,
        ...entity.covered,
        CHECK_RULES.range,
        ...self.covered,
        ...screen.covered,
        ...water.covered,
      ]);
      const changed = await this.opts.alarms.pass(covered, [
        ...platform.observations,
        ...entity.observations,
        ...range,
        ...self.observations,
        ...screen.observations,
        ...water.observations,
      ]);
      this.stats.platformPasses++;
      this.stats.lastChanged = changed.length;
    } finally {
      this.running.platform = false;
    }
  }

  /**
   * Every active indicator × region (the cockpits' own builders), against the indicator rules. `only`: just
   * these regions (a test's cheap pass; the rules' other keys are then left as they are).
   */
  async indicatorPass(only?: readonly string[]): Promise<void> {
    if (this.running.indicators) return;
    this.running.indicators = true;
    try {
      const defs = this.opts.indicators().filter((d) => d.status === 'active');
      const byId = new Map(defs.map((d) => [d.id, d]));
      // `only` narrows the regions collected; roll-ups still read the whole hierarchy (get).
      const whole = this.opts.hierarchy;
      const hierarchy = only
        ? ({
            regions: new Map(only.flatMap((c) => (whole.get(c) ? [[c, whole.get(c)!]] : []))),
            get: (code: string) => whole.get(code),
          } as unknown as Hierarchy)
        : this.opts.hierarchy;
      const values = await collectValues(
        this.opts.snapshots,
        hierarchy,
        defs.map((d) => ({ id: d.id, unit: d.unit, theme: d.theme, levels: d.levels })),
        this.now(),
      );
      for (const listener of this.valueListeners) listener(values);
      const { covered, observations } = indicatorObservations(
        this.opts.alarms.engineRules().values(),
        values,
        (id) => byId.get(id),
      );
      const judged = only ? new Set(only) : undefined;
      const changed = await this.opts.alarms.pass(
        covered,
        observations,
        judged && ((code) => judged.has(code)),
      );
      this.stats.indicatorPasses++;
      this.stats.lastChanged = changed.length;
    } finally {
      this.running.indicators = false;
    }
  }

  private waterMemo: { key: string; sections: ReturnType<typeof waterSections> } | undefined;

  /**
   * The water sections below their target class, from the eco data (recomputed only when the stations or the
   * samples were refreshed). Not judged while the water data is failing (the outage is its own alarm).
   */
  private waterCheck(
    sites: DatasetRead<EcoSites> | undefined,
    water: DatasetRead<{ rows: WaterObservation[] }> | undefined,
  ) {
    if (!sites?.value || !water?.value || water.status === 'error')
      return { covered: new Set<string>(), observations: [] };
    const key = `${sites.version}|${water.version}`;
    if (this.waterMemo?.key !== key)
      this.waterMemo = { key, sections: waterSections(sites.value.water, water.value.rows) };
    return waterObservations(this.opts.alarms.getRule(BUSINESS_RULES.water), this.waterMemo.sections);
  }

  /**
   * The sudden-jump check of one stored hour (run after each hourly history write): every indicator × region
   * value against the same hour of the last 4 weeks in the stored history (one read of those 4 hours),
   * findings stored, and the jump rule judged per source system.
   */
  async jumpPass(hour: string, values: readonly HourlyValue[]): Promise<void> {
    const history = this.opts.history;
    if (!history) return;
    const hours = sameHourOfRecentWeeks(Date.parse(hour)).map((t) => new Date(t).toISOString());
    const byId = new Map(this.opts.indicators().map((d) => [d.id, d]));
    const { covered, observations, findings } = jumpObservations({
      rule: this.opts.alarms.getRule(CHECK_RULES.jump),
      hour,
      values,
      past: await history.valuesOfHours(hours),
      definition: (id) => byId.get(id),
    });
    const at = new Date(this.now()).toISOString();
    if (this.store && findings.length > 0) {
      await this.store.alarms.insertFindings(
        findings.map((f) => ({ ...f, at, record: maskRecord(f.record) })),
      );
      this.stats.findingsStored += findings.length;
    }
    const changed = await this.opts.alarms.pass(covered, observations);
    this.stats.jumpPasses++;
    this.stats.lastChanged = changed.length;
  }

  /** The BFF's own probes: event-loop lag, heap, store latency. */
  private async selfObservations(): Promise<{ covered: Set<string>; observations: Observation[] }> {
    const covered = new Set<string>([CHECK_RULES.eventLoopLag, CHECK_RULES.memory]);
    const observations: Observation[] = [];
    const rules = this.opts.alarms.engineRules();
    const obs = (ruleId: string, value: number, summary: string) => {
      const cond = rules.get(ruleId)?.condition;
      if (
        cond &&
        (cond.op === '>'
          ? value > cond.value
          : cond.op === '>='
            ? value >= cond.value
            : cond.op === '<'
              ? value < cond.value
              : value <= cond.value)
      )
        observations.push({
          ruleId,
          regionCode: COUNTY_CODE,
          entityId: 'bff',
          active: true,
          source: 'bff',
          summary,
          groupKey: 'bff',
          value,
        });
    };
    const lagMs = this.loopDelay.percentile(99) / 1e6;
    this.loopDelay.reset();
    obs(CHECK_RULES.eventLoopLag, lagMs, `BFF 事件循环延迟 p99 ${Math.round(lagMs)} ms`);
    const heap = getHeapStatistics();
    const heapShare = heap.used_heap_size / (heap.heap_size_limit || 1);
    obs(CHECK_RULES.memory, heapShare, `BFF 堆内存占用 ${Math.round(heapShare * 100)}%`);
    if (this.store) {
      covered.add(CHECK_RULES.storeLatency);
      const t0 = performance.now();
      await this.store.alarms.probeTallies('0000-00-00');
      this.stats.lastStoreLatencyMs = performance.now() - t0;
      obs(
        CHECK_RULES.storeLatency,
        this.stats.lastStoreLatencyMs,
        `数据库响应 ${Math.round(this.stats.lastStoreLatencyMs)} ms`,
      );
    }
    return { covered, observations };
  }

  /** Republishes the followed alarms:all:<region> topics (the walls update within a tick). */
  private async publishAlarms() {
    const topics = this.opts.publisher.followedTopics('alarms').map((t) => t.topic);
    if (topics.length > 0) await this.opts.publisher.republish(topics);
  }
}
