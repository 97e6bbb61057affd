import { AlertPolicyInput } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { policyInputOf } from './MyAlertsPage';

const draft = {
  name: ' 夜间空气 ',
  kind: 'indicator' as const,
  ref: ' eco.aqi ',
  minSeverity: 'warning' as const,
  thresholdOp: '>=' as const,
  thresholdValue: '200',
  quietHours: ' 22:00-07:00 ',
  delivery: 'digest' as const,
  inApp: true,
  webhookUrl: '',
  enabled: true,
};

describe('the policy form', () => {
  it('turns a draft into the API input: trimmed, empty fields as null, the threshold as a number', () => {
    const input = policyInputOf(draft);
    expect(input).toEqual({
      name: '夜间空气',
      subscription: { kind: 'indicator', ref: 'eco.aqi' },
      minSeverity: 'warning',
      threshold: { op: '>=', value: 200 },
      quietHours: '22:00-07:00',
      delivery: 'digest',
      channels: { inApp: true, webhookUrl: null },
      enabled: true,
    });
    expect(AlertPolicyInput.safeParse(input).success).toBe(true);
  });

  it('leaves the threshold out without a value; a bad quiet-hours text is for the contract to refuse', () => {
    const input = policyInputOf({ ...draft, thresholdValue: ' ', quietHours: '25:00-07:00' });
    expect(input.threshold).toBeNull();
    const parsed = AlertPolicyInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['quietHours']);
  });
});
