import { RegionDetail, RegionSearchResult } from '@cockpit/contracts';
import { queryOptions } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { getJson, getRaw } from '../lib/api';

// Geometry and the hierarchy change only with a deployment: keep them for the session.
const FOREVER = { staleTime: Number.POSITIVE_INFINITY, gcTime: 60 * 60_000 } as const;

export const regionQuery = (code: string) =>
  queryOptions({
    queryKey: ['region', code],
    queryFn: ({ signal }) => getJson(`/api/v1/regions/${code}`, RegionDetail, signal),
    ...FOREVER,
  });

export const boundaryQuery = (code: string) =>
  queryOptions({
    queryKey: ['region', code, 'boundary'],
    queryFn: ({ signal }) =>
      getRaw(`/api/v1/regions/${code}/boundary.geojson`, signal) as Promise<FeatureCollection>,
    ...FOREVER,
  });

export const childrenQuery = (code: string) =>
  queryOptions({
    queryKey: ['region', code, 'children'],
    queryFn: ({ signal }) =>
      getRaw(`/api/v1/regions/${code}/children.geojson`, signal) as Promise<FeatureCollection>,
    ...FOREVER,
  });

export const regionSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['region-search', q],
    queryFn: ({ signal }) =>
      getJson(`/api/v1/regions?q=${encodeURIComponent(q)}&limit=12`, RegionSearchResult, signal),
    enabled: q.trim().length > 0,
    staleTime: 5 * 60_000,
  });

/** The map's context layers (river, reservoirs, roads, seats, landmarks): one small file for the session. */
export const mapContextQuery = () =>
  queryOptions({
    queryKey: ['map-context'],
    queryFn: ({ signal }) => getRaw('/api/v1/geo/context.geojson', signal) as Promise<FeatureCollection>,
    ...FOREVER,
  });
