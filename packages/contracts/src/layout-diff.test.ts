import { describe, expect, it } from 'vitest';
import { type LayoutDocument, PROFILE_IDS, type ProfileArrangement, type ProfileId } from './layout';
import { diffLayouts } from './layout-diff';
import { layoutWeightProblems, MAX_PANELS_PER_PROFILE } from './layout-limits';
import { SEED_LAYOUTS } from './layouts/index';

const arrangement = (): ProfileArrangement => ({
  map: { x: 0, y: 0, w: 4, h: 4 },
  panels: [
    { id: 'kpis', type: 'kpi-tiles', options: { indicatorIds: ['eco.aqi'] }, x: 4, y: 0, w: 2, h: 1 },
    { id: 'note', type: 'text', options: { text: { zh: '甲', en: 'a' } }, x: 4, y: 1, w: 2, h: 1 },
  ],
});
const doc = (): LayoutDocument => ({
  theme: 'overview',
  level: null,
  regionCode: null,
  profiles: Object.fromEntries(PROFILE_IDS.map((p) => [p, arrangement()])) as Record<
    ProfileId,
    ProfileArrangement
  >,
});

describe('diffLayouts', () => {
  it('finds nothing between equal documents, whatever the key order of options', () => {
    const b = doc();
    b.profiles.wall.panels[1]!.options = { text: { en: 'a', zh: '甲' } };
    expect(diffLayouts(doc(), b)).toEqual([]);
  });

  it('lists the map moved, panels removed, moved, re-configured and added, with readable details', () => {
    const b = doc();
    b.profiles.wall.map = { x: 0, y: 0, w: 4, h: 3 };
    b.profiles.wall.panels = [
      { ...b.profiles.wall.panels[0]!, y: 2, options: { indicatorIds: ['eco.pm25'] } },
      { id: 'new', type: 'alarms', options: {}, x: 4, y: 3, w: 2, h: 1 },
    ];
    expect(diffLayouts(doc(), b)).toEqual([
      {
        profile: 'wall',
        panelId: 'map',
        target: 'map',
        change: 'moved',
        panelType: null,
        detail: 'x=0 y=0 w=4 h=4 → x=0 y=0 w=4 h=3',
      },
      {
        profile: 'wall',
        panelId: 'note',
        target: 'panel',
        change: 'removed',
        panelType: 'text',
        detail: 'text',
      },
      {
        profile: 'wall',
        panelId: 'kpis',
        target: 'panel',
        change: 'moved',
        panelType: 'kpi-tiles',
        detail: 'x=4 y=0 w=2 h=1 → x=4 y=2 w=2 h=1',
      },
      {
        profile: 'wall',
        panelId: 'kpis',
        target: 'panel',
        change: 'options',
        panelType: 'kpi-tiles',
        detail: 'indicatorIds',
      },
      {
        profile: 'wall',
        panelId: 'new',
        target: 'panel',
        change: 'added',
        panelType: 'alarms',
        detail: 'alarms at x=4 y=3 w=2 h=1',
      },
    ]);
  });

  it('names a type change among the options and keeps profiles apart', () => {
    const b = doc();
    b.profiles.desk.panels[1] = { ...b.profiles.desk.panels[1]!, type: 'alarms' };
    b.profiles.desk.map = null;
    expect(diffLayouts(doc(), b).map((c) => `${c.profile} ${c.panelId} ${c.change} ${c.detail}`)).toEqual([
      'desk map removed x=0 y=0 w=4 h=4',
      'desk note options type',
    ]);
  });
});

describe('layoutWeightProblems', () => {
  it('passes a normal layout and refuses a crowded profile or a panel over its size limit, naming the field', () => {
    expect(layoutWeightProblems(doc())).toEqual([]);
    // Every seeded layout can be published again as it is.
    expect(SEED_LAYOUTS.flatMap((seed) => layoutWeightProblems(seed))).toEqual([]);
    const crowded = doc();
    crowded.profiles.desk.panels = Array.from({ length: MAX_PANELS_PER_PROFILE + 1 }, (_, i) => ({
      id: `p${i}`,
      type: 'text',
      options: {},
      x: 0,
      y: i,
      w: 1,
      h: 1,
    }));
    const heavy = doc();
    heavy.profiles.wall.panels.push({
      id: 'big',
      type: 'table',
      options: { limit: 30, indicatorIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] },
      x: 6,
      y: 0,
      w: 2,
      h: 2,
    });
    // 40 panels is still fine; 41 is not.
    const forty = doc();
    forty.profiles.desk.panels = crowded.profiles.desk.panels.slice(0, MAX_PANELS_PER_PROFILE);
    expect(layoutWeightProblems(forty)).toEqual([]);
    expect(layoutWeightProblems(crowded).map((p) => p.path)).toEqual(['profiles.desk.panels']);
    expect(layoutWeightProblems(heavy)).toEqual([
      expect.objectContaining({
        path: 'profiles.wall.panels[big].options.limit',
        panelId: 'big',
        message:
          'panel "big" (wall) options.limit: a table panel may show at most 200 cells, this one asks for 210',
      }),
    ]);
  });
});
