import { AlarmList, LiveAlarms, type StoredAlarm } from '@cockpit/contracts';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getJson } from '../../lib/api';
import { connectLive } from '../../lib/live';

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
    staleTime: 60_000,
  });

/** The open stored alarms of a region, kept current by the live topic alarms:all:<region>. */
export function useOpenStoredAlarms(regionCode: string) {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      connectLive({
        topics: [`alarms:all:${regionCode}`],
        queryClient,
        keyOf: () => liveAlarmsKey(regionCode),
        schemaOf: () => LiveAlarms,
      }),
    [regionCode, queryClient],
  );
  return useQuery(openAlarmsQuery(regionCode));
}
