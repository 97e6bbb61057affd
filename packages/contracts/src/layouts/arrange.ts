import type { GridRect, LayoutDocument, PanelInstance, ProfileId } from '../layout';
import { PROFILES } from '../layout';

/** A panel to place, in reading order; `weight` is its share of a column's height (1 normal, 2 tall). */
export type ArrangeItem = {
  id: string;
  type: string;
  options?: Record<string, unknown>;
  weight?: number;
};

/** A fixed (wall) profile: the map's rectangle, the columns left and right of it, and how many panels abreast on each side at most. */
type WallGrid = {
  map: GridRect;
  left: [number, number];
  right: [number, number];
  maxLeft: number;
  maxRight: number;
};

const WALLS: Record<'wall' | 'ultrawide' | 'wide' | 'wall8k', WallGrid> = {
  // Two 640 px columns each side of a 1280 px map: lists and charts get room to read at 5–10 m.
  wall: { map: { x: 8, y: 0, w: 8, h: 12 }, left: [0, 8], right: [16, 24], maxLeft: 2, maxRight: 2 },
  // 1080 px tall: two stacked panels leave each too little height for lists and figures, so up to four
  // full-height columns each side (480–640 px wide) before any column stacks.
  ultrawide: { map: { x: 14, y: 0, w: 8, h: 6 }, left: [0, 14], right: [22, 36], maxLeft: 4, maxRight: 4 },
  wide: { map: { x: 9, y: 0, w: 6, h: 6 }, left: [0, 9], right: [15, 24], maxLeft: 3, maxRight: 3 },
  wall8k: { map: { x: 14, y: 0, w: 20, h: 12 }, left: [0, 14], right: [34, 48], maxLeft: 2, maxRight: 2 },
};

/** Integer sizes summing to `total`, proportional to `weights` (each at least 1). */
export function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  let rest = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % out.length, rest--) out[i]! += 1;
  return out;
}

const rect = (item: ArrangeItem, r: GridRect): PanelInstance => ({
  id: item.id,
  type: item.type,
  options: item.options ?? {},
  ...r,
});

/** Columns either side of the map, filled in reading order, each column's height split by weight. */
function arrangeWall(items: readonly ArrangeItem[], grid: WallGrid, rows: number) {
  const columns = Math.min(items.length, grid.maxLeft + grid.maxRight);
  const nLeft = Math.min(grid.maxLeft, Math.ceil(columns / 2));
  const nRight = columns - nLeft;
  const spans: [number, number][] = [];
  // When every column holds one panel, a column's width follows its panel's weight (a heavy panel such as the
  // department tiles gets the wider column); columns that stack panels share their side equally.
  const single = items.length <= columns;
  const side = ([from, to]: [number, number], n: number, first: number) => {
    if (n === 0) return;
    const weights = items.slice(first, first + n).map((it) => (single ? (it.weight ?? 1) : 1));
    let x = from;
    for (const w of split(to - from, weights)) {
      spans.push([x, w]);
      x += w;
    }
  };
  side(grid.left, nLeft, 0);
  side(grid.right, nRight, nLeft);
  const panels: PanelInstance[] = [];
  let next = 0;
  spans.forEach(([x, w], i) => {
    const count = Math.floor(items.length / columns) + (i < items.length % columns ? 1 : 0);
    const here = items.slice(next, next + count);
    next += count;
    let y = 0;
    split(
      rows,
      here.map((it) => it.weight ?? 1),
    ).forEach((h, j) => {
      panels.push(rect(here[j]!, { x, y, w, h }));
      y += h;
    });
  });
  return { map: grid.map, panels };
}

const scrollHeight = (items: readonly ArrangeItem[]) => 4 + 2 * Math.max(...items.map((i) => i.weight ?? 1));

/** Tablet portrait: the map first, then the panels two abreast in reading order (the first ones above the fold). */
function arrangePortrait(items: readonly ArrangeItem[]) {
  const map = { x: 0, y: 0, w: 6, h: 9 };
  const panels: PanelInstance[] = [];
  let y = map.h;
  for (let i = 0; i < items.length; i += 2) {
    const pair = items.slice(i, i + 2);
    const h = scrollHeight(pair);
    pair.forEach((it, j) => {
      panels.push(rect(it, { x: pair.length === 1 ? 0 : j * 3, y, w: pair.length === 1 ? 6 : 3, h }));
    });
    y += h;
  }
  return { map, panels };
}

/** Tablet landscape and desk (12 columns): the first two panels beside the map, the rest three abreast below. */
function arrangeTwelve(items: readonly ArrangeItem[]) {
  const map = { x: 0, y: 0, w: 8, h: 10 };
  const panels: PanelInstance[] = [];
  const beside = items.slice(0, 2);
  let y = 0;
  split(
    map.h,
    beside.map((it) => it.weight ?? 1),
  ).forEach((h, j) => {
    panels.push(rect(beside[j]!, { x: 8, y, w: 4, h }));
    y += h;
  });
  y = map.h;
  const rest = items.slice(2);
  for (let i = 0; i < rest.length; i += 3) {
    const row = rest.slice(i, i + 3);
    const h = scrollHeight(row);
    let x = 0;
    split(
      12,
      row.map(() => 1),
    ).forEach((w, j) => {
      panels.push(rect(row[j]!, { x, y, w, h }));
      x += w;
    });
    y += h;
  }
  return { map, panels };
}

/**
 * Every profile's arrangement of one list of panels around the map: wall profiles put columns either side of
 * the map, tablets and desks put the map first and the first panels (the most important: reading order)
 * above the fold.
 */
export function arrangeAll(items: readonly ArrangeItem[]): LayoutDocument['profiles'] {
  const out = {} as Record<ProfileId, ReturnType<typeof arrangeWall>>;
  for (const id of ['wall', 'ultrawide', 'wide', 'wall8k'] as const)
    out[id] = arrangeWall(items, WALLS[id], PROFILES[id].rows);
  out['tablet-portrait'] = arrangePortrait(items);
  out['tablet-landscape'] = arrangeTwelve(items);
  out.desk = arrangeTwelve(items);
  return out;
}
