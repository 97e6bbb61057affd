import { describe, expect, it } from 'vitest';
import { computeAlarms } from './alarms';
import type { GuideScreen, LotStatus } from './screens';
import { beijingTime, MINUTE_MS } from './time';

const NOW = beijingTime(2025, 5, 6, 10);
const lot = (lotId: string, total: number, occupied: number, updateTimeMs = NOW): LotStatus => ({
  lotId,
  name: `停车场${lotId}`,
  berthTotal: total,
  berthOccupied: occupied,
  updateTimeMs,
});

describe('lot occupancy alarms', () => {
  it('thresholds at exactly 85 % (warning) and 95 % (alarm)', () => {
    const alarms = computeAlarms(
      [
        lot('a84', 100, 84),
        lot('a85', 100, 85),
        lot('a94', 100, 94),
        lot('a95', 100, 95),
        lot('b85', 20, 17), // 17/20 = 0.85
        lot('b95', 20, 19), // 19/20 = 0.95
        lot('over', 10, 12),
        lot('zero', 0, 0),
      ],
      [],
      NOW,
    );
    expect(alarms.map((a) => [a.id, a.severity])).toEqual([
      ['LOT_NEARLY_FULL:a95', 'alarm'],
      ['LOT_NEARLY_FULL:b95', 'alarm'],
      ['LOT_NEARLY_FULL:over', 'alarm'],
      ['LOT_BUSY:a85', 'warning'],
      ['LOT_BUSY:a94', 'warning'],
      ['LOT_BUSY:b85', 'warning'],
    ]);
    expect(alarms[0]!.message).toEqual({
      zh: '停车场a95 即将满位（占用率 95%）',
      en: '停车场a95 nearly full (95% occupied)',
    });
    expect(alarms[0]!.sinceMs).toBeUndefined();
  });
});

describe('sensor silence', () => {
  it('SENSOR_SILENT when the last update is more than 15 min old', () => {
    const alarms = computeAlarms(
      [lot('fresh', 100, 10, NOW - 15 * MINUTE_MS), lot('silent', 100, 10, NOW - 15 * MINUTE_MS - 1)],
      [],
      NOW,
    );
    expect(alarms).toEqual([
      {
        id: 'SENSOR_SILENT:silent',
        kind: 'SENSOR_SILENT',
        severity: 'alarm',
        entityId: 'silent',
        sinceMs: NOW - 15 * MINUTE_MS - 1,
        message: { zh: '停车场silent 已 15 分钟无数据上报', en: '停车场silent: no data for 15 min' },
      },
    ]);
  });
  it('invalid data does not throw; a non-finite update time counts as silent', () => {
    const alarms = computeAlarms(
      [{ lotId: 'x', berthTotal: -1, berthOccupied: 5, updateTimeMs: Number.NaN }],
      [],
      NOW,
    );
    expect(alarms.map((a) => a.id)).toEqual(['SENSOR_SILENT:x']);
  });
});

describe('screen alarms', () => {
  const lots = [lot('A', 100, 50)];
  const screens: GuideScreen[] = [
    { screenId: 'S-off', tier: 1, online: false, lastHeartbeatMs: NOW - 60 * MINUTE_MS, targets: [] },
    { screenId: 'S-stale', tier: 2, online: true, lastHeartbeatMs: NOW - 6 * MINUTE_MS, targets: [] },
    {
      screenId: 'S-bad',
      name: '赤城路诱导屏',
      tier: 3,
      online: true,
      lastHeartbeatMs: NOW,
      targets: [{ lotId: 'A', direction: '直行', displayFree: 0 }],
    },
    {
      screenId: 'S-good',
      tier: 3,
      online: true,
      lastHeartbeatMs: NOW,
      targets: [{ lotId: 'A', direction: '直行', displayFree: 48 }],
    },
  ];
  it('offline (alarm), stale heartbeat (warning), mismatch (warning); stable ids', () => {
    const alarms = computeAlarms(lots, screens, NOW);
    expect(alarms.map((a) => [a.id, a.severity, a.sinceMs])).toEqual([
      ['SCREEN_OFFLINE:S-off', 'alarm', NOW - 60 * MINUTE_MS],
      ['SCREEN_OFFLINE:S-stale', 'warning', NOW - 6 * MINUTE_MS],
      ['SCREEN_MISMATCH:S-bad', 'warning', undefined],
    ]);
    expect(alarms[2]!.message.zh).toBe('诱导屏 赤城路诱导屏 显示与实际不符：直行向显示"满"，实际空余 50');
    // same input → same ids and order
    expect(computeAlarms(lots, [...screens].reverse(), NOW).map((a) => a.id)).toEqual(
      alarms.map((a) => a.id),
    );
  });
});
