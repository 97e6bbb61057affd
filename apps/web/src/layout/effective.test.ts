import type { LayoutDocument, ProfileArrangement } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { rowsUsed, seededLayout } from './effective';

const arrangement = (id: string): ProfileArrangement => ({
  map: { x: 6, y: 0, w: 12, h: 12 },
  panels: [{ id, type: 'text', options: {}, x: 0, y: 0, w: 6, h: 2 }],
});
const doc = (level: LayoutDocument['level'], regionCode: string | null, id: string): LayoutDocument => ({
  theme: 'overview',
  level,
  regionCode,
  profiles: {
    wall: arrangement(id),
    ultrawide: arrangement(id),
    wide: arrangement(id),
    wall8k: arrangement(id),
    'tablet-portrait': arrangement(id),
    'tablet-landscape': arrangement(id),
    desk: arrangement(`${id}-desk`),
  },
});
const seeds = [
  doc(null, null, 'theme'),
  doc('township', null, 'level'),
  doc('township', '331023105', 'region'),
];
const scope = { theme: 'overview', level: 'county', regionCode: '331023', profile: 'wall' } as const;

describe('seededLayout', () => {
  it('takes a region override over the level default over the theme default', () => {
    expect(seededLayout(seeds, scope)?.panels[0]?.id).toBe('theme');
    expect(seededLayout(seeds, { ...scope, level: 'township', regionCode: '331023101' })?.panels[0]?.id).toBe(
      'level',
    );
    const override = seededLayout(seeds, { ...scope, level: 'township', regionCode: '331023105' });
    expect(override?.panels[0]?.id).toBe('region');
    expect(override?.regionCode).toBe('331023105');
  });

  it('gives the arrangement of the profile asked for, and null for a theme without seeds', () => {
    expect(seededLayout(seeds, { ...scope, profile: 'desk' })?.panels[0]?.id).toBe('theme-desk');
    expect(seededLayout(seeds, { ...scope, theme: 'eco' })).toBeNull();
  });

  it('counts the rows an arrangement uses', () => {
    expect(rowsUsed(arrangement('a'))).toBe(12);
    expect(
      rowsUsed({ map: null, panels: [{ id: 'a', type: 't', options: {}, x: 0, y: 3, w: 1, h: 4 }] }),
    ).toBe(7);
  });
});
