import type { Alarm, SourceStatus, Theme } from '@cockpit/contracts';
import type { Hierarchy } from '../geo/hierarchy';
import { loadRoadNetwork } from '../geo/roads';
import type { Dataset, DatasetCache, DatasetRead } from '../indicators/dataset-cache';
import type { Datasets, Timing } from '../indicators/datasets';
import type { IndicatorDefinitions } from '../indicators/definitions';
import { HttpError } from '../lib/errors';
import { type Prepared, prepare } from '../lib/prepared';
import type { SystemId, Upstreams } from '../upstreams/systems';
import type { BuilderContext, ThemeBuilder } from './builder';
import { BUILDERS } from './builders';
import { type DepartmentAlarms, rollupAlarms } from './overview';

export type PreparedSnapshot = Prepared & { theme: Theme; regionCode: string };

/** What every built snapshot carries that the service reads back (roll-up, simulated marking). */
type BuiltSnapshot = { alarms: Alarm[]; sources: SourceStatus[] };

/** The department cockpits whose alarms and sources the overview rolls up. */
/** The cockpits whose alarms the overview rolls up (the grassroots platform's flood and overdue alarms too). */
const DEPARTMENTS = ['parking', 'trauma', 'eco', 'grassroots'] as const;

/** Themes whose snapshot exists. */
export const SNAPSHOT_THEMES = Object.keys(BUILDERS) as Theme[];

const RECHECK_MS = 500;

/**
 * Builds each cockpit snapshot from the cached datasets and memoises it: the JSON body and its ETag are
 * made once per change of the underlying data, whatever the number of screens asking.
 */
export class SnapshotService {
  private readonly memo = new Map<
    string,
    { key: string; prepared: PreparedSnapshot; checkedAt: number; snapshot: BuiltSnapshot }
  >();
  private readonly dynamicDatasets = new Map<string, Dataset<unknown>>();
  private readonly ctx: BuilderContext;

  constructor(
    private readonly deps: {
      hierarchy: Hierarchy;
      cache: DatasetCache;
      datasets: Datasets;
      upstreams: Upstreams;
      timing: Timing;
      /** The stored indicator definitions the builders read (levels, roll-up rules, formulas, units). */
      indicators: IndicatorDefinitions;
      geoDir?: string | undefined;
      now?: () => number;
      /** Systems served by the bundled simulator: their sources say `simulated: true`. */
      simulated?: ReadonlySet<SystemId>;
      /** Roll the department cockpits' alarms up into the overview (default true; see departments()). */
      rollupAlarms?: boolean;
      /** The stored indicator history (the eco year to date reads its daily rows). */
      history?: BuilderContext['history'];
    },
  ) {
    this.ctx = {
      hierarchy: deps.hierarchy,
      datasets: deps.datasets,
      upstreams: deps.upstreams,
      timing: deps.timing,
      indicators: deps.indicators,
      network: () => loadRoadNetwork(deps.geoDir),
      history: deps.history,
      dynamic: <T>(id: string, system: SystemId, ttlMs: number, load: () => Promise<T>) => {
        let ds = this.dynamicDatasets.get(id) as Dataset<T> | undefined;
        if (!ds) {
          ds = { id, system, ttlMs, freshnessMs: ttlMs * 2 + 5_000, load };
          this.dynamicDatasets.set(id, ds as Dataset<unknown>);
        }
        return ds;
      },
    };
    // What the themes record over time is fed by the refreshes of their datasets, not by building snapshots.
    for (const builder of Object.values(BUILDERS))
      for (const o of builder.observers?.(this.ctx) ?? []) deps.cache.observe(o.dataset, o.onRefresh);
  }

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
    // A change of the indicator definitions invalidates at once (not after RECHECK_MS).
    const definitions = `definitions@${this.deps.indicators.generation}`;
    if (hit && this.now() - hit.checkedAt < RECHECK_MS && hit.key.endsWith(definitions)) return hit.prepared;
    return undefined;
  }

  /** The builder context, for routes of a theme that compute from the same datasets (e.g. guidance). */
  get context(): BuilderContext {
    return this.ctx;
  }

  /** Reads datasets through the shared cache (stale-while-revalidate). */
  async read(datasets: Dataset<unknown>[]): Promise<Map<string, DatasetRead<unknown>>> {
    const unique = [...new Map(datasets.map((d) => [d.id, d])).values()];
    const reads = await Promise.all(unique.map((d) => this.deps.cache.read(d)));
    return new Map(unique.map((d, i) => [d.id, reads[i]!]));
  }

  private async build(theme: Theme, regionCode: string): Promise<PreparedSnapshot> {
    const region = this.deps.hierarchy.get(regionCode);
    if (!region) throw new HttpError(404, 'REGION_NOT_FOUND', `No region has the code ${regionCode}`);
    const builder: ThemeBuilder | undefined = BUILDERS[theme];
    if (!builder) throw new HttpError(404, 'THEME_NOT_AVAILABLE', `The ${theme} cockpit has no snapshot yet`);

    // The overview rolls up the department cockpits' alarms from their memoised snapshots of the same
    // region. One not built yet is started in the background and reported pending, never as "no alarms".
    const departments =
      theme === 'overview' && this.deps.rollupAlarms !== false ? this.departments(regionCode) : [];
    const reads = await this.read(builder.datasets(this.ctx, region));
    const key = [
      ...[...reads.entries()].map(([id, r]) => `${id}@${r.version}:${r.status}`),
      ...departments.map((d) => d.etag ?? `${d.theme}:pending`),
      `definitions@${this.deps.indicators.generation}`,
    ].join('|');
    const memoKey = `${theme}:${regionCode}`;
    const hit = this.memo.get(memoKey);
    const checkedAt = this.now();
    if (hit?.key === key) {
      hit.checkedAt = checkedAt;
      return hit.prepared;
    }
    let snapshot = builder.build(this.ctx, region, reads, checkedAt) as BuiltSnapshot;
    if (theme === 'overview') {
      const built = departments.filter((d) => d.etag !== undefined);
      snapshot = {
        ...snapshot,
        ...rollupAlarms(snapshot, built),
        ...(this.deps.rollupAlarms === false
          ? {}
          : { alarmsPending: departments.filter((d) => d.etag === undefined).map((d) => d.theme) }),
      } as BuiltSnapshot;
    }
    const simulated = this.deps.simulated ?? new Set();
    snapshot.sources = snapshot.sources.map((s) => ({
      ...s,
      simulated: simulated.has(s.system as SystemId),
    }));
    // The ETag leaves out the times of the check (generatedAt, lastGoodAt): a reload gets 304 while the data
    // is the same, and the body sent with a 200 still carries the latest times.
    const sameAs = JSON.stringify(snapshot, (k, v) =>
      k === 'generatedAt' || k === 'lastGoodAt' ? undefined : v,
    );
    const prepared: PreparedSnapshot = { ...prepare(JSON.stringify(snapshot), sameAs), theme, regionCode };
    this.memo.set(memoKey, { key, prepared, checkedAt, snapshot });
    return prepared;
  }

  /**
   * The department cockpits' alarms and sources for the region, from their memoised snapshots (whatever
   * their age: the overview is rebuilt when their ETags change). A cockpit not built yet is built in the
   * background and has no ETag here.
   */
  private departments(regionCode: string): (DepartmentAlarms & { etag: string | undefined })[] {
    return DEPARTMENTS.filter((t) => BUILDERS[t]).map((theme) => {
      const hit = this.memo.get(`${theme}:${regionCode}`);
      if (!hit) {
        const pending = this.get(theme, regionCode);
        if (pending instanceof Promise) pending.catch(() => undefined);
        return { theme, alarms: [], sources: [], etag: undefined };
      }
      if (this.now() - hit.checkedAt >= RECHECK_MS) {
        const recheck = this.get(theme, regionCode);
        if (recheck instanceof Promise) recheck.catch(() => undefined);
      }
      return { theme, alarms: hit.snapshot.alarms, sources: hit.snapshot.sources, etag: hit.prepared.etag };
    });
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}
