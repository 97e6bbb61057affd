import type { Theme } from '@cockpit/contracts';
import type { Hierarchy, Region } from '../geo/hierarchy';
import type { RoadNetwork } from '../geo/roads';
import type { Dataset, DatasetRead } from '../indicators/dataset-cache';
import type { Datasets, Timing } from '../indicators/datasets';
import type { IndicatorDefinitions } from '../indicators/definitions';
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
};

/**
 * One cockpit theme's snapshot: which datasets a scope needs, and the pure assembly of the snapshot from
 * their reads. The service reads the datasets (stale-while-revalidate), memoises by their versions and
 * statuses, and serves the JSON once per change.
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
};

/** Typed access to a read by its dataset. */
export function readOf<T>(reads: ReadonlyMap<string, DatasetRead<unknown>>, ds: Dataset<T>): DatasetRead<T> {
  const read = reads.get(ds.id);
  if (!read) throw new Error(`dataset ${ds.id} was not read for this snapshot`);
  return read as DatasetRead<T>;
}
