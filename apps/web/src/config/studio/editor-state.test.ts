import { PROFILES, type ProfileArrangement } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import {
  type EditorState,
  editorReducer,
  freeSpot,
  initialEditor,
  keyAction,
  MAP_ITEM_ID,
  newPanelId,
} from './editor-state';

const grid = PROFILES.wall;
const arrangement: ProfileArrangement = {
  map: { x: 6, y: 0, w: 12, h: 12 },
  panels: [
    { id: 'kpis', type: 'kpi-tiles', x: 0, y: 0, w: 6, h: 4, options: {} },
    { id: 'ranking', type: 'ranking', x: 18, y: 0, w: 6, h: 6, options: { limit: 8 } },
  ],
};
const start = () => initialEditor(arrangement, grid);
const run = (s: EditorState, ...actions: Parameters<typeof editorReducer>[1][]) =>
  actions.reduce(editorReducer, s);

describe('studio editor state', () => {
  it('moves and resizes the selected panel by one cell, kept inside the grid', () => {
    const s = run(
      start(),
      { kind: 'nudge', id: 'kpis', dx: 1, dy: 2 },
      { kind: 'grow', id: 'kpis', dw: 1, dh: -1 },
    );
    expect(s.present.panels[0]).toMatchObject({ x: 1, y: 2, w: 7, h: 3 });
    // The left edge stops at column 0: nothing changes, and no history step is made.
    const edge = run(start(), { kind: 'nudge', id: 'kpis', dx: -1, dy: 0 });
    expect(edge.present).toBe(arrangement);
    expect(edge.past).toHaveLength(0);
    // The right edge: the ranking's 6 columns end at 24.
    expect(run(start(), { kind: 'nudge', id: 'ranking', dx: 3, dy: 0 }).present.panels[1]?.x).toBe(18);
  });

  it('undoes and redoes every change, and a new change drops the redo branch', () => {
    let s = run(start(), { kind: 'nudge', id: 'kpis', dx: 0, dy: 1 }, { kind: 'remove', id: 'ranking' });
    expect(s.present.panels.map((p) => p.id)).toEqual(['kpis']);
    s = run(s, { kind: 'undo' });
    expect(s.present.panels.map((p) => p.id)).toEqual(['kpis', 'ranking']);
    s = run(s, { kind: 'undo' });
    expect(s.present).toBe(arrangement);
    s = run(s, { kind: 'redo' });
    expect(s.present.panels[0]?.y).toBe(1);
    s = run(s, { kind: 'grow', id: 'kpis', dw: 1, dh: 0 });
    expect(s.future).toHaveLength(0);
    expect(run(s, { kind: 'redo' })).toBe(s);
  });

  it('adds a panel of a type in the first free spot, with a unique id, and selects it', () => {
    const s = run(start(), { kind: 'add', type: 'ranking', options: { limit: 5 }, size: { w: 6, h: 3 } });
    const added = s.present.panels[2];
    expect(added).toMatchObject({ id: 'ranking-2', type: 'ranking', options: { limit: 5 } });
    // Not on the map, nor on the panels: below the KPI tiles in the left column.
    expect(added).toMatchObject({ x: 0, y: 4, w: 6, h: 3 });
    expect(s.selectedId).toBe('ranking-2');
  });

  it('takes the grid’s new rectangles after a drag as one step, and moves the map too', () => {
    const s = run(start(), {
      kind: 'arrange',
      rects: [
        { id: 'kpis', x: 0, y: 5, w: 6, h: 4 },
        { id: 'ranking', x: 18, y: 0, w: 6, h: 6 },
        { id: MAP_ITEM_ID, x: 6, y: 0, w: 11, h: 12 },
      ],
    });
    expect(s.present.panels[0]?.y).toBe(5);
    expect(s.present.map?.w).toBe(11);
    expect(s.past).toHaveLength(1);
    // The same rectangles again change nothing.
    expect(run(s, { kind: 'arrange', rects: [{ id: 'kpis', x: 0, y: 5, w: 6, h: 4 }] })).toBe(s);
  });

  it('coalesces typing in one field into one undo step', () => {
    const s = run(
      start(),
      { kind: 'options', id: 'ranking', options: { limit: 1 }, coalesce: 'title' },
      { kind: 'options', id: 'ranking', options: { limit: 12 }, coalesce: 'title' },
    );
    expect(s.past).toHaveLength(1);
    expect(s.present.panels[1]?.options).toEqual({ limit: 12 });
    expect(run(s, { kind: 'undo' }).present).toBe(arrangement);
  });

  it('finds a free spot and makes ids from types', () => {
    expect(freeSpot(arrangement, { w: 6, h: 6 }, grid)).toEqual({ x: 0, y: 4, w: 6, h: 6 });
    const full: ProfileArrangement = { map: { x: 0, y: 0, w: 24, h: 12 }, panels: [] };
    expect(freeSpot(full, { w: 4, h: 2 }, grid)).toEqual({ x: 0, y: 10, w: 4, h: 2 });
    // A full wall with one 4×3 hole (a panel just deleted): the new panel takes the hole, smaller than asked.
    const holed: ProfileArrangement = {
      map: { x: 4, y: 0, w: 20, h: 12 },
      panels: [
        { id: 'a', type: 'text', options: {}, x: 0, y: 0, w: 4, h: 6 },
        { id: 'b', type: 'text', options: {}, x: 0, y: 9, w: 4, h: 3 },
      ],
    };
    expect(freeSpot(holed, { w: 6, h: 3 }, grid)).toEqual({ x: 0, y: 6, w: 4, h: 3 });
    expect(newPanelId('parking.lot-list', [])).toBe('parking-lot-list');
  });

  it('maps keys to actions: arrows move, shift+arrows resize, ctrl+z / ctrl+shift+z undo and redo', () => {
    const k = (key: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) =>
      keyAction({ key, shiftKey: false, ctrlKey: false, metaKey: false, ...mods }, 'kpis');
    expect(k('ArrowRight')).toEqual({ kind: 'nudge', id: 'kpis', dx: 1, dy: 0 });
    expect(k('ArrowDown', { shiftKey: true })).toEqual({ kind: 'grow', id: 'kpis', dw: 0, dh: 1 });
    expect(k('z', { ctrlKey: true })).toEqual({ kind: 'undo' });
    expect(k('Z', { ctrlKey: true, shiftKey: true })).toEqual({ kind: 'redo' });
    expect(k('Delete')).toEqual({ kind: 'remove', id: 'kpis' });
    expect(keyAction({ key: 'ArrowLeft', shiftKey: false, ctrlKey: false, metaKey: false }, null)).toBeNull();
  });
});
