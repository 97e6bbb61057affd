import { z } from 'zod';
import { IsoDateTime } from './indicator';
import { type EffectiveLayout, type GridRect, type PanelInstance, PROFILES, ProfileId } from './layout';

const PanelIds = z
  .array(z.string().max(64))
  .max(200)
  .default([])
  .meta({ description: 'Panel ids of the published layout' });

/** PUT /api/v1/me/layout-views/{layoutId}: one person's view of one layout on one profile. */
export const SavePersonalLayoutViewRequest = z
  .object({
    profile: ProfileId,
    hidden: PanelIds.meta({ description: 'Panels this person does not want to see' }),
    order: PanelIds.meta({ description: 'Panels in the order this person wants them (the rest follow)' }),
    pinned: PanelIds.meta({ description: 'Panels kept first, in this order' }),
  })
  .meta({ id: 'SavePersonalLayoutViewRequest' });
export type SavePersonalLayoutViewRequest = z.input<typeof SavePersonalLayoutViewRequest>;

/** GET /api/v1/me/layout-views/{layoutId}?profile=: the stored view (empty lists when none is stored). */
export const PersonalLayoutView = z
  .object({
    layoutId: z.string(),
    profile: ProfileId,
    hidden: z.array(z.string()),
    order: z.array(z.string()),
    pinned: z.array(z.string()),
    updatedAt: IsoDateTime.nullable().meta({
      description: 'null: nothing stored, the published layout applies',
    }),
  })
  .meta({ id: 'PersonalLayoutView' });
export type PersonalLayoutView = z.infer<typeof PersonalLayoutView>;

export type PersonalViewChoice = Pick<PersonalLayoutView, 'hidden' | 'order' | 'pinned'>;

/**
 * The view, restricted to the panels the layout still has (ids it no longer has are dropped quietly; a
 * hidden panel is neither pinned nor ordered; duplicates are dropped).
 */
export function prunePersonalView(effective: EffectiveLayout, view: PersonalViewChoice): PersonalViewChoice {
  const present = new Set(effective.panels.map((p) => p.id));
  const keep = (ids: readonly string[], except: ReadonlySet<string> = new Set()) => [
    ...new Set(ids.filter((id) => present.has(id) && !except.has(id))),
  ];
  const hidden = keep(view.hidden);
  const hiddenSet = new Set(hidden);
  return { hidden, pinned: keep(view.pinned, hiddenSet), order: keep(view.order, hiddenSet) };
}

const overlaps = (a: GridRect, b: GridRect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The effective layout as one person sees it: hidden panels taken out, pinned panels first, then the ones
 * they ordered, then the rest in reading order (top to bottom, left to right), packed from the top-left
 * around the map (each panel keeps its size and goes to the first free place). Ids the published layout no
 * longer has are dropped quietly; with nothing (left) to apply, the layout is returned as it is. Pure.
 */
export function applyPersonalView(
  effective: EffectiveLayout,
  view: PersonalViewChoice | null | undefined,
): EffectiveLayout {
  if (!view) return effective;
  const { hidden, pinned, order } = prunePersonalView(effective, view);
  if (hidden.length === 0 && pinned.length === 0 && order.length === 0) return effective;
  const hiddenSet = new Set(hidden);
  const rank = new Map<string, number>();
  for (const id of [...pinned, ...order]) if (!rank.has(id)) rank.set(id, rank.size);
  const reading = [...effective.panels].sort((a, b) => a.y - b.y || a.x - b.x);
  const readingIndex = new Map(reading.map((p, i) => [p.id, i]));
  const sequence = effective.panels
    .filter((p) => !hiddenSet.has(p.id))
    .sort(
      (a, b) =>
        (rank.get(a.id) ?? rank.size + readingIndex.get(a.id)!) -
        (rank.get(b.id) ?? rank.size + readingIndex.get(b.id)!),
    );
  const cols = PROFILES[effective.profile].cols;
  const placed: GridRect[] = effective.map ? [effective.map] : [];
  const panels: PanelInstance[] = [];
  for (const panel of sequence) {
    const w = Math.min(panel.w, cols);
    let spot: GridRect | undefined;
    for (let y = 0; !spot; y++)
      for (let x = 0; x + w <= cols && !spot; x++) {
        const candidate = { x, y, w, h: panel.h };
        if (!placed.some((r) => overlaps(r, candidate))) spot = candidate;
      }
    placed.push(spot);
    panels.push({ ...panel, ...spot });
  }
  return { ...effective, panels };
}
