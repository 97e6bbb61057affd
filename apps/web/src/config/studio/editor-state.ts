import type { GridRect, PanelInstance, ProfileArrangement, ProfileGrid } from '@cockpit/contracts';

/**
 * The studio's editor state, pure: the arrangement of ONE profile being edited, with undo/redo history and
 * the selected panel. Every change that alters the arrangement goes through `editorReducer`; the grid, the
 * keyboard and the options form only dispatch actions.
 */
export type EditorState = {
  present: ProfileArrangement;
  past: ProfileArrangement[];
  future: ProfileArrangement[];
  selectedId: string | null;
  /** The grid the arrangement lives on (PROFILES[profile]). */
  grid: Pick<ProfileGrid, 'cols' | 'rows'>;
  /** Coalescing key of the last change (typing in one field of one panel makes one undo step). */
  lastKey: string | null;
};

/** Id of the map's rectangle on the grid (panel ids never start with an underscore). */
export const MAP_ITEM_ID = '__map';

export type EditorAction =
  | { kind: 'load'; arrangement: ProfileArrangement; grid: Pick<ProfileGrid, 'cols' | 'rows'> }
  | { kind: 'select'; id: string | null }
  | { kind: 'arrange'; rects: ({ id: string } & GridRect)[] }
  | { kind: 'add'; type: string; options: Record<string, unknown>; size?: { w: number; h: number } }
  | { kind: 'remove'; id: string }
  | { kind: 'nudge'; id: string; dx: number; dy: number }
  | { kind: 'grow'; id: string; dw: number; dh: number }
  | { kind: 'options'; id: string; options: Record<string, unknown>; coalesce?: string }
  | { kind: 'replace'; arrangement: ProfileArrangement }
  | { kind: 'undo' }
  | { kind: 'redo' };

/** History kept for undo (older steps are dropped). */
export const HISTORY_LIMIT = 100;

export function initialEditor(
  arrangement: ProfileArrangement,
  grid: Pick<ProfileGrid, 'cols' | 'rows'>,
): EditorState {
  return { present: arrangement, past: [], future: [], selectedId: null, grid, lastKey: null };
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** A rectangle kept inside the grid: at least 1×1, never past the last column or row. */
export function fitRect(r: GridRect, grid: Pick<ProfileGrid, 'cols' | 'rows'>): GridRect {
  const w = clamp(Math.round(r.w), 1, grid.cols);
  const h = clamp(Math.round(r.h), 1, grid.rows);
  return {
    x: clamp(Math.round(r.x), 0, grid.cols - w),
    y: clamp(Math.round(r.y), 0, grid.rows - h),
    w,
    h,
  };
}

const overlaps = (a: GridRect, b: GridRect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The first free spot for a w×h rectangle, row by row from the top left, avoiding the map and every panel;
 * when none is free, the bottom-left corner (the analyst then moves something).
 */
export function freeSpot(
  arrangement: ProfileArrangement,
  size: { w: number; h: number },
  grid: Pick<ProfileGrid, 'cols' | 'rows'>,
): GridRect {
  const w = Math.min(size.w, grid.cols);
  const h = Math.min(size.h, grid.rows);
  const taken: GridRect[] = [...arrangement.panels, ...(arrangement.map ? [arrangement.map] : [])];
  // The asked size first; on a full wall the largest smaller rectangle that fits a free hole (the place of a
  // panel just deleted), so a new panel never lands on top of another one.
  const sizes: { w: number; h: number }[] = [];
  for (let hh = h; hh >= 1; hh--) for (let ww = w; ww >= 1; ww--) sizes.push({ w: ww, h: hh });
  sizes.sort((a, b) => b.w * b.h - a.w * a.h || b.h - a.h);
  for (const s of sizes)
    for (let y = 0; y + s.h <= grid.rows; y++)
      for (let x = 0; x + s.w <= grid.cols; x++) {
        const r = { x, y, w: s.w, h: s.h };
        if (!taken.some((t) => overlaps(t, r))) return r;
      }
  return { x: 0, y: grid.rows - h, w, h };
}

/** A new panel id from its type, unique in the arrangement: "ranking", "ranking-2", … */
export function newPanelId(type: string, panels: readonly PanelInstance[]): string {
  const base =
    type
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'panel';
  const ids = new Set(panels.map((p) => p.id));
  if (!ids.has(base)) return base;
  for (let n = 2; ; n++) if (!ids.has(`${base}-${n}`)) return `${base}-${n}`;
}

const sameRect = (a: GridRect, b: GridRect) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

function commit(state: EditorState, present: ProfileArrangement, key: string | null = null): EditorState {
  if (present === state.present) return state;
  // Successive changes with the same key (typing in one field) make one step of history.
  const coalesce = key !== null && key === state.lastKey && state.past.length > 0;
  const past = coalesce ? state.past : [...state.past, state.present].slice(-HISTORY_LIMIT);
  return { ...state, present, past, future: [], lastKey: key };
}

function mapRects(state: EditorState, id: string, change: (r: GridRect) => GridRect): ProfileArrangement {
  const { present, grid } = state;
  if (id === MAP_ITEM_ID) {
    if (!present.map) return present;
    const next = fitRect(change(present.map), grid);
    return sameRect(next, present.map) ? present : { ...present, map: next };
  }
  let changed = false;
  const panels = present.panels.map((p) => {
    if (p.id !== id) return p;
    const next = fitRect(change(p), grid);
    if (sameRect(next, p)) return p;
    changed = true;
    return { ...p, ...next };
  });
  return changed ? { ...present, panels } : present;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.kind) {
    case 'load':
      return initialEditor(action.arrangement, action.grid);
    case 'select':
      return { ...state, selectedId: action.id, lastKey: null };
    case 'arrange': {
      const byId = new Map(action.rects.map((r) => [r.id, r]));
      const { present, grid } = state;
      let changed = false;
      const panels = present.panels.map((p) => {
        const r = byId.get(p.id);
        if (!r) return p;
        const next = fitRect(r, grid);
        if (sameRect(next, p)) return p;
        changed = true;
        return { ...p, ...next };
      });
      const mapRect = byId.get(MAP_ITEM_ID);
      let map = present.map;
      if (map && mapRect) {
        const next = fitRect(mapRect, grid);
        if (!sameRect(next, map)) {
          map = next;
          changed = true;
        }
      }
      return changed ? commit(state, { map, panels }) : state;
    }
    case 'add': {
      const id = newPanelId(action.type, state.present.panels);
      const rect = freeSpot(state.present, action.size ?? { w: 6, h: 3 }, state.grid);
      const panel: PanelInstance = { id, type: action.type, options: action.options, ...rect };
      const next = commit(state, { ...state.present, panels: [...state.present.panels, panel] });
      return { ...next, selectedId: id };
    }
    case 'remove': {
      if (action.id === MAP_ITEM_ID) {
        if (!state.present.map) return state;
        return { ...commit(state, { ...state.present, map: null }), selectedId: null };
      }
      const panels = state.present.panels.filter((p) => p.id !== action.id);
      if (panels.length === state.present.panels.length) return state;
      const next = commit(state, { ...state.present, panels });
      return { ...next, selectedId: state.selectedId === action.id ? null : state.selectedId };
    }
    case 'nudge':
      return commit(
        state,
        mapRects(state, action.id, (r) => ({ ...r, x: r.x + action.dx, y: r.y + action.dy })),
      );
    case 'grow':
      return commit(
        state,
        mapRects(state, action.id, (r) => ({ ...r, w: r.w + action.dw, h: r.h + action.dh })),
      );
    case 'options': {
      let changed = false;
      const panels = state.present.panels.map((p) => {
        if (p.id !== action.id) return p;
        changed = true;
        return { ...p, options: action.options };
      });
      if (!changed) return state;
      const key = action.coalesce ? `${action.id}:${action.coalesce}` : null;
      return commit(state, { ...state.present, panels }, key);
    }
    case 'replace':
      return commit(state, action.arrangement);
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return {
        ...state,
        present: previous,
        past: state.past.slice(0, -1),
        future: [state.present, ...state.future],
        lastKey: null,
      };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { ...state, present: next, past: [...state.past, state.present], future: rest, lastKey: null };
    }
  }
}

/** The editor action a key press stands for (arrows move the selected panel, shift+arrows resize it). */
export function keyAction(
  e: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean },
  selectedId: string | null,
): EditorAction | null {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key.toLowerCase() === 'z') return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
  if (mod && e.key.toLowerCase() === 'y') return { kind: 'redo' };
  if (!selectedId || mod) return null;
  const step: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };
  const d = step[e.key];
  if (d) {
    return e.shiftKey
      ? { kind: 'grow', id: selectedId, dw: d[0], dh: d[1] }
      : { kind: 'nudge', id: selectedId, dx: d[0], dy: d[1] };
  }
  if (e.key === 'Delete' || e.key === 'Backspace') return { kind: 'remove', id: selectedId };
  if (e.key === 'Escape') return { kind: 'select', id: null };
  return null;
}
