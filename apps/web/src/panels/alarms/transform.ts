import type { Alarm } from '@cockpit/contracts';

export type AlarmListOptions = { severity: 'all' | 'alarm'; limit: number };

/**
 * Pure transform of the alarm list: the alarms of the severity asked for, alarms before warnings (the BFF's
 * order kept within each), at most `limit`, and how many more there are.
 */
export function alarmRows(alarms: readonly Alarm[], options: AlarmListOptions) {
  const kept = alarms.filter((a) => options.severity === 'all' || a.severity === 'alarm');
  const ordered = [
    ...kept.filter((a) => a.severity === 'alarm'),
    ...kept.filter((a) => a.severity !== 'alarm'),
  ];
  return { rows: ordered.slice(0, options.limit), more: Math.max(0, ordered.length - options.limit) };
}
