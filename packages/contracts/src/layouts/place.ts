import type { GridRect, PanelInstance } from '../layout';

/** A panel instance at column x, row y, w columns wide and h rows high (seeded layouts read as a table). */
export function place(
  id: string,
  type: string,
  [x, y, w, h]: [number, number, number, number],
  options: Record<string, unknown> = {},
): PanelInstance {
  return { id, type, options, x, y, w, h };
}

/** The map's rectangle, in the same [x, y, w, h] order as `place`. */
export const mapAt = ([x, y, w, h]: [number, number, number, number]): GridRect => ({ x, y, w, h });

type Rect = { x: number; y: number; w: number; h: number };

/**
 * A placer for a layout file's named panels: `placer(PANELS)({kpis: rect, …})` gives the panel instances at
 * those rectangles, in the order named (panels left out are not placed).
 */
export const placer =
  <P extends string>(panels: Record<P, Pick<PanelInstance, 'type' | 'options'>>) =>
  (at: Partial<Record<P, Rect>>): PanelInstance[] =>
    Object.entries(at).map(([id, rect]) => ({ id, ...panels[id as P], ...(rect as Rect) }));
