import { PANEL_TYPES, PROFILE_IDS, PROFILES, SEED_LAYOUTS } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { PANEL_REGISTRY, THEME_MODULES, typesWithoutComponent } from './registry';

describe('the panel registry', () => {
  it('has a component for every panel type the contracts declare, and nothing undeclared', () => {
    expect(typesWithoutComponent()).toEqual([]);
    for (const type of PANEL_REGISTRY.keys()) expect(PANEL_TYPES[type], type).toBeDefined();
  });

  it('gives every option schema its defaults from an empty object', () => {
    for (const [type, spec] of Object.entries(PANEL_TYPES))
      expect(spec.options.safeParse({}).success, type).toBe(true);
  });

  it('registers each theme module under its own theme, with its own types only', () => {
    for (const [theme, module] of Object.entries(THEME_MODULES)) {
      expect(module.theme).toBe(theme);
      for (const p of module.panels) expect(p.type.startsWith(`${theme}.`), p.type).toBe(true);
    }
  });
});

describe('the seeded layouts (overview, parking and whatever else is seeded)', () => {
  for (const doc of SEED_LAYOUTS)
    for (const profile of PROFILE_IDS) {
      it(`${doc.theme}/${doc.level ?? 'all'}/${profile}: known types, valid options, inside the grid, no overlap`, () => {
        const { map, panels } = doc.profiles[profile];
        const grid = PROFILES[profile];
        const rects = [...(map ? [{ id: 'map', ...map }] : []), ...panels];
        for (const p of panels) {
          const spec = PANEL_TYPES[p.type];
          expect(spec, p.type).toBeDefined();
          expect(spec?.options.safeParse(p.options).success, `${p.id} options`).toBe(true);
          if (spec?.themes) expect(spec.themes).toContain(doc.theme);
        }
        expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
        for (const r of rects) {
          expect(r.x + r.w, `${r.id} right edge`).toBeLessThanOrEqual(grid.cols);
          expect(r.y + r.h, `${r.id} bottom edge`).toBeLessThanOrEqual(grid.rows);
        }
        for (const a of rects)
          for (const b of rects) {
            if (a === b) continue;
            const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
            expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
          }
      });
    }
});
