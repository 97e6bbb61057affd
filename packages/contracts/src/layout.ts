import { z } from 'zod';
import { Level, RegionCode } from './region';
import { Theme } from './theme';

/**
 * Screen profiles a layout arranges panels for. Every wall profile is a fixed canvas cut into a grid of
 * `cols × rows` cells below the header; tablet and desk profiles scroll vertically, so `rows` is the most a
 * layout may use there (each cell row is `rowHeightPx` CSS pixels high).
 */
export const PROFILE_IDS = [
  'wall',
  'ultrawide',
  'wide',
  'wall8k',
  'tablet-portrait',
  'tablet-landscape',
  'desk',
] as const;
export const ProfileId = z.enum(PROFILE_IDS).meta({
  id: 'ProfileId',
  description:
    'wall 3840×2160, ultrawide 5760×1080, wide 3840×1080, wall8k 7680×2160, tablet-portrait, tablet-landscape, desk',
});
export type ProfileId = z.infer<typeof ProfileId>;

export type ProfileGrid = {
  /** Nominal canvas (walls) or viewport (tablet, desk) in CSS pixels. */
  width: number;
  height: number;
  cols: number;
  rows: number;
  /** Tablet and desk pages scroll; a wall never does. */
  scroll: boolean;
  /** Height of one cell row on a scrolling profile, CSS px (walls divide their height by `rows`). */
  rowHeightPx?: number;
};

export const PROFILES: Record<ProfileId, ProfileGrid> = {
  wall: { width: 3840, height: 2160, cols: 24, rows: 12, scroll: false },
  ultrawide: { width: 5760, height: 1080, cols: 36, rows: 6, scroll: false },
  wide: { width: 3840, height: 1080, cols: 24, rows: 6, scroll: false },
  wall8k: { width: 7680, height: 2160, cols: 48, rows: 12, scroll: false },
  'tablet-portrait': { width: 1024, height: 1366, cols: 6, rows: 60, scroll: true, rowHeightPx: 64 },
  'tablet-landscape': { width: 1366, height: 1024, cols: 12, rows: 48, scroll: true, rowHeightPx: 64 },
  desk: { width: 1920, height: 1080, cols: 12, rows: 48, scroll: true, rowHeightPx: 64 },
};

export const GridRect = z
  .object({
    x: z.number().int().min(0),
    y: z.number().int().min(0),
    w: z.number().int().min(1),
    h: z.number().int().min(1),
  })
  .meta({ id: 'GridRect', description: 'A rectangle of grid cells: column x, row y, width w, height h' });
export type GridRect = z.infer<typeof GridRect>;

export const PanelInstance = GridRect.extend({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .meta({ description: 'Unique within the profile, e.g. "kpis" or "busiest-lots"' }),
  type: z.string().min(1).meta({ description: 'A registered panel type (PANEL_TYPES), e.g. "kpi-tiles"' }),
  options: z
    .record(z.string(), z.unknown())
    .meta({ description: "Options valid under the panel type's schema (defaults fill what is missing)" }),
}).meta({ id: 'PanelInstance' });
export type PanelInstance = z.infer<typeof PanelInstance>;

export const ProfileArrangement = z
  .object({
    map: GridRect.nullable().meta({ description: 'Where the map sits; null: this profile shows no map' }),
    panels: z.array(PanelInstance),
  })
  .meta({ id: 'ProfileArrangement' });
export type ProfileArrangement = z.infer<typeof ProfileArrangement>;

/**
 * A stored layout: theme × level (null = the theme's default for every level), optionally for one region
 * only. Resolution: region override > level default > theme default. Every profile is arranged.
 */
export const LayoutDocument = z
  .object({
    theme: Theme,
    level: Level.nullable(),
    regionCode: RegionCode.nullable(),
    profiles: z.object(
      Object.fromEntries(PROFILE_IDS.map((p) => [p, ProfileArrangement])) as Record<
        ProfileId,
        typeof ProfileArrangement
      >,
    ),
  })
  .meta({ id: 'LayoutDocument' });
export type LayoutDocument = z.infer<typeof LayoutDocument>;

/** GET /api/v1/layouts/effective?theme=&region=&profile= — what a screen of that scope shows. */
export const EffectiveLayout = z
  .object({
    layoutId: z.string(),
    version: z.number().int().min(1),
    theme: Theme,
    level: Level.nullable().meta({
      description: 'The level of the layout that applied (null: theme default)',
    }),
    regionCode: RegionCode.nullable().meta({ description: 'Set when a region override applied' }),
    profile: ProfileId,
    map: GridRect.nullable(),
    panels: z.array(PanelInstance),
  })
  .meta({ id: 'EffectiveLayout' });
export type EffectiveLayout = z.infer<typeof EffectiveLayout>;

/** Payload of the live topic `layout:<theme>:<regionCode>`: which layout version applies there now. */
export const LayoutStamp = z
  .object({ theme: Theme, regionCode: RegionCode, layoutId: z.string(), version: z.number().int().min(1) })
  .meta({ id: 'LayoutStamp' });
export type LayoutStamp = z.infer<typeof LayoutStamp>;
