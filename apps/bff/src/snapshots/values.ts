import type { IndicatorStatus, IndicatorValue, SourceStatus } from '@cockpit/contracts';
import type { DatasetRead } from '../indicators/dataset-cache';
import { type IndicatorId, indicatorMeta } from '../indicators/registry';
import { SYSTEM_NAMES, type SystemId } from '../upstreams/systems';

/** An indicator value carrying its dataset's freshness. `at` is when the upstream observed it. */
export function indicatorValue(
  id: IndicatorId,
  value: number | null,
  read: Pick<DatasetRead<unknown>, 'status' | 'fetchedAt'>,
  observedAt: string | undefined,
): IndicatorValue {
  return valueWithUnit(id, indicatorMeta(id).unit, value, read, observedAt);
}

/** The same, for any indicator, with the unit of its (stored) definition. */
export function valueWithUnit(
  id: string,
  unit: string,
  value: number | null,
  read: Pick<DatasetRead<unknown>, 'status' | 'fetchedAt'>,
  observedAt: string | undefined,
): IndicatorValue {
  const lastGoodAt = read.fetchedAt === undefined ? undefined : new Date(read.fetchedAt).toISOString();
  const status: IndicatorStatus = value === null && read.status === 'ok' ? 'ok' : read.status;
  return {
    indicatorId: id,
    value: value === null ? null : round(value, unit === '%' ? 4 : 2),
    unit,
    at: observedAt ?? lastGoodAt ?? new Date(0).toISOString(),
    status,
    ...(lastGoodAt ? { lastGoodAt } : {}),
  };
}

export function sourceStatus(system: SystemId, reads: readonly DatasetRead<unknown>[]): SourceStatus {
  const worst = reads.some((r) => r.status === 'error')
    ? 'error'
    : reads.some((r) => r.status === 'stale')
      ? 'stale'
      : 'ok';
  const fetched = reads.map((r) => r.fetchedAt).filter((t): t is number => t !== undefined);
  const error = reads.find((r) => r.error)?.error;
  return {
    system,
    name: SYSTEM_NAMES[system],
    status: worst,
    lastGoodAt: fetched.length ? new Date(Math.min(...fetched)).toISOString() : null,
    ...(error ? { error } : {}),
  };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
