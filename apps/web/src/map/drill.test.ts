import { describe, expect, it } from 'vitest';
import { scopePath, tapDecision } from './drill';

describe('tapDecision', () => {
  it('selects on the first tap without drilling', () => {
    expect(tapDecision(null, '331023105', 1000)).toEqual({
      select: { code: '331023105', at: 1000 },
      drill: false,
    });
  });
  it('drills on a second tap on the same region within the window', () => {
    expect(tapDecision({ code: '331023105', at: 1000 }, '331023105', 1300).drill).toBe(true);
  });
  it('does not drill when the second tap is late', () => {
    expect(tapDecision({ code: '331023105', at: 1000 }, '331023105', 1600).drill).toBe(false);
  });
  it('does not drill when the second tap is on another region', () => {
    expect(tapDecision({ code: '331023105', at: 1000 }, '331023101', 1100).drill).toBe(false);
  });
});

describe('scopePath', () => {
  it('keeps the query string', () => {
    expect(scopePath('eco', '331023105', '?screen=wall&canvas=1920x1080')).toBe(
      '/eco/331023105?screen=wall&canvas=1920x1080',
    );
  });
});
