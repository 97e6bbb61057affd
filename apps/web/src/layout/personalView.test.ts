import { describe, expect, it } from 'vitest';
import { moved } from './personalView';

describe('moving a panel in a personal view', () => {
  const shown = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const choice = { hidden: ['x'], order: [], pinned: ['a'] };

  it('swaps it with its neighbour and keeps hidden and pinned panels', () => {
    expect(moved(shown, choice, 'c', -1)).toEqual({ hidden: ['x'], pinned: ['a'], order: ['a', 'c', 'b'] });
    expect(moved(shown, choice, 'a', 1).order).toEqual(['b', 'a', 'c']);
  });

  it('does nothing past either end or for a panel not shown', () => {
    expect(moved(shown, choice, 'a', -1)).toBe(choice);
    expect(moved(shown, choice, 'c', 1)).toBe(choice);
    expect(moved(shown, choice, 'x', 1)).toBe(choice);
  });
});
