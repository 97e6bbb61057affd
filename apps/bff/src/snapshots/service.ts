import type { Series, Theme } from '@cockpit/contracts';
import type { Hierarchy } from '../geo/hierarchy';
import type { Dataset, DatasetCache } from '../indicators/dataset-cache';
import type { Datasets, Timing } from '../indicators/datasets';
import { HttpError } from '../lib/errors';
import { type Prepared, prepare } from '../lib/prepared';
import { fetchHistory } from '../upstreams/county-services/adapter';
import type { Upstreams } from '../upstreams/systems';
import { buildOverview, type OverviewReads } from './overview';

export type PreparedSnapshot = Prepared & { theme: Theme; regionCode: string };

/** Themes whose snapshot exists. The department cockpits add theirs as they land. */
export const SNAPSHOT_THEMES: readonly Theme[] = ['overview'];

const RECHECK_MS = 500;

const SERIES_IDS = [
  { indicatorId: 'traffic.congestionIndex', unit: '' },
  { indicatorId: 'health.outpatientVisitsToday', unit: '人次', as: 'health.outpatientVisits' },
] as const;

/**
 * Builds each cockpit snapshot from the cached datasets and memoises it: the JSON body and its ETag are
 * made once per change of the underlying data, whatever the number of screens asking.
 */
export class SnapshotService {
  private readonly memo = new Map<string, { key: string; prepared: PreparedSnapshot; checkedAt: number }>();
  private readonly seriesDatasets = new Map<string, Dataset<{ at: string; value: number | null }[]>>();

  constructor(
    private readonly deps: {
      hierarchy: Hierarchy;
      cache: DatasetCache;
      datasets: Datasets;
      upstreams: Upstreams;
      timing: Timing;
      now?: () => number;
    },
  ) {}

  /**
   * The snapshot of one scope. Within RECHECK_MS of the last check the memoised snapshot is returned at once:
   * under load this saves re-reading every dataset on every request, and it delays a change by at most that.
   */
  get(theme: Theme, regionCode: string): PreparedSnapshot | Promise<PreparedSnapshot> {
    return this.peek(theme, regionCode) ?? this.build(theme, regionCode);
  }

  /** The memoised snapshot if it was checked within RECHECK_MS; only valid scopes are ever memoised. */
  peek(theme: string, regionCode: string): PreparedSnapshot | undefined {
    const hit = this.memo.get(`${theme}:${regionCode}`);
    if (hit && (this.deps.now ?? Date.now)() - hit.checkedAt < RECHECK_MS) return hit.prepared;
    return undefined;
  }

  private async build(theme: Theme, regionCode: string): Promise<PreparedSnapshot> {
    const region = this.deps.hierarchy.get(regionCode);
    if (!region) throw new HttpError(404, 'REGION_NOT_FOUND', `No region has the code ${regionCode}`);
    if (!SNAPSHOT_THEMES.includes(theme)) {
      throw new HttpError(404, 'THEME_NOT_AVAILABLE', `The ${theme} cockpit has no snapshot yet`);
    }
    const { cache, datasets } = this.deps;
    const [lots, incidents, air, spots, cases, hospitals, congestion] = await Promise.all([
      cache.read(datasets.lots),
      cache.read(datasets.incidents),
      cache.read(datasets.air),
      cache.read(datasets.spots),
      cache.read(datasets.cases),
      cache.read(datasets.hospitals),
      cache.read(datasets.congestion),
    ]);
    const reads: OverviewReads = { lots, incidents, air, spots, cases, hospitals, congestion };
    const seriesCode = region.level === 'village' ? region.parentCode! : region.code;
    const seriesReads = await Promise.all(
      SERIES_IDS.map((s) => cache.read(this.seriesDataset(s.indicatorId, seriesCode))),
    );

    const key = [...Object.values(reads), ...seriesReads].map((r) => `${r.version}:${r.status}`).join('|');
    const memoKey = `${theme}:${regionCode}`;
    const hit = this.memo.get(memoKey);
    const checkedAt = (this.deps.now ?? Date.now)();
    if (hit?.key === key) {
      hit.checkedAt = checkedAt;
      return hit.prepared;
    }

    const series: Series[] = SERIES_IDS.map((s, i) => ({
      indicatorId: 'as' in s ? s.as : s.indicatorId,
      unit: s.unit,
      points: seriesReads[i]!.value ?? [],
      status: seriesReads[i]!.status,
    }));
    const children = region.childCodes.map((c) => this.deps.hierarchy.get(c)!);
    const snapshot = buildOverview({ region, children, reads, series, now: (this.deps.now ?? Date.now)() });
    const prepared: PreparedSnapshot = { ...prepare(JSON.stringify(snapshot)), theme, regionCode };
    this.memo.set(memoKey, { key, prepared, checkedAt });
    return prepared;
  }

  /** Datasets currently known, for the scheduler to keep fresh. */
  allDatasets(): Dataset<unknown>[] {
    return [...Object.values(this.deps.datasets), ...this.seriesDatasets.values()] as Dataset<unknown>[];
  }

  private seriesDataset(indicatorId: string, region: string) {
    const id = `county.history:${indicatorId}:${region}`;
    let ds = this.seriesDatasets.get(id);
    if (!ds) {
      const client = this.deps.upstreams['county-services'];
      ds = {
        id,
        system: 'county-services',
        ttlMs: this.deps.timing.slowMs * 5,
        freshnessMs: this.deps.timing.slowMs * 10,
        load: () => fetchHistory(client, indicatorId, region),
      };
      this.seriesDatasets.set(id, ds);
    }
    return ds;
  }
}
