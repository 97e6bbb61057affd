import { PANEL_TYPES, SEED_LAYOUTS } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { testGeography } from '../test/create-test-app';
import { indicatorLevels } from './indicator-levels';
import { layoutIdOf } from './service';
import { validateLayout } from './validate';

/** Every seeded layout (contracts, SEED_LAYOUTS) passes the BFF's validation with the real panel types. */
describe('seeded layouts', () => {
  const hierarchy = testGeography();
  const ctx = {
    panelTypes: PANEL_TYPES,
    indicatorLevels,
    regionLevel: (code: string) => hierarchy.get(code)?.level,
  };

  it.each(SEED_LAYOUTS.map((doc) => [layoutIdOf(doc), doc] as const))('%s is valid', (_id, doc) => {
    const result = validateLayout(doc, ctx);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([]);
  });

  it('seeds at most one layout per scope', () => {
    const ids = SEED_LAYOUTS.map(layoutIdOf);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
