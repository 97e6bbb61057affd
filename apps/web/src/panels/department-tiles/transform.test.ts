import type { DepartmentSummary } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { departmentTiles } from './transform';

const summary = (theme: DepartmentSummary['theme']): DepartmentSummary => ({
  theme,
  headline: {
    indicatorId: `${theme}.x`,
    value: 1,
    unit: '个',
    status: 'ok',
    at: '2026-12-01T02:00:00.000Z',
    lastGoodAt: '2026-12-01T02:00:00.000Z',
  },
  secondary: [],
  note: null,
});

describe('departmentTiles', () => {
  it('keeps the cockpits named, in the order named', () => {
    const all = [summary('parking'), summary('trauma'), summary('eco')];
    expect(departmentTiles(all, { themes: ['eco', 'parking'] }).map((s) => s.theme)).toEqual([
      'eco',
      'parking',
    ]);
    expect(departmentTiles(all, { themes: [] })).toEqual([]);
    expect(
      departmentTiles([summary('trauma')], { themes: ['parking', 'trauma'] }).map((s) => s.theme),
    ).toEqual(['trauma']);
  });
});
