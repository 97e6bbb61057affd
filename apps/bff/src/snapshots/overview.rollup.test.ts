import type { Alarm, SourceStatus } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { rollupAlarms } from './overview';

const alarm = (id: string, severity: Alarm['severity'], since: string | null): Alarm => ({
  id,
  kind: id.split(':')[0]!,
  severity,
  title: { zh: id, en: id },
  regionCode: '331023001',
  entityId: id.split(':')[1] ?? null,
  since,
});
const source = (system: string, status: SourceStatus['status'], extra: Partial<SourceStatus> = {}) =>
  ({
    system,
    name: { zh: system, en: system },
    status,
    lastGoodAt: '2026-10-03T04:00:00.000Z',
    ...extra,
  }) satisfies SourceStatus;

describe('the overview alarm roll-up', () => {
  const overview = {
    alarms: [{ ...alarm('ED_LOAD:331023', 'warning', null), system: 'county-services' }],
    sources: [
      source('county-services', 'ok'),
      source('parking-platform', 'ok'),
      source('emergency-120', 'ok'),
      source('env-monitor', 'ok'),
    ],
  };
  const departments = [
    {
      theme: 'eco' as const,
      alarms: [alarm('WATER_BELOW_TARGET:W03', 'warning', '2026-10-03T01:00:00.000Z')],
      sources: [source('env-monitor', 'ok')],
    },
    {
      theme: 'parking' as const,
      alarms: [alarm('SCREEN_MISMATCH:S07', 'warning', null)],
      sources: [source('parking-platform', 'ok')],
    },
    {
      theme: 'trauma' as const,
      alarms: [alarm('SEVERE_CASE:I42', 'alarm', '2026-10-03T03:50:00.000Z')],
      sources: [source('emergency-120', 'ok')],
    },
  ];

  it('lists one alarm from each cockpit with its cockpit and source system, alarms first, oldest first', () => {
    const { alarms } = rollupAlarms(overview, departments);
    expect(alarms.map((a) => [a.id, a.theme, a.system])).toEqual([
      ['SEVERE_CASE:I42', 'trauma', 'emergency-120'],
      ['WATER_BELOW_TARGET:W03', 'eco', 'env-monitor'],
      ['ED_LOAD:331023', 'overview', 'county-services'],
      ['SCREEN_MISMATCH:S07', 'parking', 'parking-platform'],
    ]);
    // Severity and the time the condition began (for its duration) are kept.
    expect(alarms[0]).toMatchObject({ severity: 'alarm', since: '2026-10-03T03:50:00.000Z' });
  });

  it('adds an alarm per department system that is down (中断) or late (延迟), seen by any cockpit', () => {
    const { alarms, sources } = rollupAlarms(overview, [
      { ...departments[0]!, sources: [source('env-monitor', 'stale', { error: 'HTTP 503' })] },
      { ...departments[1]!, sources: [source('parking-platform', 'stale')] },
      departments[2]!,
    ]);
    expect(alarms.find((a) => a.id === 'SOURCE_DOWN:env-monitor')).toMatchObject({
      kind: 'SOURCE_DOWN',
      severity: 'alarm',
      since: '2026-10-03T04:00:00.000Z',
    });
    expect(alarms.find((a) => a.id === 'SOURCE_LATE:parking-platform')).toMatchObject({
      kind: 'SOURCE_LATE',
      severity: 'warning',
    });
    expect(alarms.some((a) => a.entityId === 'emergency-120' || a.entityId === 'county-services')).toBe(
      false,
    );
    // The overview's own source list shows the worst state any cockpit saw.
    expect(sources.map((s) => [s.system, s.status])).toEqual([
      ['county-services', 'ok'],
      ['parking-platform', 'stale'],
      ['emergency-120', 'ok'],
      ['env-monitor', 'stale'],
    ]);
  });

  it('says nothing when no cockpit has an alarm and every system answers', () => {
    const quiet = rollupAlarms(
      { ...overview, alarms: [] },
      departments.map((d) => ({ ...d, alarms: [] })),
    );
    expect(quiet.alarms).toEqual([]);
  });
  it('puts a system that is down first, then one that is late, ahead of older cockpit alarms', () => {
    const { alarms } = rollupAlarms(
      { alarms: [], sources: [source('env-monitor', 'stale'), source('county-services', 'error')] },
      [
        {
          theme: 'grassroots' as const,
          alarms: [alarm('GRASSROOTS_OVERDUE_SEVERE:331023', 'alarm', '2026-09-01T00:00:00.000Z')],
          sources: [],
        },
      ],
    );
    expect(alarms.map((a) => a.kind)).toEqual(['SOURCE_DOWN', 'SOURCE_LATE', 'GRASSROOTS_OVERDUE_SEVERE']);
  });
});
