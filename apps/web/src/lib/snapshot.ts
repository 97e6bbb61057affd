import { IndicatorCatalog, type IndicatorMeta, type Theme } from '@cockpit/contracts';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { getJson } from './api';

/** Query key of a cockpit snapshot: general to specific. The live stream writes to the same key. */
export const snapshotKey = (theme: Theme, regionCode: string) => ['snapshot', theme, regionCode] as const;

export function snapshotQuery<S extends z.ZodType>(theme: Theme, regionCode: string, schema: S) {
  return queryOptions({
    queryKey: snapshotKey(theme, regionCode),
    queryFn: ({ signal }) => getJson(`/api/v1/cockpits/${theme}/${regionCode}/snapshot`, schema, signal),
    // Live events keep it fresh; this poll is the fallback while the stream is down.
    refetchInterval: 30_000,
    staleTime: 10_000,
  });
}

export const indicatorCatalogQuery = () =>
  queryOptions({
    queryKey: ['indicators'],
    queryFn: ({ signal }) => getJson('/api/v1/indicators', IndicatorCatalog, signal),
    staleTime: Number.POSITIVE_INFINITY,
    select: (catalog) => new Map<string, IndicatorMeta>(catalog.indicators.map((i) => [i.id, i])),
  });
