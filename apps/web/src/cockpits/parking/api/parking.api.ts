import { formatLonLat, ParkingGuidanceResponse, ParkingLotDetail, ParkingSnapshot } from '@cockpit/contracts';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api';
import { snapshotQuery } from '../../../lib/snapshot';

export const parkingSnapshotQuery = (regionCode: string) =>
  snapshotQuery('parking', regionCode, ParkingSnapshot);

export type LonLat = [number, number];

const pair = (p: LonLat) => formatLonLat(p);

export function fetchGuidance(to: LonLat, from: LonLat | null, signal?: AbortSignal) {
  const q = new URLSearchParams({ to: pair(to) });
  if (from) q.set('from', pair(from));
  return getJson(`/api/v1/parking/guidance?${q.toString()}`, ParkingGuidanceResponse, signal);
}

/** Guidance for a destination: refreshed every 30 s while shown (free berths move). */
export const guidanceQuery = (to: LonLat, from: LonLat | null) =>
  queryOptions({
    queryKey: ['parking', 'guidance', pair(to), from ? pair(from) : 'entry'] as const,
    queryFn: ({ signal }) => fetchGuidance(to, from, signal),
    staleTime: 15_000,
    refetchInterval: 30_000,
  });

export const lotDetailQuery = (lotId: string) =>
  queryOptions({
    queryKey: ['parking', 'lot', lotId] as const,
    queryFn: ({ signal }) =>
      getJson(`/api/v1/parking/lots/${encodeURIComponent(lotId)}`, ParkingLotDetail, signal),
    staleTime: 10_000,
    refetchInterval: 30_000,
  });
