import { describe, expect, it } from 'vitest';
import { type GridRect, LayoutDocument, PROFILE_IDS, PROFILES } from '../layout';
import { PANEL_TYPES } from '../panels/index';
import { SEED_LAYOUTS } from './index';

const overlaps = (a: GridRect, b: GridRect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const inGrid = (r: GridRect, cols: number, rows: number) => r.x + r.w <= cols && r.y + r.h <= rows;

/** Every problem of one seeded document, as readable lines (empty: the document is sound). */
function problems(doc: LayoutDocument): string[] {
  const out: string[] = [];
  const parsed = LayoutDocument.safeParse(doc);
  if (!parsed.success) out.push(`schema: ${parsed.error.message}`);
  for (const profile of PROFILE_IDS) {
    const grid = PROFILES[profile];
    const arrangement = doc.profiles[profile];
    const where = `${doc.theme}/${profile}`;
    if (!arrangement) {
      out.push(`${where}: no arrangement`);
      continue;
    }
    const { map, panels } = arrangement;
    if (map && !inGrid(map, grid.cols, grid.rows))
      out.push(`${where}: map leaves the ${grid.cols}×${grid.rows} grid`);
    const ids = new Set<string>();
    panels.forEach((p, i) => {
      if (ids.has(p.id)) out.push(`${where}: duplicate panel id ${p.id}`);
      ids.add(p.id);
      if (!inGrid(p, grid.cols, grid.rows)) out.push(`${where}: ${p.id} leaves the grid`);
      if (map && overlaps(p, map)) out.push(`${where}: ${p.id} overlaps the map`);
      for (const q of panels.slice(i + 1)) if (overlaps(p, q)) out.push(`${where}: ${p.id} overlaps ${q.id}`);
      const spec = PANEL_TYPES[p.type];
      if (!spec) {
        out.push(`${where}: ${p.id} has unknown type ${p.type}`);
        return;
      }
      if (spec.themes && !spec.themes.includes(doc.theme))
        out.push(`${where}: ${p.id}'s type ${p.type} is not for ${doc.theme}`);
      const options = spec.options.safeParse(p.options);
      if (!options.success) out.push(`${where}: ${p.id} options: ${options.error.message}`);
    });
  }
  return out;
}

describe('seeded layouts', () => {
  it('every seeded document of every theme fits its grids: in the grid, no overlaps, known types, valid options', () => {
    expect(SEED_LAYOUTS.length).toBeGreaterThan(0);
    for (const doc of SEED_LAYOUTS)
      expect(problems(doc), `${doc.theme} ${doc.level ?? 'default'}`).toEqual([]);
  });

  it('the trauma and eco defaults are seeded, one each, for every level', () => {
    for (const theme of ['trauma', 'eco'] as const) {
      const docs = SEED_LAYOUTS.filter((d) => d.theme === theme && d.level === null && d.regionCode === null);
      expect(docs).toHaveLength(1);
    }
  });

  it('the check finds overlaps, panels outside the grid, unknown types and bad options', () => {
    const good = SEED_LAYOUTS.find((d) => d.theme === 'trauma');
    if (!good) throw new Error('no trauma seed');
    const bad: LayoutDocument = JSON.parse(JSON.stringify(good));
    const wall = bad.profiles.wall;
    const [first, second] = wall.panels;
    if (!first || !second) throw new Error('trauma wall has fewer than two panels');
    second.y = first.y; // onto the first panel
    wall.panels.push({ id: 'off-grid', type: 'trauma.cases', options: {}, x: 20, y: 10, w: 6, h: 4 });
    wall.panels.push({ id: 'on-map', type: 'trauma.nope', options: {}, x: 10, y: 0, w: 2, h: 2 });
    bad.profiles.desk.panels.push({
      id: 'bad-options',
      type: 'trauma.cases',
      options: { maxCases: 0 },
      x: 0,
      y: 40,
      w: 2,
      h: 2,
    });
    const found = problems(bad).join('\n');
    expect(found).toContain(`trauma/wall: ${first.id} overlaps ${second.id}`);
    expect(found).toContain('trauma/wall: off-grid leaves the grid');
    expect(found).toContain('trauma/wall: on-map overlaps the map');
    expect(found).toContain('trauma/wall: on-map has unknown type trauma.nope');
    expect(found).toContain('trauma/desk: bad-options options:');
  });
});

describe('trauma and eco panel types', () => {
  it('every type parses {} to its defaults and is named in both languages', () => {
    for (const [type, spec] of Object.entries(PANEL_TYPES).filter(([t]) => /^(trauma|eco)\./.test(t))) {
      expect(spec.options.safeParse({}).success, type).toBe(true);
      expect(spec.name.zh.length, type).toBeGreaterThan(0);
      expect(spec.name.en.length, type).toBeGreaterThan(0);
    }
    expect(PANEL_TYPES['trauma.kpis']?.options.parse({})).toMatchObject({
      trendSeriesId: 'trauma.callsPerHour',
    });
    expect(PANEL_TYPES['eco.aqi-gauge']?.options.parse({})).toEqual({
      indicatorId: 'eco.aqi',
      indicatorIds: ['eco.pm25'],
      showIaqi: true,
    });
  });
});
