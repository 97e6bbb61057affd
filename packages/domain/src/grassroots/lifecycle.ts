/**
 * Event lifecycle figures of grassroots governance (上报 → 受理 → 流转 → 办结 → 评价), pure. Each figure is
 * made of additive parts (counts and summed hours) so that a region's value is the ratio of the summed parts
 * of the units below it, never a mean of their ratios.
 */

const HOUR_MS = 3_600_000;

/** The part of an event these figures read. Times are epoch milliseconds; closedAtMs null = not closed (yet). */
export type LifecycleEvent = {
  type: string;
  reportedAtMs: number;
  deadlineHours: number;
  closedAtMs: number | null;
  /** Highest handling level it was escalated to ('village' if never). */
  handlingLevel: 'village' | 'township' | 'county';
};

/** The additive parts over a set of events, as of `nowMs` (events not yet reported at nowMs are ignored). */
export type LifecycleParts = {
  /** Events reported in the window. */
  reported: number;
  /** Of those, closed (办结) by now. */
  closed: number;
  /** Of the closed, closed within their deadline. */
  closedOnTime: number;
  /** Report → 办结, summed over the closed, hours. */
  handlingHoursTotal: number;
  /** Open (not closed) and past their deadline at now. */
  overdueOpen: number;
  /** 矛盾纠纷 closed. */
  disputesClosed: number;
  /** 矛盾纠纷 closed at village level (never escalated). */
  disputesSettledInVillage: number;
};

export const deadlineMs = (e: Pick<LifecycleEvent, 'reportedAtMs' | 'deadlineHours'>) =>
  e.reportedAtMs + e.deadlineHours * HOUR_MS;

const closedBy = (e: LifecycleEvent, nowMs: number) => e.closedAtMs !== null && e.closedAtMs <= nowMs;

/** Open and past its deadline at nowMs (超期未办结). */
export const isOverdueOpen = (e: LifecycleEvent, nowMs: number) =>
  e.reportedAtMs <= nowMs && !closedBy(e, nowMs) && nowMs > deadlineMs(e);

export function lifecycleParts(
  events: readonly LifecycleEvent[],
  nowMs: number,
  disputeType = 'dispute',
): LifecycleParts {
  const p: LifecycleParts = {
    reported: 0,
    closed: 0,
    closedOnTime: 0,
    handlingHoursTotal: 0,
    overdueOpen: 0,
    disputesClosed: 0,
    disputesSettledInVillage: 0,
  };
  for (const e of events) {
    if (e.reportedAtMs > nowMs) continue;
    p.reported++;
    if (closedBy(e, nowMs)) {
      const closedAt = e.closedAtMs!;
      p.closed++;
      if (closedAt <= deadlineMs(e)) p.closedOnTime++;
      p.handlingHoursTotal += (closedAt - e.reportedAtMs) / HOUR_MS;
      if (e.type === disputeType) {
        p.disputesClosed++;
        if (e.handlingLevel === 'village') p.disputesSettledInVillage++;
      }
    } else if (nowMs > deadlineMs(e)) p.overdueOpen++;
  }
  return p;
}

/** Sums parts (the roll-up of the additive parts). */
export function sumParts(parts: readonly LifecycleParts[]): LifecycleParts {
  const out = lifecycleParts([], 0);
  for (const p of parts) for (const k of Object.keys(out) as (keyof LifecycleParts)[]) out[k] += p[k];
  return out;
}

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

/** 办结率: closed ÷ reported (share 0..1; null without events). */
export const closureRate = (p: LifecycleParts) => ratio(p.closed, p.reported);
/** 按期办结率: closed within the deadline ÷ closed. */
export const onTimeRate = (p: LifecycleParts) => ratio(p.closedOnTime, p.closed);
/** 平均办理时长 (hours): summed report → 办结 hours ÷ closed. */
export const averageHandlingHours = (p: LifecycleParts) => ratio(p.handlingHoursTotal, p.closed);
/** 矛盾纠纷村级化解率: disputes closed without leaving the village ÷ disputes closed. */
export const villageSettlementRate = (p: LifecycleParts) =>
  ratio(p.disputesSettledInVillage, p.disputesClosed);
