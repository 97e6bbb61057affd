/**
 * Guidance screens (诱导屏) in three tiers: 1 = on main roads, 2 = 1–5 intersections from a lot,
 * 3 = at a lot's entrance. A screen shows, per arrow direction, the sum of the free berths of the lots that
 * direction points to (tier 3: its own lot). Screens show "满" when the value is ≤ 0 and cap the number at
 * 999 (a 3-digit LED module).
 *
 * Checks, per screen:
 * - OFFLINE: `online === false`; STALE_HEARTBEAT: online but the last heartbeat is older than 5 min before
 *   now (or missing) — both mean the screen is effectively offline;
 * - MISMATCH (only for screens that are online with a fresh heartbeat, since an offline screen's readback is
 *   stale anyway): per direction, the displayed value (the sum of the targets' `displayFree` readbacks)
 *   against the actual free berths: "满" shown while berths are free, or a number shown while full, or
 *   |displayed − actual| > max(5, 10 % of the capacity behind that direction). Values are compared after
 *   the display cap. A direction with any null readback is not checked (nothing to compare);
 * - UNKNOWN_LOT: a target refers to a lot with no (valid) state — a configuration or data error; that
 *   direction's expected value is null.
 */
import { freeBerths, isValidCounts } from './kpi';
import { MINUTE_MS } from './time';
import type { LocalizedText } from './types';

export type Direction = '左' | '右' | '直行';
export type ScreenTier = 1 | 2 | 3;

export interface ScreenTarget {
  lotId: string;
  direction: Direction;
  /** The value the screen currently holds for this lot (readback); null when unknown. */
  displayFree: number | null;
}

export interface GuideScreen {
  screenId: string;
  name?: string;
  tier: ScreenTier;
  targets: readonly ScreenTarget[];
  online: boolean;
  /** Epoch ms of the last heartbeat; null when never seen. */
  lastHeartbeatMs: number | null;
}

/** A lot's live state (shared with the alarms). */
export interface LotStatus {
  lotId: string;
  name?: string;
  berthTotal: number;
  berthOccupied: number;
  /** Epoch ms of the lot's last data update. */
  updateTimeMs: number;
}

export type ScreenIssueCode = 'OFFLINE' | 'STALE_HEARTBEAT' | 'MISMATCH' | 'UNKNOWN_LOT';

export interface ScreenIssue {
  code: ScreenIssueCode;
  direction?: Direction;
  lotId?: string;
  displayed?: number;
  actual?: number;
  tolerance?: number;
  /** Heartbeat age for STALE_HEARTBEAT, ms. */
  ageMs?: number;
  detail: LocalizedText;
}

export interface DirectionValue {
  direction: Direction;
  /** Expected free berths (sum over the lots of the direction); null when a lot is unknown. */
  free: number | null;
  /** What the screen should show: '满', a number string, or '--' when unknown. */
  text: string;
  lotIds: string[];
}

export interface ScreenCheck {
  screenId: string;
  tier: ScreenTier;
  expectedByDirection: DirectionValue[];
  issues: ScreenIssue[];
}

export const HEARTBEAT_STALE_MS = 5 * MINUTE_MS;
export const DISPLAY_CAP = 999;

/** Text for a free-berth count on a screen: '满' when ≤ 0, the integer (capped at `cap`), '--' unknown. */
export function displayText(free: number | null, cap: number = DISPLAY_CAP): string {
  if (free === null || Number.isNaN(free)) return '--';
  if (free <= 0) return '满';
  return String(Math.min(Math.floor(free), cap));
}

const shown = (v: number, cap: number): number => Math.min(Math.max(0, Math.floor(v)), cap);

interface Group {
  direction: Direction;
  lotIds: string[];
  free: number | null;
  capacity: number;
  displayed: number | null;
  unknown: string[];
}

function group(screen: GuideScreen, lots: ReadonlyMap<string, LotStatus>): Group[] {
  const groups: Group[] = [];
  for (const t of screen.targets) {
    let g = groups.find((x) => x.direction === t.direction);
    if (!g) {
      g = { direction: t.direction, lotIds: [], free: 0, capacity: 0, displayed: 0, unknown: [] };
      groups.push(g);
    }
    g.lotIds.push(t.lotId);
    const lot = lots.get(t.lotId);
    if (!lot || !isValidCounts(lot)) {
      g.unknown.push(t.lotId);
      g.free = null;
    } else {
      if (g.free !== null) g.free += freeBerths(lot);
      g.capacity += lot.berthTotal;
    }
    g.displayed = g.displayed === null || t.displayFree === null ? null : g.displayed + t.displayFree;
  }
  return groups;
}

const toMap = (lots: readonly LotStatus[]): Map<string, LotStatus> => new Map(lots.map((l) => [l.lotId, l]));

/** What the screen should display, per direction (in order of first appearance in its targets). */
export function expectedDisplay(
  screen: GuideScreen,
  lots: readonly LotStatus[],
  cap: number = DISPLAY_CAP,
): DirectionValue[] {
  return group(screen, toMap(lots)).map((g) => ({
    direction: g.direction,
    free: g.free,
    text: displayText(g.free, cap),
    lotIds: g.lotIds,
  }));
}

/** Mismatch tolerance for a direction: max(5, 10 % of the capacity it points to). */
export function mismatchTolerance(capacity: number): number {
  return Math.max(5, 0.1 * capacity);
}

/** Expected display and issues for every screen. */
export function checkScreens(
  screens: readonly GuideScreen[],
  lots: readonly LotStatus[],
  nowMs: number,
  cap: number = DISPLAY_CAP,
): ScreenCheck[] {
  if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs must be finite (got ${nowMs})`);
  const map = toMap(lots);
  return screens.map((screen) => {
    const groups = group(screen, map);
    const issues: ScreenIssue[] = [];
    let live = true;
    if (!screen.online) {
      live = false;
      issues.push({ code: 'OFFLINE', detail: { zh: '诱导屏离线', en: 'Screen offline' } });
    } else if (screen.lastHeartbeatMs === null || nowMs - screen.lastHeartbeatMs > HEARTBEAT_STALE_MS) {
      live = false;
      const issue: ScreenIssue = {
        code: 'STALE_HEARTBEAT',
        detail: { zh: '心跳超时（超过 5 分钟）', en: 'No heartbeat for more than 5 min' },
      };
      if (screen.lastHeartbeatMs !== null) issue.ageMs = nowMs - screen.lastHeartbeatMs;
      issues.push(issue);
    }
    for (const g of groups) {
      for (const lotId of g.unknown)
        issues.push({
          code: 'UNKNOWN_LOT',
          direction: g.direction,
          lotId,
          detail: { zh: `未知停车场 ${lotId}`, en: `Unknown lot ${lotId}` },
        });
      if (!live || g.free === null || g.displayed === null) continue;
      const displayed = shown(g.displayed, cap);
      const actual = shown(g.free, cap);
      const tolerance = mismatchTolerance(g.capacity);
      const showsFull = displayed <= 0;
      const isFull = actual <= 0;
      let detail: LocalizedText | null = null;
      if (showsFull && !isFull)
        detail = {
          zh: `${g.direction}向显示"满"，实际空余 ${actual}`,
          en: `${g.direction}: shows full, actually ${actual} free`,
        };
      else if (!showsFull && isFull)
        detail = {
          zh: `${g.direction}向显示 ${displayed}，实际已满`,
          en: `${g.direction}: shows ${displayed}, actually full`,
        };
      else if (Math.abs(displayed - actual) > tolerance)
        detail = {
          zh: `${g.direction}向显示 ${displayed}，实际空余 ${actual}`,
          en: `${g.direction}: shows ${displayed}, actually ${actual} free`,
        };
      if (detail)
        issues.push({ code: 'MISMATCH', direction: g.direction, displayed, actual, tolerance, detail });
    }
    return {
      screenId: screen.screenId,
      tier: screen.tier,
      expectedByDirection: groups.map((g) => ({
        direction: g.direction,
        free: g.free,
        text: displayText(g.free, cap),
        lotIds: g.lotIds,
      })),
      issues,
    };
  });
}
