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
