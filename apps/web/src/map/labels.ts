/**
 * One collision pass for every label on the map: region names, context (seats, landmarks, water) and the
 * cockpits' own labels (stations, hospitals, ambulances). Labels are placed greedily by priority in screen
 * space; a label that would overlap a placed label or a data marker (other than its own) is left out, and
 * zooming in brings it back. Pure: the caller supplies the projection and the text measure.
 */
export type Rgba = [number, number, number, number];

export type LabelCandidate = {
  id: string;
  text: string;
  position: [number, number];
  /** Font size in CSS pixels of the map element (canvas pixels on a wall). */
  size: number;
  /** Higher wins. Data labels 100, landmarks 70, region names 50, water 45, seats 40, river 30. */
  priority: number;
  /** Screen offset of the label's centre from the position, in pixels (e.g. above its marker). */
  offset?: [number, number];
  color?: Rgba;
  /** The marker this label names: it may touch that marker, never another one. */
  markerId?: string;
  /** Other offsets to try, in order, when the first place is taken (a region name may move a little). */
  alternatives?: [number, number][];
};

/** A data marker: a circle of `radius` pixels that labels must not cover. */
export type LabelObstacle = {
  id: string;
  position: [number, number];
  /** Radius in pixels (the minimum when radiusM is given). */
  radius: number;
  /** A marker sized in metres (e.g. a car park by its berths): its radius follows the zoom, up to maxRadius px. */
  radiusM?: number;
  maxRadius?: number;
};

const M_PER_DEG_LAT = 111_320;

export type Box = { x0: number; y0: number; x1: number; y1: number };

export const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The screen box of a label: centred on its position plus offset; height = one line of the font size. */
export function labelBox(
  c: LabelCandidate,
  at: { x: number; y: number },
  measure: (text: string, size: number) => number,
  pad = 2,
): Box {
  const w = measure(c.text, c.size);
  const h = c.size * 1.2;
  const x = at.x + (c.offset?.[0] ?? 0);
  const y = at.y + (c.offset?.[1] ?? 0);
  return { x0: x - w / 2 - pad, y0: y - h / 2 - pad, x1: x + w / 2 + pad, y1: y + h / 2 + pad };
}

/**
 * The labels to draw: highest priority first (then shorter text, then id for a stable order), each kept only
 * if its box lies inside the viewport and overlaps no kept label and no other marker.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  obstacles: readonly LabelObstacle[],
  project: (p: [number, number]) => { x: number; y: number },
  measure: (text: string, size: number) => number,
  viewport: { width: number; height: number },
): LabelCandidate[] {
  const markers = obstacles.map((o) => {
    const p = project(o.position);
    let r = o.radius;
    if (o.radiusM) {
      const dLon = o.radiusM / (M_PER_DEG_LAT * Math.cos((o.position[1] * Math.PI) / 180));
      const q = project([o.position[0] + dLon, o.position[1]]);
      r = Math.min(Math.max(Math.abs(q.x - p.x), o.radius), o.maxRadius ?? Number.POSITIVE_INFINITY);
    }
    const radius = r;
    return { id: o.id, box: { x0: p.x - radius, y0: p.y - radius, x1: p.x + radius, y1: p.y + radius } };
  });
  const order = [...candidates].sort(
    (a, b) => b.priority - a.priority || a.text.length - b.text.length || a.id.localeCompare(b.id),
  );
  const kept: { c: LabelCandidate; box: Box }[] = [];
  const free = (c: LabelCandidate, box: Box) =>
    box.x0 >= 0 &&
    box.y0 >= 0 &&
    box.x1 <= viewport.width &&
    box.y1 <= viewport.height &&
    !kept.some((k) => overlaps(k.box, box)) &&
    !markers.some((m) => m.id !== c.markerId && overlaps(m.box, box));
  for (const c of order) {
    if (!c.text.trim()) continue;
    const at = project(c.position);
    for (const offset of [c.offset ?? [0, 0], ...(c.alternatives ?? [])] as [number, number][]) {
      const placed =
        offset === c.offset || (!c.offset && offset[0] === 0 && offset[1] === 0) ? c : { ...c, offset };
      const box = labelBox(placed, at, measure);
      if (free(placed, box)) {
        kept.push({ c: placed, box });
        break;
      }
    }
  }
  return kept.map((k) => k.c);
}
