import { describe, expect, it } from 'vitest';
import { formatIndicator, oldestAt, panelFreshness, worstStatus } from './indicator-format';

describe('formatIndicator', () => {
  it('shows shares as percentages with one decimal', () => {
    expect(formatIndicator(0.8534, '%')).toEqual({ text: '85.3', unit: '%' });
  });
  it('shows counts the Chinese way with their unit', () => {
    expect(formatIndicator(19846, '人次')).toEqual({ text: '19,846', unit: '人次' });
    expect(formatIndicator(320490, '人次')).toEqual({ text: '32.05万', unit: '人次' });
    expect(formatIndicator(1234, '个')).toEqual({ text: '1,234', unit: '个' });
  });
  it('shows an index with two decimals and minutes with one', () => {
    expect(formatIndicator(1.234, '')).toEqual({ text: '1.23', unit: '' });
    expect(formatIndicator(12.25, '分钟')).toEqual({ text: '12.3', unit: '分钟' });
    expect(formatIndicator(12, '分钟')).toEqual({ text: '12', unit: '分钟' });
  });
  it('shows units in English in English mode: no 分钟 on an English screen', () => {
    expect(formatIndicator(12, '分钟', 'en')).toEqual({ text: '12', unit: 'min' });
    expect(formatIndicator(420, '人次', 'en')).toEqual({ text: '420', unit: 'visits' });
    expect(formatIndicator(40, 'μg/m³', 'en').unit).toBe('μg/m³');
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

describe('per-source stale marking', () => {
  const src = (status: 'ok' | 'stale' | 'error', error?: string) => ({ status, ...(error ? { error } : {}) });
  it('marks a panel whose own values look fresh when a system feeding it fails (e.g. month shares)', () => {
    expect(panelFreshness('ok', [src('stale', 'HTTP 503')])).toEqual({ status: 'stale', down: true });
  });
  it('tells late (延迟) from down (中断)', () => {
    expect(panelFreshness('ok', [src('stale')])).toEqual({ status: 'stale', down: false });
    expect(panelFreshness(undefined, [src('error', 'connect ECONNREFUSED')])).toEqual({
      status: 'error',
      down: true,
    });
    expect(panelFreshness('stale', [src('ok')])).toEqual({ status: 'stale', down: false });
  });
  it('is ok when every source is, and unknown before anything arrived', () => {
    expect(panelFreshness('ok', [src('ok')])).toEqual({ status: 'ok', down: false });
    expect(panelFreshness(undefined, [])).toBeUndefined();
  });
});
