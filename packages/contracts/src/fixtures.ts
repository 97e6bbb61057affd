import type { StoredAlarm } from './alarms';
import { COUNTY_CODE } from './region';

/** Test data in the contracts' shapes, shared by the BFF's and the web app's tests (never imported by the apps). */

/** A stored alarm for tests (firing, county, env-monitor down), with the given fields changed. */
export function storedAlarm(over: Partial<StoredAlarm> = {}): StoredAlarm {
  return {
    id: 'alarm-1',
    ruleId: 'platform.upstream-down',
    severity: 'critical',
    state: 'firing',
    regionCode: COUNTY_CODE,
    source: 'env-monitor',
    entityId: 'env-monitor',
    firstFiredAt: '2026-10-03T02:00:00.000Z',
    lastChangedAt: '2026-10-03T02:00:00.000Z',
    summary: 'env-monitor 不可用',
    fireCount: 1,
    groupKey: 'upstream:env-monitor',
    acknowledgedBy: null,
    departmentId: null,
    note: null,
    cause: null,
    escalatedTo: null,
    ...over,
  };
}
