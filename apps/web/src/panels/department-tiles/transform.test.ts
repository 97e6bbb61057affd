import type { DepartmentSummary } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { departmentTiles, tileFigures, tileLines } from './transform';

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

describe('tileLines', () => {
  it('puts why the region has no figure of its own before the note, and shows neither when absent', () => {
    expect(tileLines(summary('parking'))).toEqual([]);
    const reason = {
      zh: '本村无空气监测站，显示所属乡镇（平桥镇）',
      en: 'This village has no air station: showing 平桥镇',
    };
    const note = { zh: '良，首要污染物 PM2.5', en: 'Good, primary pollutant PM2.5' };
    expect(tileLines({ ...summary('eco'), reason, note })).toEqual([
      { kind: 'reason', text: reason },
      { kind: 'note', text: note },
    ]);
    expect(tileLines({ ...summary('parking'), reason: null, note })).toEqual([{ kind: 'note', text: note }]);
  });
});

describe('tileFigures', () => {
  it('keeps every figure, unless a reason says why the empty ones are empty', () => {
    const blank = { ...summary('trauma').headline, indicatorId: 'trauma.medianResponseMinutes', value: null };
    const tile = { ...summary('trauma'), secondary: [blank] };
    expect(tileFigures(tile).map((v) => v.indicatorId)).toEqual(['trauma.x', 'trauma.medianResponseMinutes']);
    const reason = { zh: '本村近 24 小时无急救呼叫', en: 'x' };
    expect(tileFigures({ ...tile, reason }).map((v) => v.indicatorId)).toEqual(['trauma.x']);
    expect(tileFigures({ ...tile, headline: { ...tile.headline, value: null }, reason })).toEqual([]);
  });
});
