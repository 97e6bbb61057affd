import type { Dataset } from '../../indicators/dataset-cache';
import { GRASSROOTS_WINDOW_MS } from '../../indicators/grassroots-values';
import {
  fetchDevices,
  fetchEvents,
  fetchFarmScans,
  fetchFloodPoints,
  fetchGrids,
  fetchHomestays,
  fetchPatrols,
  fetchServicePoints,
  fetchUpstreamNow,
  fetchVillageBasics,
  type GrassrootsEvent,
  type Timed,
  type VillageBasicsRow,
} from '../../upstreams/grassroots/adapter';
import type { UpstreamClient } from '../../upstreams/http-client';
import type { BuilderContext } from '../builder';

const DAY_MS = 86_400_000;
/** Recent events are fetched on every refresh; the whole 30 days every FULL_EVERY refreshes. */
const RECENT_MS = 2 * DAY_MS;
const FULL_EVERY = 5;

/**
 * The 30-day event window. The upstream clock is not ours, so the range is anchored on the upstream's now.
 * A refresh fetches the last two days (where stages move most) and merges; every few refreshes, or when the
 * upstream's clock has jumped, the whole window is fetched again, so older open cases catch up too.
 */
export function eventWindow(client: UpstreamClient): () => Promise<Timed<GrassrootsEvent>> {
  let last: { asOfMs: number; byId: Map<string, GrassrootsEvent> } | undefined;
  let refreshes = 0;
  const load = async (full: boolean): Promise<Timed<GrassrootsEvent>> => {
    const anchor = full || !last ? await fetchUpstreamNow(client) : last.asOfMs;
    const fromMs = full ? anchor - GRASSROOTS_WINDOW_MS + 60_000 : anchor - RECENT_MS;
    const got = await fetchEvents(client, { fromMs, toMs: anchor + 10 * DAY_MS });
    const asOfMs = Date.parse(got.asOf);
    // The upstream clock jumped past the recent range: fetch the whole window now.
    if (!full && last && asOfMs - last.asOfMs > RECENT_MS - DAY_MS) return load(true);
    const byId = full || !last ? new Map<string, GrassrootsEvent>() : last.byId;
    for (const e of got.items) byId.set(e.eventId, e);
    const startMs = asOfMs - GRASSROOTS_WINDOW_MS;
    for (const [id, e] of byId) if (Date.parse(e.reportedAt) < startMs) byId.delete(id);
    last = { asOfMs, byId };
    const items = [...byId.values()].sort((a, b) => (a.reportedAt < b.reportedAt ? -1 : 1));
    return { asOf: got.asOf, items };
  };
  return () => load(refreshes++ % FULL_EVERY === 0 || !last);
}

/** Village basics of the upstream's current year and the four before it (the income trend). */
async function basicsYears(client: UpstreamClient): Promise<Timed<VillageBasicsRow>> {
  const current = await fetchVillageBasics(client);
  const year = current.items[0]?.year;
  if (year === undefined) return current;
  const earlier = await Promise.all([1, 2, 3, 4].map((k) => fetchVillageBasics(client, year - k)));
  return { asOf: current.asOf, items: [...current.items, ...earlier.flatMap((e) => e.items)] };
}

/** A day-range fetch over the last 30 days of the upstream's clock. */
const last30Days =
  <T>(
    client: UpstreamClient,
    fetch: (c: UpstreamClient, r: { fromMs: number; toMs: number }) => Promise<T>,
  ) =>
  async () => {
    const now = await fetchUpstreamNow(client);
    return fetch(client, { fromMs: now - 29 * DAY_MS, toMs: now });
  };

/** The grassroots cockpit's datasets (each one refresh for every screen). */
export function grassrootsDatasets(ctx: BuilderContext) {
  const client = ctx.upstreams.grassroots;
  const { fastMs, mediumMs, slowMs } = ctx.timing;
  return {
    events: ctx.dynamic('grassroots.events', 'grassroots', slowMs, eventWindow(client)),
    grids: ctx.dynamic('grassroots.grids', 'grassroots', slowMs * 10, () => fetchGrids(client)),
    patrols: ctx.dynamic('grassroots.patrols', 'grassroots', mediumMs, () => fetchPatrols(client)),
    basics: ctx.dynamic('grassroots.basics', 'grassroots', slowMs * 10, () => basicsYears(client)),
    homestays: ctx.dynamic(
      'grassroots.homestays',
      'grassroots',
      slowMs * 3,
      last30Days(client, fetchHomestays),
    ),
    farm: ctx.dynamic('grassroots.farmCodes', 'grassroots', slowMs * 3, last30Days(client, fetchFarmScans)),
    servicePoints: ctx.dynamic('grassroots.servicePoints', 'grassroots', mediumMs, () =>
      fetchServicePoints(client),
    ),
    devices: ctx.dynamic('grassroots.devices', 'grassroots', mediumMs, () => fetchDevices(client)),
    flood: ctx.dynamic('grassroots.flood', 'grassroots', fastMs, () => fetchFloodPoints(client)),
  } satisfies Record<string, Dataset<unknown>>;
}
export type GrassrootsDatasets = ReturnType<typeof grassrootsDatasets>;
