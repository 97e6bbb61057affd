import type { IndicatorStatus } from '@cockpit/contracts';

/** One upstream dataset the BFF keeps: how to load it, and how long it stays good. */
export type Dataset<T> = {
  id: string;
  system: string;
  /** After this age a read triggers a background refresh (stale-while-revalidate). */
  ttlMs: number;
  /** After this age without a successful refresh the data is reported stale. */
  freshnessMs: number;
  load: () => Promise<T>;
};

export type DatasetRead<T> = {
  value: T | undefined;
  status: IndicatorStatus;
  /** When the value was fetched (ms), if ever. */
  fetchedAt: number | undefined;
  /** Increases with every successful refresh: a cheap change marker for memoising derived results. */
  version: number;
  error?: string;
};

type Entry = {
  value?: unknown;
  fetchedAt?: number;
  version: number;
  inflight?: Promise<void>;
  lastError?: string;
};

/**
 * Keeps the last good value of each dataset with its age. Reads never wait for a refresh when a value is
 * there (stale-while-revalidate); only the very first read of a dataset waits. A failed refresh keeps the
 * last good value and marks it stale until a refresh succeeds again.
 */
export class DatasetCache {
  private readonly entries = new Map<string, Entry>();
  private readonly onRefreshed?: (datasetId: string) => void;
  private readonly observers = new Map<string, ((value: unknown) => void)[]>();
  /** Observer calls that threw (the dataset keeps its new value all the same). */
  observerErrors = 0;

  constructor(
    private readonly now: () => number = Date.now,
    opts: { onRefreshed?: (datasetId: string) => void } = {},
  ) {
    this.onRefreshed = opts.onRefreshed;
  }

  async read<T>(ds: Dataset<T>): Promise<DatasetRead<T>> {
    const entry = this.entry(ds.id);
    if (entry.fetchedAt === undefined) {
      await this.refresh(ds);
    } else if (this.now() - entry.fetchedAt >= ds.ttlMs) {
      void this.refresh(ds);
    }
    return this.peek(ds);
  }

  /** The current state without triggering anything. */
  peek<T>(ds: Dataset<T>): DatasetRead<T> {
    const entry = this.entry(ds.id);
    const age = entry.fetchedAt === undefined ? Number.POSITIVE_INFINITY : this.now() - entry.fetchedAt;
    // A value is ok while it is fresh and the last refresh worked; a failed refresh makes it stale at once
    // (the last good value is kept), and so does missing the freshness target with no refresh under way. A
    // refresh still under way is not the source's fault: when the BFF itself is slow (busy event loop, queued
    // calls) the age grows without anything failing, and that must not read as 延迟. The client's timeout
    // bounds how long a refresh can be under way: then it fails, and the value turns stale.
    const refreshing = entry.inflight !== undefined;
    const status: IndicatorStatus =
      entry.fetchedAt === undefined
        ? 'error'
        : entry.lastError === undefined && (age <= ds.freshnessMs || refreshing)
          ? 'ok'
          : 'stale';
    return {
      value: entry.value as T | undefined,
      status,
      fetchedAt: entry.fetchedAt,
      version: entry.version,
      ...(entry.lastError !== undefined ? { error: entry.lastError } : {}),
    };
  }

  /** Refreshes now (coalesced with a refresh already under way). Never throws. */
  refresh<T>(ds: Dataset<T>): Promise<void> {
    const entry = this.entry(ds.id);
    entry.inflight ??= ds
      .load()
      .then(
        (value) => {
          entry.value = value;
          entry.fetchedAt = this.now();
          entry.version++;
          delete entry.lastError;
          for (const observe of this.observers.get(ds.id) ?? []) {
            try {
              observe(value);
            } catch {
              this.observerErrors++;
            }
          }
          this.onRefreshed?.(ds.id);
        },
        (err: unknown) => {
          entry.lastError = err instanceof Error ? err.message : String(err);
        },
      )
      .finally(() => {
        delete entry.inflight;
      });
    return entry.inflight;
  }

  /**
   * Calls `observe` with each new value of the dataset, once per successful refresh (and at once with the
   * value held now, if any). This is where state that follows a dataset over time is kept (e.g. the parking
   * live buffer), so that building a snapshot from the reads stays pure.
   */
  observe<T>(ds: Dataset<T>, observe: (value: T) => void): void {
    const list = this.observers.get(ds.id) ?? [];
    list.push(observe as (value: unknown) => void);
    this.observers.set(ds.id, list);
    const entry = this.entry(ds.id);
    if (entry.fetchedAt !== undefined) observe(entry.value as T);
  }

  /** Refreshes the dataset if it is due, without reading it. */
  refreshIfDue<T>(ds: Dataset<T>): Promise<void> {
    const { fetchedAt } = this.entry(ds.id);
    if (fetchedAt === undefined || this.now() - fetchedAt >= ds.ttlMs) return this.refresh(ds);
    return Promise.resolve();
  }

  private entry(id: string): Entry {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { version: 0 };
      this.entries.set(id, entry);
    }
    return entry;
  }
}
