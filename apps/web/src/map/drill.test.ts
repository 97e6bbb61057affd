import { describe, expect, it } from 'vitest';
import { scopePath, tapDecision } from './drill';

describe('tapDecision', () => {
  it('selects on the first tap without drilling', () => {
    expect(tapDecision(null, '331023105')).toEqual({ select: '331023105', drill: false });
  });
  it('enters on a second tap on the selected region, with no time window', () => {
    expect(tapDecision('331023105', '331023105').drill).toBe(true);
  });
  it('moves the selection when the tap is on another region', () => {
    expect(tapDecision('331023105', '331023101')).toEqual({ select: '331023101', drill: false });
  });
});

describe('scopePath', () => {
  it('keeps the query string', () => {
    expect(scopePath('eco', '331023105', '?screen=wall&canvas=1920x1080')).toBe(
      '/eco/331023105?screen=wall&canvas=1920x1080',
    );
  });
});
