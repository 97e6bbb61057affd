import type { GridRect, LayoutDocument, PanelInstance } from './layout';
import { PROFILE_IDS } from './layout';
import type { LayoutChange } from './layout-api';

const rectText = (r: GridRect) => `x=${r.x} y=${r.y} w=${r.w} h=${r.h}`;
const sameRect = (a: GridRect, b: GridRect) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

/** A stable text of a JSON value (object keys sorted), so key order never counts as a change. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** The top-level option keys whose values differ (a type change counts as `type`). */
function changedOptions(a: PanelInstance, b: PanelInstance): string[] {
  const keys = new Set([...Object.keys(a.options), ...Object.keys(b.options)]);
  const changed = [...keys].filter((k) => canonical(a.options[k]) !== canonical(b.options[k])).sort();
  return a.type === b.type ? changed : ['type', ...changed];
}

/**
 * What changed from layout `a` to layout `b`, profile by profile (in PROFILE_IDS order), as a readable list:
 * the map moved, panels removed (in a's order), moved or resized, given other options or another type, and
 * added (in b's order). A panel both moved and re-configured appears twice (moved, then options). Pure.
 */
export function diffLayouts(a: LayoutDocument, b: LayoutDocument): LayoutChange[] {
  const out: LayoutChange[] = [];
  for (const profile of PROFILE_IDS) {
    const before = a.profiles[profile];
    const after = b.profiles[profile];
    if (!before || !after) continue;
    const mapA = before.map;
    const mapB = after.map;
    if (mapA === null && mapB !== null)
      out.push({
        profile,
        panelId: 'map',
        target: 'map',
        change: 'added',
        panelType: null,
        detail: rectText(mapB),
      });
    else if (mapA !== null && mapB === null)
      out.push({
        profile,
        panelId: 'map',
        target: 'map',
        change: 'removed',
        panelType: null,
        detail: rectText(mapA),
      });
    else if (mapA && mapB && !sameRect(mapA, mapB))
      out.push({
        profile,
        panelId: 'map',
        target: 'map',
        change: 'moved',
        panelType: null,
        detail: `${rectText(mapA)} → ${rectText(mapB)}`,
      });
    const byIdB = new Map(after.panels.map((p) => [p.id, p]));
    const byIdA = new Map(before.panels.map((p) => [p.id, p]));
    for (const p of before.panels)
      if (!byIdB.has(p.id))
        out.push({
          profile,
          panelId: p.id,
          target: 'panel',
          change: 'removed',
          panelType: p.type,
          detail: p.type,
        });
    for (const p of before.panels) {
      const q = byIdB.get(p.id);
      if (!q) continue;
      if (!sameRect(p, q))
        out.push({
          profile,
          panelId: p.id,
          target: 'panel',
          change: 'moved',
          panelType: q.type,
          detail: `${rectText(p)} → ${rectText(q)}`,
        });
      const options = changedOptions(p, q);
      if (options.length > 0)
        out.push({
          profile,
          panelId: p.id,
          target: 'panel',
          change: 'options',
          panelType: q.type,
          detail: options.join(', '),
        });
    }
    for (const q of after.panels)
      if (!byIdA.has(q.id))
        out.push({
          profile,
          panelId: q.id,
          target: 'panel',
          change: 'added',
          panelType: q.type,
          detail: `${q.type} at ${rectText(q)}`,
        });
  }
  return out;
}
