import { Health } from '@cockpit/contracts';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../lib/api';

export const healthQuery = () =>
  queryOptions({
    queryKey: ['health'],
    queryFn: ({ signal }) => getJson('/api/v1/health', Health, signal),
    refetchInterval: 15_000,
    staleTime: 10_000,
  });
