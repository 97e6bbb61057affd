import { EcoSnapshot, EcoStationDetail, type EcoWindow } from '@cockpit/contracts';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api';
import { snapshotQuery } from '../../../lib/snapshot';

export const ecoSnapshotQuery = (regionCode: string) => snapshotQuery('eco', regionCode, EcoSnapshot);

export const fetchStation = (code: string, window: EcoWindow, signal?: AbortSignal) =>
  getJson(`/api/v1/eco/stations/${encodeURIComponent(code)}?window=${window}`, EcoStationDetail, signal);

export const ecoStationQuery = (code: string, window: EcoWindow) =>
  queryOptions({
    queryKey: ['eco', 'station', code, window],
    queryFn: ({ signal }) => fetchStation(code, window, signal),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
