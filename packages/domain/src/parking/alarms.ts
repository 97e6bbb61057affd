/**
 * Parking alarms derived from the live state (no history needed):
 *
 * | kind             | severity | condition                                                           |
 * | ---------------- | -------- | ------------------------------------------------------------------- |
 * | LOT_NEARLY_FULL  | alarm    | occupancy ≥ 95 % (same threshold as the red map class)              |
 * | LOT_BUSY         | warning  | 85 % ≤ occupancy < 95 % (amber)                                     |
 * | SENSOR_SILENT    | alarm    | the lot's last update is more than 15 min before now               |
 * | SCREEN_OFFLINE   | alarm    | screen reports offline                                              |
 * | SCREEN_OFFLINE   | warning  | screen online but no heartbeat for more than 5 min (STALE_HEARTBEAT)|
 * | SCREEN_MISMATCH  | warning  | a screen shows a value inconsistent with the lot(s) (see screens)  |
 *
 * Ids are stable (`kind:entityId`) so a UI can keep acknowledgement state across refreshes. The output is
 * sorted: alarms before warnings, then by kind, then by entity id.
 */
import { BUSY_THRESHOLD, FULL_THRESHOLD, isValidCounts, occupancyRate } from './kpi';
import { checkScreens, type GuideScreen, type LotStatus } from './screens';
import { MINUTE_MS } from './time';
import type { LocalizedText } from './types';

export type AlarmKind =
  | 'LOT_NEARLY_FULL'
  | 'LOT_BUSY'
  | 'SENSOR_SILENT'
  | 'SCREEN_OFFLINE'
  | 'SCREEN_MISMATCH';
export type Severity = 'warning' | 'alarm';

export interface ParkingAlarm {
  /** Stable: `${kind}:${entityId}`. */
  id: string;
  kind: AlarmKind;
  severity: Severity;
  /** lotId or screenId. */
  entityId: string;
  /** Since when the condition holds, when known (last update / last heartbeat). */
  sinceMs?: number;
  message: LocalizedText;
}

export const SENSOR_SILENT_MS = 15 * MINUTE_MS;

const KIND_ORDER: readonly AlarmKind[] = [
  'LOT_NEARLY_FULL',
  'SENSOR_SILENT',
  'SCREEN_OFFLINE',
  'LOT_BUSY',
  'SCREEN_MISMATCH',
];

const pct = (r: number): string => `${Math.round(r * 1000) / 10}%`;

function make(
  kind: AlarmKind,
  severity: Severity,
  entityId: string,
  message: LocalizedText,
  sinceMs?: number,
): ParkingAlarm {
  const a: ParkingAlarm = { id: `${kind}:${entityId}`, kind, severity, entityId, message };
  if (sinceMs !== undefined) a.sinceMs = sinceMs;
  return a;
}

/** All current alarms for the lots and screens at `nowMs`. */
export function computeAlarms(
  lots: readonly LotStatus[],
  screens: readonly GuideScreen[],
  nowMs: number,
): ParkingAlarm[] {
  if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs must be finite (got ${nowMs})`);
  const out: ParkingAlarm[] = [];
  for (const lot of lots) {
    const name = lot.name ?? lot.lotId;
    const rate = isValidCounts(lot) ? occupancyRate(lot) : null;
    if (rate !== null && rate >= FULL_THRESHOLD)
      out.push(
        make('LOT_NEARLY_FULL', 'alarm', lot.lotId, {
          zh: `${name} 即将满位（占用率 ${pct(rate)}）`,
          en: `${name} nearly full (${pct(rate)} occupied)`,
        }),
      );
    else if (rate !== null && rate >= BUSY_THRESHOLD)
      out.push(
        make('LOT_BUSY', 'warning', lot.lotId, {
          zh: `${name} 车位紧张（占用率 ${pct(rate)}）`,
          en: `${name} busy (${pct(rate)} occupied)`,
        }),
      );
    if (!Number.isFinite(lot.updateTimeMs) || nowMs - lot.updateTimeMs > SENSOR_SILENT_MS) {
      const mins = Number.isFinite(lot.updateTimeMs)
        ? Math.floor((nowMs - lot.updateTimeMs) / MINUTE_MS)
        : null;
      out.push(
        make(
          'SENSOR_SILENT',
          'alarm',
          lot.lotId,
          mins === null
            ? { zh: `${name} 无数据上报`, en: `${name}: no data received` }
            : { zh: `${name} 已 ${mins} 分钟无数据上报`, en: `${name}: no data for ${mins} min` },
          Number.isFinite(lot.updateTimeMs) ? lot.updateTimeMs : undefined,
        ),
      );
    }
  }

  const checks = checkScreens(screens, lots, nowMs);
  screens.forEach((screen, i) => {
    const check = checks[i];
    if (!check) return;
    const name = screen.name ?? screen.screenId;
    const since = screen.lastHeartbeatMs ?? undefined;
    if (check.issues.some((x) => x.code === 'OFFLINE'))
      out.push(
        make(
          'SCREEN_OFFLINE',
          'alarm',
          screen.screenId,
          { zh: `诱导屏 ${name} 离线`, en: `Screen ${name} offline` },
          since,
        ),
      );
    else if (check.issues.some((x) => x.code === 'STALE_HEARTBEAT'))
      out.push(
        make(
          'SCREEN_OFFLINE',
          'warning',
          screen.screenId,
          { zh: `诱导屏 ${name} 心跳超时`, en: `Screen ${name}: heartbeat overdue` },
          since,
        ),
      );
    const mism = check.issues.filter((x) => x.code === 'MISMATCH');
    if (mism.length > 0)
      out.push(
        make('SCREEN_MISMATCH', 'warning', screen.screenId, {
          zh: `诱导屏 ${name} 显示与实际不符：${mism.map((m) => m.detail.zh).join('；')}`,
          en: `Screen ${name} out of sync: ${mism.map((m) => m.detail.en).join('; ')}`,
        }),
      );
  });

  const sev = (s: Severity): number => (s === 'alarm' ? 0 : 1);
  out.sort(
    (a, b) =>
      sev(a.severity) - sev(b.severity) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0),
  );
  return out;
}
