import { type Level, PROFILE_IDS, PROFILES } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { layoutDoc, mapRect, sideRect } from './fixtures';
import { type LayoutValidationContext, type PanelTypeTable, validateLayout } from './validate';

/** A local panel-type table shaped like PANEL_TYPES (the real one is filled by the web engineers). */
const TYPES: PanelTypeTable = {
  'kpi-tiles': {
    name: { zh: '指标卡', en: 'KPI tiles' },
    options: z.object({ indicatorIds: z.array(z.string()).default([]), title: z.string().default('') }),
  },
  trend: {
    name: { zh: '趋势', en: 'Trend' },
    options: z.object({ indicatorId: z.string(), kind: z.enum(['line', 'area']).default('line') }),
  },
  'parking.guidance': { name: { zh: '诱导', en: 'Guidance' }, options: z.object({}), themes: ['parking'] },
  'preset-ref': {
    name: { zh: '预设', en: 'Preset' },
    options: z.object({ indicatorId: z.string().default('no.such.default') }),
  },
};

const INDICATOR_LEVELS: Record<string, Level[]> = {
  'x.everywhere': ['county', 'township', 'village'],
  'x.upper': ['county', 'township'],
};
const REGION_LEVELS: Record<string, Level> = {
  '331023': 'county',
  '331023105': 'township',
  '331023105200': 'village',
};
const ctx: LayoutValidationContext = {
  panelTypes: TYPES,
  indicatorLevels: (id) => (Object.hasOwn(INDICATOR_LEVELS, id) ? INDICATOR_LEVELS[id] : undefined),
  regionLevel: (code) => REGION_LEVELS[code],
};

const problemsOf = (doc: unknown) => {
  const result = validateLayout(doc, ctx);
  return result.ok ? [] : result.problems;
};
const codes = (doc: unknown) => [...new Set(problemsOf(doc).map((p) => p.code))];

describe('layout validation', () => {
  it('accepts a layout of registered panels on every profile, at every scope', () => {
    const panels = [
      { id: 'kpis', type: 'kpi-tiles', options: { indicatorIds: ['x.everywhere', 'x.upper'] } },
      { id: 'trend', type: 'trend', options: { indicatorId: 'x.everywhere', kind: 'area' } },
    ];
    expect(problemsOf(layoutDoc({}, panels))).toEqual([]);
    expect(problemsOf(layoutDoc({ level: 'township' }, panels))).toEqual([]);
    expect(problemsOf(layoutDoc({ level: 'township', regionCode: '331023105' }, panels))).toEqual([]);
    expect(problemsOf(layoutDoc({ theme: 'parking' }, [{ id: 'g', type: 'parking.guidance' }]))).toEqual([]);
    // A profile without a map, panels filling the whole grid, is fine.
    const doc = layoutDoc();
    const g = PROFILES.wall;
    doc.profiles.wall = {
      map: null,
      panels: [{ id: 'all', type: 'kpi-tiles', options: {}, x: 0, y: 0, w: g.cols, h: g.rows }],
    };
    expect(validateLayout(doc, ctx).ok).toBe(true);
  });

  it('refuses an unknown panel type, naming the panel and field', () => {
    const p = problemsOf(layoutDoc({}, [{ id: 'mystery', type: 'no-such-type' }]));
    expect(p).toHaveLength(PROFILE_IDS.length);
    expect(p[0]).toMatchObject({
      code: 'UNKNOWN_PANEL_TYPE',
      path: 'profiles.wall.panels[mystery].type',
      panelId: 'mystery',
    });
    expect(p[0]!.message).toContain('mystery');
    expect(p[0]!.message).toContain('no-such-type');
    // Names of Object.prototype are no panel types.
    expect(codes(layoutDoc({}, [{ id: 'p', type: 'constructor' }]))).toEqual(['UNKNOWN_PANEL_TYPE']);
    expect(codes(layoutDoc({}, [{ id: 'p', type: '__proto__' }]))).toEqual(['UNKNOWN_PANEL_TYPE']);
  });

  it('refuses a panel type not allowed for the theme', () => {
    const p = problemsOf(layoutDoc({ theme: 'eco' }, [{ id: 'g', type: 'parking.guidance' }]));
    expect(p[0]).toMatchObject({ code: 'PANEL_TYPE_NOT_ALLOWED', path: 'profiles.wall.panels[g].type' });
    expect(p[0]!.message).toContain('eco');
  });

  it('refuses options failing the type schema, with the zod path', () => {
    const p = problemsOf(
      layoutDoc({}, [{ id: 'trend', type: 'trend', options: { indicatorId: 'x.everywhere', kind: 'pie' } }]),
    );
    expect(p[0]).toMatchObject({
      code: 'INVALID_PANEL_OPTIONS',
      path: 'profiles.wall.panels[trend].options.kind',
      panelId: 'trend',
    });
    const missing = problemsOf(layoutDoc({}, [{ id: 't2', type: 'trend', options: {} }]));
    expect(missing[0]).toMatchObject({
      code: 'INVALID_PANEL_OPTIONS',
      path: 'profiles.wall.panels[t2].options.indicatorId',
    });
    const nested = problemsOf(
      layoutDoc({}, [{ id: 'k', type: 'kpi-tiles', options: { indicatorIds: ['x.everywhere', 7] } }]),
    );
    expect(nested[0]!.path).toBe('profiles.wall.panels[k].options.indicatorIds.1');
  });

  it('refuses an indicator that does not exist, naming where the options name it', () => {
    const p = problemsOf(
      layoutDoc({}, [{ id: 'k', type: 'kpi-tiles', options: { indicatorIds: ['x.everywhere', 'x.nope'] } }]),
    );
    expect(p[0]).toMatchObject({
      code: 'UNKNOWN_INDICATOR',
      path: 'profiles.wall.panels[k].options.indicatorIds.1',
    });
    expect(p[0]!.message).toContain('x.nope');
    // An indicator named by the type's defaults counts too.
    const preset = problemsOf(layoutDoc({}, [{ id: 'pre', type: 'preset-ref' }]));
    expect(preset[0]).toMatchObject({
      code: 'UNKNOWN_INDICATOR',
      path: 'profiles.wall.panels[pre].options.indicatorId',
    });
  });

  it('refuses an indicator not at the layout level; a theme default needs it at one level at least', () => {
    const panels = [{ id: 'k', type: 'kpi-tiles', options: { indicatorIds: ['x.upper'] } }];
    const village = problemsOf(layoutDoc({ level: 'village' }, panels));
    expect(village[0]).toMatchObject({
      code: 'INDICATOR_NOT_AT_LEVEL',
      path: 'profiles.wall.panels[k].options.indicatorIds.0',
    });
    expect(village[0]!.message).toContain('village');
    const override = layoutDoc({ level: 'village', regionCode: '331023105200' }, panels);
    expect(codes(override)).toEqual(['INDICATOR_NOT_AT_LEVEL']);
    expect(codes(layoutDoc({ level: 'county' }, panels))).toEqual([]);
    expect(codes(layoutDoc({}, panels))).toEqual([]);
  });

  it('refuses panels that overlap each other or the map', () => {
    const doc = layoutDoc({}, [
      { id: 'a', type: 'kpi-tiles' },
      { id: 'b', type: 'kpi-tiles' },
    ]);
    doc.profiles.desk.panels[1] = { ...doc.profiles.desk.panels[1]!, ...sideRect('desk', 0) };
    const p = problemsOf(doc);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ code: 'OVERLAP', path: 'profiles.desk.panels[b]', panelId: 'b' });
    expect(p[0]!.message).toContain('"a"');

    const onMap = layoutDoc({}, [{ id: 'a', type: 'kpi-tiles' }]);
    const map = mapRect('ultrawide');
    onMap.profiles.ultrawide.panels[0] = { ...onMap.profiles.ultrawide.panels[0]!, x: map.w - 1, w: 2 };
    const q = problemsOf(onMap);
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ code: 'OVERLAP', path: 'profiles.ultrawide.panels[a]' });
    expect(q[0]!.message).toContain('map');
    // Touching edges do not overlap.
    const touching = layoutDoc({}, [{ id: 'a', type: 'kpi-tiles' }]);
    touching.profiles.wall.panels[0] = { ...touching.profiles.wall.panels[0]!, x: mapRect('wall').w };
    expect(problemsOf(touching)).toEqual([]);
  });

  it('refuses panels or a map leaving the grid', () => {
    for (const profile of PROFILE_IDS) {
      const g = PROFILES[profile];
      const doc = layoutDoc({}, [{ id: 'a', type: 'kpi-tiles' }]);
      doc.profiles[profile].panels[0] = { ...doc.profiles[profile].panels[0]!, y: g.rows };
      expect(problemsOf(doc)).toMatchObject([
        { code: 'OUT_OF_GRID', path: `profiles.${profile}.panels[a]`, profile },
      ]);
      const wide = layoutDoc({}, [{ id: 'a', type: 'kpi-tiles' }]);
      wide.profiles[profile].panels[0] = { ...wide.profiles[profile].panels[0]!, w: g.cols };
      expect(codes(wide)).toContain('OUT_OF_GRID');
      const map = layoutDoc();
      map.profiles[profile].map = { ...mapRect(profile), h: g.rows + 1 };
      expect(problemsOf(map)).toMatchObject([{ code: 'OUT_OF_GRID', path: `profiles.${profile}.map` }]);
    }
    // Negative or zero sizes are refused by the document's shape.
    const neg = layoutDoc({}, [{ id: 'a', type: 'kpi-tiles' }]);
    neg.profiles.wall.panels[0] = { ...neg.profiles.wall.panels[0]!, x: -1 };
    expect(codes(neg)).toEqual(['VALIDATION']);
    expect(problemsOf(neg)[0]!.path).toBe('profiles.wall.panels[a].x');
  });

  it('refuses duplicate panel ids within a profile (the same id on two profiles is fine)', () => {
    const p = problemsOf(
      layoutDoc({}, [
        { id: 'twice', type: 'kpi-tiles' },
        { id: 'twice', type: 'kpi-tiles' },
      ]),
    );
    expect(p).toHaveLength(PROFILE_IDS.length);
    expect(p[0]).toMatchObject({ code: 'DUPLICATE_PANEL_ID', path: 'profiles.wall.panels[twice].id' });
  });

  it('refuses a region override whose region is not of the layout level, unknown, or without a level', () => {
    expect(problemsOf(layoutDoc({ level: 'village', regionCode: '331023105' }))).toMatchObject([
      { code: 'REGION_NOT_OF_LEVEL', path: 'regionCode' },
    ]);
    expect(codes(layoutDoc({ level: 'township', regionCode: '331023999' }))).toEqual(['UNKNOWN_REGION']);
    expect(codes(layoutDoc({ level: null, regionCode: '331023105' }))).toEqual(['REGION_WITHOUT_LEVEL']);
  });

  it('refuses a document that lacks a profile', () => {
    const doc = layoutDoc() as { profiles: Partial<Record<string, unknown>> };
    delete doc.profiles['tablet-portrait'];
    expect(problemsOf(doc)).toMatchObject([
      { code: 'MISSING_PROFILE', path: 'profiles.tablet-portrait', profile: 'tablet-portrait' },
    ]);
  });

  it('reports every problem at once', () => {
    const doc = layoutDoc({ level: 'village' }, [
      { id: 'a', type: 'nope' },
      { id: 'b', type: 'kpi-tiles', options: { indicatorIds: ['x.upper'] } },
    ]);
    doc.profiles.wall.panels[1] = { ...doc.profiles.wall.panels[1]!, ...sideRect('wall', 0) };
    expect(new Set(problemsOf(doc).map((p) => p.code))).toEqual(
      new Set(['UNKNOWN_PANEL_TYPE', 'OVERLAP', 'INDICATOR_NOT_AT_LEVEL']),
    );
  });
});
