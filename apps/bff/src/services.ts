import type { Hierarchy } from './geo/hierarchy';
import { AlarmService } from './health/alarm-service';
import { Inspector } from './health/inspector';
import type { NotificationDispatcher } from './health/notify';
import type { ScreenWatch } from './health/screens';
import { HistoryService } from './history/service';
import { DatasetCache } from './indicators/dataset-cache';
import { createDatasets, DEFAULT_TIMING, type Timing } from './indicators/datasets';
import { IndicatorDefinitions } from './indicators/definitions';
import { INDICATOR_DEFINITIONS } from './indicators/registry';
import type { Logger } from './lib/logger';
import { LiveHub } from './live/hub';
import { LivePublisher } from './live/publisher';
import { SnapshotService } from './snapshots/service';
import type { HistoryStore } from './store/history';
import { createUpstreams, type SystemId, type Upstreams, type UpstreamTuning } from './upstreams/systems';

export type Services = {
  upstreams: Upstreams;
  cache: DatasetCache;
  snapshots: SnapshotService;
  /** The stored indicator definitions (cached; bound to the store by createApp). */
  indicators: IndicatorDefinitions;
  hub: LiveHub;
  publisher: LivePublisher;
  /** Systems served by a simulator: their data is demo data, and the screens say so. */
  simulated: ReadonlySet<SystemId>;
  /** Live streams one client address may hold open at once. */
  liveMaxStreamsPerAddress: number;
  /** Indicator history (writer, backfill, reads); absent when the services run without a store. */
  history?: HistoryService;
  /** Personal alert notifications and screen heartbeats (set up by createApp over the store). */
  notifications?: NotificationDispatcher;
  screens?: ScreenWatch;
  /** Stored alarms, rules, silences and the evaluation engine (bound to the store by createApp). */
  alarms: AlarmService;
  /** Scheduled probes, abnormal-data checks and evaluation passes (server.ts starts it; tests drive passes). */
  inspector: Inspector;
};

export type ServicesOptions = {
  hierarchy: Hierarchy;
  logger: Logger;
  baseUrls: Record<SystemId, string>;
  timing?: Timing;
  tuning?: UpstreamTuning;
  liveTickMs?: number;
  replayBuffer?: number;
  /** Bytes a live subscriber may have waiting (queue + socket) before it is dropped. */
  liveMaxWaitingBytes?: number;
  liveMaxStreamsPerAddress?: number;
  geoDir?: string | undefined;
  /** Systems served by a simulator (see Config.simulated). */
  simulated?: readonly SystemId[];
  /** Roll the department cockpits' alarms up into the overview (default true). */
  rollupAlarms?: boolean;
  /** The store's indicator history: given, the hourly writer and the eco year to date use it. */
  history?: HistoryStore;
  /** The snapshot service's clock (tests freeze it to keep a memo fresh on a busy machine). */
  snapshotClock?: () => number;
};

/** The aggregation layer: upstream clients → dataset cache → snapshots → live stream. */
export function createServices(opts: ServicesOptions): Services {
  const timing = opts.timing ?? DEFAULT_TIMING;
  const upstreams = createUpstreams(opts.baseUrls, opts.tuning);
  const cache = new DatasetCache();
  const simulated = new Set(opts.simulated ?? []);
  const datasets = createDatasets(upstreams, timing);
  const indicators = new IndicatorDefinitions(INDICATOR_DEFINITIONS);
  const snapshots = new SnapshotService({
    indicators,
    hierarchy: opts.hierarchy,
    cache,
    datasets,
    upstreams,
    timing,
    geoDir: opts.geoDir,
    simulated,
    rollupAlarms: opts.rollupAlarms ?? true,
    history: opts.history,
    ...(opts.snapshotClock ? { now: opts.snapshotClock } : {}),
  });
  const hub = new LiveHub({
    bufferSize: opts.replayBuffer ?? 1000,
    onDrop: (address, reason) => opts.logger.warn({ address, reason }, 'live: dropped a stream'),
    ...(opts.liveMaxWaitingBytes ? { maxWaitingBytes: opts.liveMaxWaitingBytes } : {}),
  });
  const publisher = new LivePublisher(hub, snapshots, opts.logger, opts.liveTickMs ?? 2000);
  const history = opts.history
    ? new HistoryService({
        store: opts.history,
        snapshots,
        hierarchy: opts.hierarchy,
        upstreams,
        logger: opts.logger,
        // The stored definitions: what is active now is what is recorded each hour.
        indicators: () =>
          indicators
            .list({ status: 'active' })
            .map((d) => ({ id: d.id, unit: d.unit, theme: d.theme, levels: d.levels })),
      })
    : undefined;
  const alarms = new AlarmService({
    logger: opts.logger,
    knownRegion: (code) => opts.hierarchy.get(code) !== undefined,
    indicators: () => indicators.list(),
    indicator: (id) => indicators.get(id),
  });
  const inspector = new Inspector({
    alarms,
    snapshots,
    upstreams,
    hierarchy: opts.hierarchy,
    hub,
    publisher,
    logger: opts.logger,
    indicators: () => indicators.list(),
    history: opts.history,
  });
  // Each hourly history write is judged for sudden jumps against the same hour of the recent weeks.
  history?.onHourRecorded((hour, values) => inspector.jumpPass(hour, values));
  return {
    ...(history ? { history } : {}),
    alarms,
    inspector,
    upstreams,
    cache,
    snapshots,
    indicators,
    hub,
    publisher,
    simulated,
    liveMaxStreamsPerAddress: opts.liveMaxStreamsPerAddress ?? 200,
  };
}
