import type { AlertPolicyInput, AlertThreshold, PolicySeverity } from '@cockpit/contracts';

/** What of an alarm a policy looks at (a subset of StoredAlarm). */
export type MatchableAlarm = {
  id: string;
  ruleId: string;
  severity: PolicySeverity;
  regionCode: string;
  source: string;
  summary: string;
};

/** What the matcher needs to know beyond the alarm: the rule's indicator, an indicator's field, the hierarchy. */
export type MatchContext = {
  /** The indicator the alarm's rule watches (null: a check, not an indicator; undefined: unknown rule). */
  indicatorOfRule(ruleId: string): string | null | undefined;
  fieldOfIndicator(indicatorId: string): string | undefined;
  /** `code` is `ancestor` or lies below it. */
  within(code: string, ancestor: string): boolean;
};

const RANK: Record<PolicySeverity, number> = { info: 0, warning: 1, critical: 2 };

export function meetsThreshold(t: AlertThreshold, value: number): boolean {
  switch (t.op) {
    case '>':
      return value > t.value;
    case '>=':
      return value >= t.value;
    case '<':
      return value < t.value;
    case '<=':
      return value <= t.value;
  }
}

/**
 * Whether a policy wants to hear about an alarm: its subscription covers it and the severity is at least the
 * policy's own minimum. A policy with its own threshold hears of its indicator through its own judgement
 * (ownThresholdCrossings), never through the rules' alarms: stricter or looser, the rule's band is not its
 * own. Whether the user may see the alarm at all is checked separately, at delivery.
 */
export function policyMatches(policy: AlertPolicyInput, alarm: MatchableAlarm, ctx: MatchContext): boolean {
  if (!policy.enabled || policy.threshold) return false;
  if (RANK[alarm.severity] < RANK[policy.minSeverity]) return false;
  const { kind, ref } = policy.subscription;
  switch (kind) {
    case 'rule':
      if (alarm.ruleId !== ref) return false;
      break;
    case 'region':
      if (!ctx.within(alarm.regionCode, ref)) return false;
      break;
    case 'indicator':
      if (ctx.indicatorOfRule(alarm.ruleId) !== ref) return false;
      break;
    case 'field': {
      const indicator = ctx.indicatorOfRule(alarm.ruleId);
      if (!indicator || ctx.fieldOfIndicator(indicator) !== ref) return false;
      break;
    }
  }
  return true;
}

/** One indicator value of one region, as an indicator pass collects it. */
export type RegionValue = { indicatorId: string; regionCode: string; value: number | null; status: string };

/**
 * The regions where a policy's own threshold is crossed now: values of its indicator that are known (`ok`),
 * meet the threshold and lie in the owner's scope (`visible`). Empty for a policy without one.
 */
export function ownThresholdCrossings(
  policy: Pick<AlertPolicyInput, 'enabled' | 'subscription' | 'threshold'>,
  values: readonly RegionValue[],
  visible: (regionCode: string) => boolean,
): Map<string, number> {
  const out = new Map<string, number>();
  const t = policy.threshold;
  if (!policy.enabled || !t || policy.subscription.kind !== 'indicator') return out;
  for (const v of values)
    if (
      v.indicatorId === policy.subscription.ref &&
      v.status === 'ok' &&
      v.value !== null &&
      meetsThreshold(t, v.value) &&
      visible(v.regionCode)
    )
      out.set(v.regionCode, v.value);
  return out;
}

/** The deepest region that holds every code (codes are 6, 9 or 12 digits: county, township, village). */
export function commonRegion(codes: readonly string[]): string | null {
  if (codes.length === 0) return null;
  for (const length of [12, 9, 6]) {
    const head = codes[0]!.slice(0, length);
    if (codes.every((c) => c.length >= length && c.slice(0, length) === head)) return head;
  }
  return null;
}
