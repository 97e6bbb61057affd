import { z } from 'zod';
import { IsoDateTime } from './indicator';
import { LayoutDocument } from './layout';
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
