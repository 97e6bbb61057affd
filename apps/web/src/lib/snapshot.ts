import {
  type IndicatorDefinition,
  IndicatorDefinitionList,
  type IndicatorMeta,
  indicatorMetaOf,
  type Theme,
} from '@cockpit/contracts';
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

/** Query key of the stored indicator definitions; the catalogue page invalidates it after a save. */
export const indicatorsKey = ['indicators'] as const;

/** The stored indicator definitions (the catalogue page reads them whole). */
export const indicatorDefinitionsQuery = () =>
  queryOptions({
    queryKey: indicatorsKey,
    queryFn: ({ signal }) => getJson('/api/v1/indicators', IndicatorDefinitionList, signal),
    staleTime: 5 * 60_000,
  });

/** The stored definitions by id (direction and bands for the panels). */
export const indicatorDefinitionsByIdQuery = () =>
  queryOptions({
    ...indicatorDefinitionsQuery(),
    select: (list) => new Map<string, IndicatorDefinition>(list.items.map((d) => [d.id, d])),
  });

/** The indicators' names, units and levels for the cockpits: the stored definitions, as IndicatorMeta by id. */
export const indicatorCatalogQuery = () =>
  queryOptions({
    ...indicatorDefinitionsQuery(),
    select: (list) => new Map<string, IndicatorMeta>(list.items.map((d) => [d.id, indicatorMetaOf(d)])),
  });
