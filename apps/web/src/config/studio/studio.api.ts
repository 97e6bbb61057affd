import { LayoutDocument, LayoutList, type ProfileId, StoredLayout } from '@cockpit/contracts';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson, sendJson } from '../../lib/api';

/** The stored layouts (scope and current version of each). */
export const layoutListQuery = () =>
  queryOptions({
    queryKey: ['layouts', 'list'] as const,
    queryFn: ({ signal }) => getJson('/api/v1/layouts', LayoutList, signal),
    staleTime: 10_000,
  });

export const storedLayoutKey = (layoutId: string) => ['layouts', 'stored', layoutId] as const;

/** One stored layout: its document at the current version. */
export const storedLayoutQuery = (layoutId: string) =>
  queryOptions({
    queryKey: storedLayoutKey(layoutId),
    queryFn: ({ signal }) => getJson(`/api/v1/layouts/${encodeURIComponent(layoutId)}`, StoredLayout, signal),
    staleTime: 0,
  });

export const createLayout = (document: LayoutDocument) =>
  sendJson('POST', '/api/v1/layouts', { document }, z.object({ layoutId: z.string() }).loose());

/** GET …/versions items (the BFF's contract, #15). */
export const LayoutVersionItem = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  message: z.string().nullable().default(''),
  panelCount: z.number().int().optional(),
});
export type LayoutVersionItem = z.infer<typeof LayoutVersionItem>;

export const versionsKey = (layoutId: string) => ['layouts', 'versions', layoutId] as const;
export const versionsQuery = (layoutId: string) =>
  queryOptions({
    queryKey: versionsKey(layoutId),
    queryFn: ({ signal }) =>
      getJson(
        `/api/v1/layouts/${encodeURIComponent(layoutId)}/versions`,
        z.object({ items: z.array(LayoutVersionItem) }),
        signal,
      ),
  });

export const LayoutVersionDetail = LayoutVersionItem.extend({
  layoutId: z.string(),
  document: LayoutDocument,
});
export const versionQuery = (layoutId: string, version: number) =>
  queryOptions({
    queryKey: [...versionsKey(layoutId), version] as const,
    queryFn: ({ signal }) =>
      getJson(
        `/api/v1/layouts/${encodeURIComponent(layoutId)}/versions/${version}`,
        LayoutVersionDetail,
        signal,
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });

const VersionCreated = z.object({ version: z.number().int() }).loose();

/** Publishes a whole document as a new version (409 VERSION_CONFLICT when `baseVersion` is not the latest). */
export const publishVersion = (
  layoutId: string,
  body: { baseVersion: number; message: string; document: LayoutDocument },
) => sendJson('POST', `/api/v1/layouts/${encodeURIComponent(layoutId)}/versions`, body, VersionCreated);

export const rollbackTo = (
  layoutId: string,
  body: { toVersion: number; baseVersion: number; message: string },
) => sendJson('POST', `/api/v1/layouts/${encodeURIComponent(layoutId)}/rollback`, body, VersionCreated);

/** The 409's details: what changed since the base version. */
export const VersionConflict = z.object({
  currentVersion: z.number().int(),
  changes: z.array(
    z.object({
      profile: z.string(),
      panelId: z.string(),
      change: z.enum(['added', 'removed', 'moved', 'options']),
    }),
  ),
});
export type VersionConflict = z.infer<typeof VersionConflict>;

export const Draft = z
  .object({ baseVersion: z.number().int(), document: LayoutDocument, savedAt: z.string().optional() })
  .loose();
export type Draft = z.infer<typeof Draft>;

export const draftKey = (layoutId: string) => ['layouts', 'draft', layoutId] as const;
export const draftPath = (layoutId: string) => `/api/v1/layouts/${encodeURIComponent(layoutId)}/draft`;
export const saveDraft = (layoutId: string, body: { baseVersion: number; document: LayoutDocument }) =>
  sendJson('PUT', draftPath(layoutId), body, z.object({ savedAt: z.string() }).loose());
export const deleteDraft = (layoutId: string) => sendJson('DELETE', draftPath(layoutId), undefined);

/** POST /api/v1/layouts/validate: 200 or 400 naming the panel and field. */
export const validateLayout = (document: unknown) =>
  sendJson('POST', '/api/v1/layouts/validate', { document }, undefined, { quiet: true });

export type StudioProfile = Extract<
  ProfileId,
  'wall' | 'ultrawide' | 'tablet-landscape' | 'tablet-portrait' | 'desk'
>;
export const STUDIO_PROFILES: StudioProfile[] = [
  'wall',
  'ultrawide',
  'tablet-landscape',
  'tablet-portrait',
  'desk',
];
