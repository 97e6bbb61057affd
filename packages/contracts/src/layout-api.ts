import { z } from 'zod';
import { IsoDateTime } from './indicator';
import { GridRect, LayoutDocument, PanelInstance, ProfileId } from './layout';
import { Level, RegionCode } from './region';
import { Theme } from './theme';

/** One stored layout in GET /api/v1/layouts: its scope and current version. */
export const LayoutSummary = z
  .object({
    layoutId: z.string().meta({
      description:
        'theme, theme.level or theme.level.regionCode, e.g. "overview", "overview.township", "overview.township.331023105"',
    }),
    theme: Theme,
    level: Level.nullable().meta({ description: 'null: the theme default (every level)' }),
    regionCode: RegionCode.nullable().meta({ description: 'Set for a region override' }),
    version: z.number().int().min(1),
    updatedAt: IsoDateTime,
    updatedBy: z.string().meta({ description: 'Username of who saved this version (system: seeded)' }),
  })
  .meta({ id: 'LayoutSummary' });
export type LayoutSummary = z.infer<typeof LayoutSummary>;

export const LayoutList = z.object({ items: z.array(LayoutSummary) }).meta({ id: 'LayoutList' });
export type LayoutList = z.infer<typeof LayoutList>;

/** GET /api/v1/layouts/{layoutId}: the stored document of the current version. */
export const StoredLayout = LayoutSummary.extend({ document: LayoutDocument }).meta({ id: 'StoredLayout' });
export type StoredLayout = z.infer<typeof StoredLayout>;

/** POST /api/v1/layouts: a new layout for a scope that has none (e.g. a region override). */
export const CreateLayoutRequest = z.object({ document: LayoutDocument }).meta({ id: 'CreateLayoutRequest' });
export type CreateLayoutRequest = z.infer<typeof CreateLayoutRequest>;

/** PUT /api/v1/layouts/{layoutId}: the whole document with the version it was read at. */
export const SaveLayoutRequest = z
  .object({
    document: LayoutDocument,
    version: z
      .number()
      .int()
      .min(1)
      .meta({ description: 'The version the document was read at; another save since then answers 409' }),
  })
  .meta({ id: 'SaveLayoutRequest' });
export type SaveLayoutRequest = z.infer<typeof SaveLayoutRequest>;

// ---- Versions, publishing, drafts, import (the studio, issue #15) ----------------------------------------

/** Longest publish / rollback message, characters (stored verbatim, returned as JSON only). */
export const LAYOUT_MESSAGE_MAX = 500;

const LayoutMessage = z
  .string()
  .max(LAYOUT_MESSAGE_MAX)
  .meta({ description: 'What changed and why, as the publisher wrote it (plain text, stored verbatim)' });

/** One published version in GET /api/v1/layouts/{layoutId}/versions. */
export const LayoutVersionSummary = z
  .object({
    version: z.number().int().min(1),
    publishedAt: IsoDateTime,
    publishedBy: z.string().meta({ description: 'Username of the publisher (system: seeded)' }),
    message: z.string().meta({ description: 'The publish message; empty for a save without one' }),
    panelCount: z.number().int().min(0).meta({ description: 'Panels on the wall profile of this version' }),
  })
  .meta({ id: 'LayoutVersionSummary' });
export type LayoutVersionSummary = z.infer<typeof LayoutVersionSummary>;

export const LayoutVersionList = z
  .object({ items: z.array(LayoutVersionSummary).meta({ description: 'Newest first' }) })
  .meta({ id: 'LayoutVersionList' });
export type LayoutVersionList = z.infer<typeof LayoutVersionList>;

/** GET /api/v1/layouts/{layoutId}/versions/{version}: one immutable version with its document. */
export const LayoutVersionDetail = z
  .object({
    layoutId: z.string(),
    version: z.number().int().min(1),
    publishedAt: IsoDateTime,
    publishedBy: z.string(),
    message: z.string(),
    document: LayoutDocument,
  })
  .meta({ id: 'LayoutVersionDetail' });
export type LayoutVersionDetail = z.infer<typeof LayoutVersionDetail>;

/**
 * POST /api/v1/layouts/{layoutId}/versions: publish a new version. Either a whole `document`, or `panels`
 * (and optionally `map`) replacing ONE profile's arrangement of the current version (`profile`, default wall).
 * `baseVersion` is the version the change was made on (0: the layout does not exist yet; needs `document`).
 */
export const PublishLayoutRequest = z
  .object({
    baseVersion: z.number().int().min(0),
    message: LayoutMessage.default(''),
    document: LayoutDocument.optional(),
    profile: ProfileId.optional().meta({
      description: 'The profile `panels` and `map` replace (default wall)',
    }),
    panels: z.array(PanelInstance).optional(),
    map: GridRect.nullable().optional().meta({ description: "Absent: the profile's current map stays" }),
  })
  .meta({ id: 'PublishLayoutRequest' });
export type PublishLayoutRequest = z.input<typeof PublishLayoutRequest>;

export const PublishLayoutResponse = z
  .object({ layoutId: z.string(), version: z.number().int().min(1) })
  .meta({ id: 'PublishLayoutResponse' });
export type PublishLayoutResponse = z.infer<typeof PublishLayoutResponse>;

/** POST /api/v1/layouts/{layoutId}/rollback: publish an old version's document as a new version. */
export const RollbackLayoutRequest = z
  .object({
    toVersion: z.number().int().min(1),
    baseVersion: z.number().int().min(1).meta({ description: 'The current version as the caller read it' }),
    message: LayoutMessage.optional(),
  })
  .meta({ id: 'RollbackLayoutRequest' });
export type RollbackLayoutRequest = z.infer<typeof RollbackLayoutRequest>;

/** One difference between two layout documents (see diffLayouts). */
export const LayoutChange = z
  .object({
    profile: ProfileId,
    panelId: z.string().meta({ description: 'The panel; "map" with `target: "map"` for the map' }),
    target: z.enum(['panel', 'map']),
    change: z.enum(['added', 'removed', 'moved', 'options']),
    panelType: z.string().nullable().meta({ description: 'The panel type (null for the map)' }),
    detail: z.string().meta({
      description:
        'Readable specifics: the rectangles of a move (x y w h → x y w h), the option keys that changed, the type of an added/removed panel',
    }),
  })
  .meta({ id: 'LayoutChange' });
export type LayoutChange = z.infer<typeof LayoutChange>;

/** The 409 of a publish on a stale base: what was published since `baseVersion`. */
export const VersionConflictError = z
  .object({
    error: z.object({
      code: z.literal('VERSION_CONFLICT'),
      message: z.string(),
      currentVersion: z.number().int().min(1),
      changes: z.array(LayoutChange).meta({ description: 'From baseVersion to currentVersion' }),
      details: z.object({ currentVersion: z.number().int(), changes: z.array(LayoutChange) }).optional(),
    }),
  })
  .meta({ id: 'VersionConflictError' });
export type VersionConflictError = z.infer<typeof VersionConflictError>;

/** A user's draft of a layout (one per user per layout; only its author reads it). */
export const LayoutDraft = z
  .object({
    layoutId: z.string(),
    baseVersion: z.number().int().min(0).meta({ description: 'The version the draft started from' }),
    savedAt: IsoDateTime,
    document: LayoutDocument,
  })
  .meta({ id: 'LayoutDraft' });
export type LayoutDraft = z.infer<typeof LayoutDraft>;

/** PUT /api/v1/layouts/{layoutId}/draft (autosave). The document's shape is checked, not its placement. */
export const SaveLayoutDraftRequest = z
  .object({ baseVersion: z.number().int().min(0), document: LayoutDocument })
  .meta({ id: 'SaveLayoutDraftRequest' });
export type SaveLayoutDraftRequest = z.infer<typeof SaveLayoutDraftRequest>;

export const SaveLayoutDraftResponse = z
  .object({ savedAt: IsoDateTime, baseVersion: z.number().int().min(0) })
  .meta({ id: 'SaveLayoutDraftResponse' });
export type SaveLayoutDraftResponse = z.infer<typeof SaveLayoutDraftResponse>;

/** POST /api/v1/layouts/validate (import): 200 {ok: true}, or 400 naming the panel id and field. */
export const ValidateLayoutRequest = z
  .object({ document: z.unknown().meta({ description: 'A LayoutDocument as imported (checked in full)' }) })
  .meta({ id: 'ValidateLayoutRequest' });
export const ValidateLayoutResponse = z
  .object({ ok: z.literal(true) })
  .meta({ id: 'ValidateLayoutResponse' });
export type ValidateLayoutResponse = z.infer<typeof ValidateLayoutResponse>;
