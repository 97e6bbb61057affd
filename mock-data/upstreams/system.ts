/** What each simulated department system contributes to the server. */
import type { SimClock } from './clock';
import type { FaultMode, SystemId } from './faults';
import type { Geo } from './geo';
import type { Route } from './router';

export interface SimContext {
  seed: number;
  clock: SimClock;
  geo: Geo;
  /** The folder the geography was loaded from (the road network is read from it too, when present). */
  geoDir?: string;
}

export interface SystemModule {
  id: SystemId;
  /** path prefix, e.g. "/parking-platform" */
  prefix: string;
  routes: Route[];
  /** the system's own error body (used for 404s and injected 5xx answers) */
  errorBody(status: number, message: string, now: number): unknown;
  /** the system's own data faults (e.g. the parking platform's `screens-full`): the answer as the fault makes it */
  faulty?(mode: FaultMode, path: string, body: unknown): unknown;
}

/** How far back history endpoints answer (30 days are promised; a day of slack is accepted). */
export const HISTORY_DAYS = 30;
export const HISTORY_LIMIT_MS = (HISTORY_DAYS + 1) * 86_400_000;

/** Parses an optional non-negative integer query parameter; undefined when absent, NaN when invalid. */
export function intParam(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
}
