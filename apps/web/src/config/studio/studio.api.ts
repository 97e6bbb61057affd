import {
  LayoutChange,
  type LayoutDocument,
  LayoutDraft,
  LayoutList,
  LayoutVersionDetail,
  LayoutVersionList,
  type ProfileId,
  type PublishLayoutRequest,
  PublishLayoutResponse,
  type RollbackLayoutRequest,
  type SaveLayoutDraftRequest,
  SaveLayoutDraftResponse,
  StoredLayout,
  ValidateLayoutResponse,
} from '@cockpit/contracts';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiRequestError, getJson, sendJson } from '../../lib/api';

const layoutPath = (layoutId: string) => `/api/v1/layouts/${encodeURIComponent(layoutId)}`;

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
    queryFn: ({ signal }) => getJson(layoutPath(layoutId), StoredLayout, signal),
    staleTime: 0,
  });

export const createLayout = (document: LayoutDocument) =>
  sendJson('POST', '/api/v1/layouts', { document }, z.object({ layoutId: z.string() }).loose());

export const versionsKey = (layoutId: string) => ['layouts', 'versions', layoutId] as const;

/** The layout's published versions, newest first (who, when, message). */
export const versionsQuery = (layoutId: string) =>
  queryOptions({
    queryKey: versionsKey(layoutId),
    queryFn: ({ signal }) => getJson(`${layoutPath(layoutId)}/versions`, LayoutVersionList, signal),
  });

/** One immutable version with its document. */
export const versionQuery = (layoutId: string, version: number) =>
  queryOptions({
    queryKey: [...versionsKey(layoutId), version] as const,
    queryFn: ({ signal }) =>
      getJson(`${layoutPath(layoutId)}/versions/${version}`, LayoutVersionDetail, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Publishes a whole document as a new version (409 VERSION_CONFLICT when `baseVersion` is not the latest). */
export const publishVersion = (layoutId: string, body: PublishLayoutRequest) =>
  sendJson('POST', `${layoutPath(layoutId)}/versions`, body, PublishLayoutResponse);

export const rollbackTo = (layoutId: string, body: RollbackLayoutRequest) =>
  sendJson('POST', `${layoutPath(layoutId)}/rollback`, body, PublishLayoutResponse);

/** The changes a 409 carries (published since the base version), when it carries them. */
export function conflictOf(error: unknown): { currentVersion: number; changes: LayoutChange[] } | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409 || error.code !== 'VERSION_CONFLICT')
    return null;
  const details = z
    .object({ currentVersion: z.number().int(), changes: z.array(LayoutChange) })
    .safeParse(error.details);
  return details.success ? details.data : null;
}

export const draftQuery = (layoutId: string) =>
  queryOptions({
    queryKey: ['layouts', 'draft', layoutId] as const,
    // No draft (404) is an answer, not a failure.
    queryFn: async ({ signal }) => {
      try {
        return await getJson(`${layoutPath(layoutId)}/draft`, LayoutDraft, signal);
      } catch (e) {
        if (e instanceof ApiRequestError && e.status === 404) return null;
        throw e;
      }
    },
    staleTime: 0,
    gcTime: 0,
  });
export const saveDraft = (layoutId: string, body: SaveLayoutDraftRequest) =>
  sendJson('PUT', `${layoutPath(layoutId)}/draft`, body, SaveLayoutDraftResponse);
export const deleteDraft = (layoutId: string) =>
  sendJson('DELETE', `${layoutPath(layoutId)}/draft`, undefined);

/** POST /api/v1/layouts/validate: 200, or 400 naming the panel and field. */
export const validateLayout = (document: unknown) =>
  sendJson('POST', '/api/v1/layouts/validate', { document }, ValidateLayoutResponse, { quiet: true });

/**
 * A document as a JSON file's text. `<`, `>` and `&` are written as \u escapes: the same JSON, but no text
 * in it can be read as markup by whatever opens the file.
 */
export const inertJsonText = (document: unknown) =>
  `${JSON.stringify(document, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')}\n`;

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
