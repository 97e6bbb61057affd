import { describe, expect, it } from 'vitest';
import { PROFILE_IDS, PROFILES } from '../layout';
import { PANEL_TYPES } from '../panels/index';
import { arrangeAll, split } from './arrange';
import { SEED_LAYOUTS } from './index';

const seed = (theme: string, level: string | null) =>
  SEED_LAYOUTS.find((d) => d.theme === theme && d.level === level && d.regionCode === null);

describe('grassroots and level-default seeds', () => {
  it('基层治理 is seeded for the county (theme default), townships and villages; the overview for townships and villages', () => {
    for (const level of [null, 'township', 'village'])
      expect(seed('grassroots', level), String(level)).toBeDefined();
    for (const level of ['township', 'village']) expect(seed('overview', level), level).toBeDefined();
    for (const theme of ['parking', 'trauma', 'eco']) expect(seed(theme, 'village'), theme).toBeDefined();
  });

  it('the governance screens carry the funnel, overdue cases, grid workers, events by type, escalations and the on-time ranking', () => {
    for (const level of [null, 'township', 'village']) {
      const types = new Set(seed('grassroots', level)!.profiles.wall.panels.map((p) => p.type));
      for (const t of [
        'grassroots.funnel',
        'grassroots.overdue',
        'grassroots.grid-workers',
        'grassroots.events-by-type',
        'grassroots.escalations',
        'kpi-tiles',
      ])
        expect(types.has(t), `${level} ${t}`).toBe(true);
    }
  });

  it('the overview defaults use grassroots types declared for the overview; a village lists its nearest facilities', () => {
    for (const level of ['township', 'village']) {
      for (const p of seed('overview', level)!.profiles.wall.panels)
        if (p.type.startsWith('grassroots.')) expect(PANEL_TYPES[p.type]?.themes).toContain('overview');
    }
    expect(seed('overview', 'village')!.profiles.wall.panels.map((p) => p.type)).toContain(
      'grassroots.nearby',
    );
  });

  it('on tablets the nearest lots of a village parking screen come first, right under the map', () => {
    for (const profile of ['tablet-portrait', 'tablet-landscape'] as const) {
      const { map, panels } = seed('parking', 'village')!.profiles[profile];
      const nearby = panels.find((p) => p.id === 'nearby')!;
      expect(nearby.y, profile).toBeLessThanOrEqual(map!.h);
      expect(nearby.y * PROFILES[profile].rowHeightPx!, profile).toBeLessThan(PROFILES[profile].height / 2);
    }
  });

  it('split gives integer sizes summing to the total, proportional to the weights', () => {
    expect(split(12, [1, 1, 1, 1])).toEqual([3, 3, 3, 3]);
    expect(split(12, [1, 1.5, 1])).toEqual([4, 5, 3]);
    expect(split(6, [1])).toEqual([6]);
  });

  it('arrangeAll fills every profile and places every panel once', () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, type: 'text' }));
    const profiles = arrangeAll(items);
    for (const id of PROFILE_IDS)
      expect(profiles[id].panels.map((p) => p.id).sort(), id).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
