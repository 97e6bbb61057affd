import type { Theme } from '@cockpit/contracts';
import type { Hierarchy, Region } from '../geo/hierarchy';
import type { RoadNetwork } from '../geo/roads';
import type { Dataset, DatasetRead } from '../indicators/dataset-cache';
import type { Datasets, Timing } from '../indicators/datasets';
import type { IndicatorDefinitions } from '../indicators/definitions';
import type { DatasetUnits } from '../indicators/value-registry';
import type { HistoryStore } from '../store/history';
import type { SystemId, Upstreams } from '../upstreams/systems';

/** What a theme builder can use: the shared datasets, and a factory for datasets of its own. */
export type BuilderContext = {
  hierarchy: Hierarchy;
  datasets: Datasets;
  upstreams: Upstreams;
  timing: Timing;
  /** The stored indicator definitions (levels, roll-up rules, formulas, units). */
  indicators: IndicatorDefinitions;
  /** The road network, loaded and built on first use (routing, guidance, green channel, coverage). */
  network: () => RoadNetwork;
  /**
   * A dataset made on demand (e.g. per region, per lot) and kept for reuse: the same id always returns the
   * same dataset object, so its cache entry and refresh schedule are shared by every screen.
   */
  dynamic: <T>(id: string, system: SystemId, ttlMs: number, load: () => Promise<T>) => Dataset<T>;
  /** The stored indicator history (daily rows), when the BFF has a store; read through a dataset. */
  history?: Pick<HistoryStore, 'daily'> | undefined;
};

/** State a theme keeps as a dataset changes over time, fed at each refresh of that dataset (never at build). */
export type DatasetObserver = { dataset: Dataset<unknown>; onRefresh: (value: unknown) => void };

/** A typed `DatasetObserver`. */
export function observeDataset<T>(dataset: Dataset<T>, onRefresh: (value: T) => void): DatasetObserver {
  return { dataset: dataset as Dataset<unknown>, onRefresh: onRefresh as (value: unknown) => void };
}

/**
 * One cockpit theme's snapshot: which datasets a scope needs, and the pure assembly of the snapshot from
 * their reads. The service reads the datasets (stale-while-revalidate), memoises by their versions and
 * statuses, and serves the JSON once per change. `build` writes no state: whatever a theme records over time
 * (e.g. live readings) is recorded by its `observers`, which the service attaches to the dataset cache.
 */
export type ThemeBuilder = {
  theme: Theme;
  datasets: (ctx: BuilderContext, region: Region) => Dataset<unknown>[];
  build: (
    ctx: BuilderContext,
    region: Region,
    reads: ReadonlyMap<string, DatasetRead<unknown>>,
    now: number,
  ) => unknown;
  observers?: (ctx: BuilderContext) => DatasetObserver[];
  /**
   * The theme's datasets, read once for the whole county, as the value functions' units: every region's
   * indicator values come from one evaluator over them (the history pass), equal to what each region's
   * snapshot shows. Optional: without it the pass builds the theme's snapshot region by region.
   */
  valueInputs?: (
    ctx: BuilderContext,
    read: (datasets: Dataset<unknown>[]) => Promise<ReadonlyMap<string, DatasetRead<unknown>>>,
    now: number,
  ) => Promise<ValueInputs>;
};

/** What the one evaluator of a theme's values needs (see snapshots/indicator-values.ts). */
export type ValueInputs = {
  units: DatasetUnits;
  reads: ReadonlyMap<string, DatasetRead<unknown>>;
  observedAt: (datasetId: string, read: DatasetRead<unknown>) => string | undefined;
};

/** Typed access to a read by its dataset. */
export function readOf<T>(reads: ReadonlyMap<string, DatasetRead<unknown>>, ds: Dataset<T>): DatasetRead<T> {
  const read = reads.get(ds.id);
  if (!read) throw new Error(`dataset ${ds.id} was not read for this snapshot`);
  return read as DatasetRead<T>;
}
