import type { AlarmState } from '@cockpit/contracts';

/** How many alarms of a list are in each state. */
export function alarmStateCounts(items: readonly { state: AlarmState }[]): Record<AlarmState, number> {
  const counts: Record<AlarmState, number> = { firing: 0, acknowledged: 0, dispatched: 0, resolved: 0 };
  for (const a of items) counts[a.state]++;
  return counts;
}

/** The Beijing date (YYYY-MM-DD) of an instant: the day a daily report covers (UTC+8, no daylight saving). */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Open alarms (not resolved) of a region and below, most severe first, then newest first. */
export function openAlarmsIn<
  T extends { state: AlarmState; regionCode: string; severity: string; lastChangedAt: string },
>(items: readonly T[], regionCode: string): T[] {
  const rank: Record<string, number> = { critical: 0, warning: 1, info: 2 };
  return items
    .filter((a) => a.state !== 'resolved' && a.regionCode.startsWith(regionCode))
    .sort(
      (a, b) =>
        (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3) || b.lastChangedAt.localeCompare(a.lastChangedAt),
    );
}
