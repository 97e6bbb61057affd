import { AlarmList, LiveAlarms, type StoredAlarm } from '@cockpit/contracts';
import { type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getJson } from '../../lib/api';
import { liveMuxOf } from '../../lib/live-mux';

/** The open stored alarms (巡检告警) of a region and below, most severe first, newest first. */
export function openStoredAlarms(items: readonly StoredAlarm[], source?: string): StoredAlarm[] {
  const rank: Record<string, number> = { critical: 0, warning: 1, info: 2 };
  return items
    .filter((a) => a.state !== 'resolved' && (!source || a.source === source))
    .sort(
      (a, b) =>
        (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3) || b.lastChangedAt.localeCompare(a.lastChangedAt),
    );
}

export const liveAlarmsKey = (regionCode: string) => ['alarms', 'live', regionCode] as const;
export const liveAlarmsTopic = (regionCode: string) => `alarms:all:${regionCode}`;

/**
 * The slow poll behind the live topic: only a fallback (the stream is down, or the BFF cannot publish), the
 * live topic carries every transition at once.
 */
export const ALARMS_FALLBACK_POLL_MS = 60_000;

/** The same list the live topic alarms:all:<region> carries, fetched over HTTP (first load and fallback). */
export const openAlarmsQuery = (regionCode: string) =>
  queryOptions({
    queryKey: liveAlarmsKey(regionCode),
    queryFn: async ({ signal }) => {
      const list = await getJson(`/api/v1/alarms?region=${regionCode}&limit=500`, AlarmList, signal);
      return { items: openStoredAlarms(list.items) };
    },
    refetchInterval: ALARMS_FALLBACK_POLL_MS,
  });

/**
 * Follows alarms:all:<region> on the screen's one live stream (lib/live-mux.ts): each republish (every
 * stored transition) replaces the list under the same query key the HTTP fetch fills. Returns the leave.
 */
export function followLiveAlarms(queryClient: QueryClient, regionCode: string): () => void {
  return liveMuxOf(queryClient).subscribe({
    topics: [liveAlarmsTopic(regionCode)],
    keyOf: () => liveAlarmsKey(regionCode),
    schemaOf: () => LiveAlarms,
  });
}

/**
 * The open stored alarms of a region, live: loaded once over HTTP, then kept by the live topic
 * alarms:all:<region> (a slow poll only as a fallback).
 */
export function useOpenStoredAlarms(regionCode: string) {
  const queryClient = useQueryClient();
  useEffect(() => followLiveAlarms(queryClient, regionCode), [queryClient, regionCode]);
  return useQuery(openAlarmsQuery(regionCode));
}
