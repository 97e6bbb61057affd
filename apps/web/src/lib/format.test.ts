import { describe, expect, it } from 'vitest';
import {
  ageSeconds,
  durationParts,
  formatClock,
  formatCount,
  formatDate,
  formatDistance,
  formatPercent,
} from './format';

describe('times are shown in Beijing time whatever the machine zone', () => {
  it('formats a UTC instant as Asia/Shanghai', () => {
    expect(formatClock('2026-11-28T16:05:09Z')).toBe('00:05:09');
    expect(formatDate('2026-11-28T16:05:09Z')).toContain('2026/11/29');
  });
  it('names the weekday in the language shown', () => {
    expect(formatDate('2026-12-01T04:00:00Z')).toContain('周二');
    expect(formatDate('2026-12-01T04:00:00Z', 'en')).toContain('Tue');
    expect(formatDate('2026-12-01T04:00:00Z', 'en')).not.toMatch(/[周二]/);
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [1234, '1,234'],
    [9999, '9,999'],
    [10000, '10,000'],
    // Exact below a hundred thousand: "2万" would hide 19,846.
    [19846, '19,846'],
    [99999, '99,999'],
    [100000, '10万'],
    [123456, '12.35万'],
    [1234567, '123.5万'],
    [150000000, '1.5亿'],
    [-250000, '-25万'],
  ])('zh-CN %d → %s', (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });
  it('uses plain grouping in English', () => {
    expect(formatCount(32000, 'en')).toBe('32,000');
  });
  it('shows a dash for non-finite numbers', () => {
    expect(formatCount(Number.NaN)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('keeps one decimal', () => {
    expect(formatPercent(0.8534)).toBe('85.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
  });
});

describe('ageSeconds', () => {
  it('never goes negative', () => {
    const now = new Date('2026-11-28T00:00:10Z');
    expect(ageSeconds('2026-11-28T00:00:00Z', now)).toBe(10);
    expect(ageSeconds('2026-11-28T00:01:00Z', now)).toBe(0);
  });
});

describe('formatDistance and durationParts', () => {
  it('reads metres below a kilometre and kilometres above', () => {
    expect(formatDistance(847)).toBe('850 米');
    expect(formatDistance(1234)).toBe('1.2 公里');
    expect(formatDistance(1234, 'en')).toBe('1.2 km');
  });
  it('splits a duration into hours and minutes, and none for a future start', () => {
    expect(durationParts(0, 125 * 60_000)).toEqual({ h: 2, m: 5 });
    expect(durationParts(10, 0)).toBeUndefined();
  });
});
