import { describe, expect, it } from 'vitest';
import { formatIndicator, oldestAt, worstStatus } from './indicator-format';

describe('formatIndicator', () => {
  it('shows shares as percentages with one decimal', () => {
    expect(formatIndicator(0.8534, '%')).toEqual({ text: '85.3', unit: '%' });
  });
  it('shows counts the Chinese way with their unit', () => {
    expect(formatIndicator(32049, '人次')).toEqual({ text: '3.2万', unit: '人次' });
    expect(formatIndicator(1234, '个')).toEqual({ text: '1,234', unit: '个' });
  });
  it('shows an index with two decimals and minutes with one', () => {
    expect(formatIndicator(1.234, '')).toEqual({ text: '1.23', unit: '' });
    expect(formatIndicator(12.25, '分钟')).toEqual({ text: '12.3', unit: '分钟' });
    expect(formatIndicator(12, '分钟')).toEqual({ text: '12', unit: '分钟' });
  });
  it('shows a dash for a missing value', () => {
    expect(formatIndicator(null, '个').text).toBe('—');
  });
});

describe('worstStatus and oldestAt', () => {
  it('lets one stale value make the panel stale, and an error win', () => {
    expect(worstStatus([{ status: 'ok' }, { status: 'stale' }])).toBe('stale');
    expect(worstStatus([{ status: 'stale' }, { status: 'error' }])).toBe('error');
    expect(worstStatus([{ status: 'ok' }])).toBe('ok');
    expect(worstStatus([])).toBeUndefined();
  });
  it('finds the oldest time of data', () => {
    expect(oldestAt([{ at: '2026-11-28T02:00:00Z' }, { at: '2026-11-28T01:00:00Z' }])).toBe(
      '2026-11-28T01:00:00Z',
    );
  });
});
