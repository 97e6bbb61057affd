import {
  EffectiveLayout,
  LayoutStamp,
  levelOfCode,
  type ProfileId,
  SEED_LAYOUTS,
  type Theme,
} from '@cockpit/contracts';
import { queryOptions, skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { ApiRequestError, getJson, getRaw } from '../lib/api';
import { liveMuxOf } from '../lib/live-mux';
import { seededLayout } from './effective';

const EFFECTIVE_PATH = '/api/v1/layouts/effective';

/**
 * Whether this BFF serves stored layouts (its OpenAPI document lists the effective-layout route). Asked once
 * per session, so a screen never requests a route the BFF does not have.
 */
export const layoutApiQuery = () =>
  queryOptions({
    queryKey: ['layouts', 'api'] as const,
    queryFn: async ({ signal }) => {
      const doc = (await getRaw('/api/openapi.json', signal)) as { paths?: Record<string, unknown> };
      return Boolean(doc.paths && EFFECTIVE_PATH in doc.paths);
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });

/** Query key of a scope's layouts: general to specific; a new stamp invalidates every profile of the scope. */
export const layoutKey = (theme: Theme, regionCode: string) => ['layout', theme, regionCode] as const;

export const effectiveLayoutQuery = (theme: Theme, regionCode: string, profile: ProfileId) =>
  queryOptions({
    queryKey: [...layoutKey(theme, regionCode), profile] as const,
    queryFn: ({ signal }) =>
      getJson(
        `${EFFECTIVE_PATH}?${new URLSearchParams({ theme, region: regionCode, profile })}`,
        EffectiveLayout,
        signal,
      ),
    // The live topic says when it changes; the poll is the fallback while the stream is down.
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });

const stampKey = (theme: Theme, regionCode: string) => ['layout-stamp', theme, regionCode] as const;

export type EffectiveLayoutState =
  | { status: 'loading' }
  | { status: 'ready'; layout: EffectiveLayout; source: 'api' | 'seed' }
  | { status: 'none' };

/**
 * The layout a screen of this scope shows: the BFF's effective layout (GET /api/v1/layouts/effective), kept
 * current by the live topic `layout:<theme>:<region>` — a stamp naming another layout or version refetches it,
 * so a stored layout reaches an open screen without a reload. A BFF without the layout routes (or that has
 * no layout for the scope: 404) gets the seeded document of @cockpit/contracts for the scope instead.
 */
export function useEffectiveLayout(
  theme: Theme,
  regionCode: string,
  profile: ProfileId,
): EffectiveLayoutState {
  const queryClient = useQueryClient();
  const api = useQuery(layoutApiQuery());
  const level = levelOfCode(regionCode) ?? 'county';
  const seeded = useMemo(
    () => seededLayout(SEED_LAYOUTS, { theme, level, regionCode, profile }),
    [theme, level, regionCode, profile],
  );
  const served = api.data === true;
  const stored = useQuery({ ...effectiveLayoutQuery(theme, regionCode, profile), enabled: served });

  // Follow the scope's layout stamp (only where the BFF has layouts: it has the topic then).
  useEffect(() => {
    if (!served) return;
    return liveMuxOf(queryClient).subscribe({
      topics: [`layout:${theme}:${regionCode}`],
      keyOf: () => stampKey(theme, regionCode),
    });
  }, [served, theme, regionCode, queryClient]);
  const stamp = useQuery({ queryKey: stampKey(theme, regionCode), queryFn: skipToken });
  const current = stored.data;
  useEffect(() => {
    const parsed = LayoutStamp.safeParse(stamp.data);
    if (!parsed.success || !current) return;
    if (parsed.data.layoutId !== current.layoutId || parsed.data.version !== current.version)
      void queryClient.invalidateQueries({ queryKey: layoutKey(theme, regionCode) });
  }, [stamp.data, current, queryClient, theme, regionCode]);

  const fallback: EffectiveLayoutState = seeded
    ? { status: 'ready', layout: seeded, source: 'seed' }
    : { status: 'none' };
  if (api.isPending) return { status: 'loading' };
  if (!served) return fallback;
  if (current) return { status: 'ready', layout: current, source: 'api' };
  if (stored.error instanceof ApiRequestError && stored.error.status === 404) return fallback;
  // Any other failure: show the seeded arrangement rather than an empty screen while it retries.
  if (stored.error) return fallback;
  return { status: 'loading' };
}
