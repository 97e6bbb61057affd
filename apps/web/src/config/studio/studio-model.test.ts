import { type LayoutDocument, type LayoutSummary, SEED_LAYOUTS } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { layoutForScope, rebaseDocument, withProfile } from './studio-model';

const summary = (layoutId: string, level: LayoutSummary['level'], regionCode: string | null) =>
  ({
    layoutId,
    theme: 'overview',
    level,
    regionCode,
    version: 1,
    updatedAt: '2026-12-01T00:00:00Z',
    updatedBy: 'system',
  }) satisfies LayoutSummary;

const overview = SEED_LAYOUTS.find((d) => d.theme === 'overview' && d.level === null) as LayoutDocument;
const wall = overview.profiles.wall;

describe('the layout a studio scope edits', () => {
  it('takes the region’s own layout, else the level’s, else the theme default', () => {
    const items = [
      summary('overview', null, null),
      summary('overview.township', 'township', null),
      summary('overview.township.331023105', 'township', '331023105'),
    ];
    const at = (level: 'county' | 'township', regionCode: string | null) =>
      layoutForScope(items, { theme: 'overview', level, regionCode });
    expect(at('township', '331023105')).toMatchObject({
      item: { layoutId: 'overview.township.331023105' },
      appliesTo: 'region',
    });
    expect(at('township', '331023101')).toMatchObject({
      item: { layoutId: 'overview.township' },
      appliesTo: 'level',
    });
    expect(at('county', null)).toMatchObject({ item: { layoutId: 'overview' }, appliesTo: 'theme' });
    expect(layoutForScope(items, { theme: 'eco', level: 'county', regionCode: null })).toBeNull();
  });
});

describe('rebasing my edits onto the latest version', () => {
  const first = wall.panels[0];
  const second = wall.panels[1];
  if (!first || !second) throw new Error('the seeded overview wall has panels');

  it('keeps their changes and replays mine: my added, removed and changed panels', () => {
    const mine = withProfile(overview, 'wall', {
      map: wall.map,
      panels: [
        { ...first, w: first.w + 1 },
        ...wall.panels.slice(2),
        { id: 'ranking-2', type: 'ranking', x: 0, y: 0, w: 4, h: 2, options: {} },
      ],
    });
    const theirs = withProfile(overview, 'wall', {
      map: wall.map,
      panels: [
        ...wall.panels.map((p) => (p.id === second.id ? { ...p, options: { changed: true } } : p)),
        { id: 'ranking-2', type: 'text', x: 1, y: 1, w: 2, h: 2, options: {} },
      ],
    });
    const out = rebaseDocument(overview, mine, theirs).profiles.wall;
    const ids = out.panels.map((p) => p.id);
    // Mine: first widened; second removed (although they changed its options, I deleted it).
    expect(out.panels.find((p) => p.id === first.id)?.w).toBe(first.w + 1);
    expect(ids).not.toContain(second.id);
    // Theirs: their ranking-2 stays; mine comes in under another id.
    expect(out.panels.find((p) => p.id === 'ranking-2')?.type).toBe('text');
    expect(out.panels.find((p) => p.id === 'ranking-2-2')?.type).toBe('ranking');
    // Untouched profiles are the latest's.
    expect(rebaseDocument(overview, mine, theirs).profiles.desk).toBe(theirs.profiles.desk);
  });
});
