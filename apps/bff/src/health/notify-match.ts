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
  /** The value the alarm observed, when known (for a subscriber's own threshold). */
  observedValue?: number | undefined;
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
 * Whether a policy wants to hear about an alarm: its subscription covers it, the severity is at least the
 * policy's own minimum, and (for an indicator subscription with its own threshold) the observed value meets
 * that threshold. Whether the user may see the alarm at all is checked separately, at delivery.
 */
export function policyMatches(policy: AlertPolicyInput, alarm: MatchableAlarm, ctx: MatchContext): boolean {
  if (!policy.enabled) return false;
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
  // An own threshold narrows (or widens, within what the rule raised) the alarms of this indicator; without an
  // observed value the rule's own judgement stands.
  if (policy.threshold && ctx.observedValue !== undefined)
    return meetsThreshold(policy.threshold, ctx.observedValue);
  return true;
}
