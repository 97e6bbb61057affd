import { describe, expect, it } from 'vitest';
import type { EffectiveLayout, PanelInstance } from './layout';
import { applyPersonalView, prunePersonalView } from './layout-view';

const panel = (id: string, x: number, y: number, w = 3, h = 2): PanelInstance => ({
  id,
  type: 'text',
  options: {},
  x,
  y,
  w,
  h,
});

/** A tablet-portrait layout (6 columns): the map on top, four panels in two rows below it. */
const tablet: EffectiveLayout = {
  layoutId: 'overview',
  version: 3,
  theme: 'overview',
  level: null,
  regionCode: null,
  profile: 'tablet-portrait',
  map: { x: 0, y: 0, w: 6, h: 4 },
  panels: [panel('a', 0, 4), panel('b', 3, 4), panel('c', 0, 6), panel('d', 3, 6)],
};
const ids = (l: EffectiveLayout) => l.panels.map((p) => `${p.id}@${p.x},${p.y}`);
const none = { hidden: [], order: [], pinned: [] };

describe('applyPersonalView', () => {
  it('returns the published layout itself when there is no view or nothing in it applies', () => {
    expect(applyPersonalView(tablet, null)).toBe(tablet);
    expect(applyPersonalView(tablet, none)).toBe(tablet);
    expect(applyPersonalView(tablet, { hidden: ['gone'], order: ['gone'], pinned: ['gone'] })).toBe(tablet);
  });

  it('hides panels and closes the gap, packing from the top-left around the map', () => {
    expect(ids(applyPersonalView(tablet, { ...none, hidden: ['a'] }))).toEqual(['b@0,4', 'c@3,4', 'd@0,6']);
  });

  it('puts pinned panels first, then the ordered ones, then the rest in reading order', () => {
    const view = { hidden: [], order: ['c'], pinned: ['d'] };
    expect(ids(applyPersonalView(tablet, view))).toEqual(['d@0,4', 'c@3,4', 'a@0,6', 'b@3,6']);
  });

  it('drops ids the published layout no longer has, quietly, and never shows a hidden panel even if pinned', () => {
    const view = { hidden: ['b', 'removed-since'], order: ['ghost', 'd'], pinned: ['b', 'old'] };
    expect(ids(applyPersonalView(tablet, view))).toEqual(['d@0,4', 'a@3,4', 'c@0,6']);
    expect(prunePersonalView(tablet, view)).toEqual({ hidden: ['b'], order: ['d'], pinned: [] });
  });

  it('keeps sizes, narrows a panel wider than the grid, and leaves the published layout unchanged', () => {
    const wide = { ...tablet, panels: [...tablet.panels, panel('e', 0, 8, 6, 1)] };
    const before = JSON.parse(JSON.stringify(wide)) as typeof wide;
    const seen = applyPersonalView(wide, { ...none, pinned: ['e'] });
    expect(seen.panels[0]).toMatchObject({ id: 'e', x: 0, y: 4, w: 6, h: 1 });
    expect(seen.panels.every((p) => p.x + p.w <= 6)).toBe(true);
    expect(wide).toEqual(before);
    // No two panels overlap each other or the map.
    const rects = [seen.map!, ...seen.panels];
    for (const [i, r] of rects.entries())
      for (const q of rects.slice(i + 1))
        expect(r.x < q.x + q.w && q.x < r.x + r.w && r.y < q.y + q.h && q.y < r.y + r.h).toBe(false);
  });
});
