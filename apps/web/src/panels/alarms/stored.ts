import { AlarmList, type StoredAlarm } from '@cockpit/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../lib/api';

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

/** The same list the live topic alarms:all:<region> carries, fetched once over HTTP. */
export const openAlarmsQuery = (regionCode: string) =>
  queryOptions({
    queryKey: liveAlarmsKey(regionCode),
    queryFn: async ({ signal }) => {
      const list = await getJson(`/api/v1/alarms?region=${regionCode}&limit=500`, AlarmList, signal);
      return { items: openStoredAlarms(list.items) };
    },
    // Polled, not streamed: each EventSource holds one of the browser's six connections to the BFF, and a wall
    // already follows its snapshot and layout topics. Once the app shares one stream for all its topics, this
    // follows alarms:all:<region> (same key, same payload shape) instead.
    refetchInterval: 5000,
  });

/** The open stored alarms of a region (the same list the live topic alarms:all:<region> carries). */
export function useOpenStoredAlarms(regionCode: string) {
  return useQuery(openAlarmsQuery(regionCode));
}
