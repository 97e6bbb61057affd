import {
  COUNTY_CODE,
  LAYOUT_MESSAGE_MAX,
  LayoutDraft,
  LayoutVersionDetail,
  LayoutVersionList,
  PersonalLayoutView,
  ProfileId,
  PublishLayoutResponse,
  RollbackLayoutRequest,
  SaveLayoutDraftRequest,
  SaveLayoutDraftResponse,
  SavePersonalLayoutViewRequest,
  ValidateLayoutRequest,
  ValidateLayoutResponse,
  VersionConflictError,
} from '@cockpit/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { guard } from '../../auth/access';
import { LayoutService } from '../../layouts/service';
import type { AppEnv } from '../../lib/create-router';
import { errorResponse, jsonResponse } from '../../lib/json-errors';
import { LayoutIdParam } from './layouts.routes';

const VersionParams = LayoutIdParam.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .meta({ param: { name: 'version', in: 'path' }, example: 3 }),
});
const ProfileQuery = z.object({ profile: ProfileId });
const ExportQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: 'A version to export (default: the current one)' }),
});

/**
 * The publish body as the route accepts it: the document and panels are checked by the layout validator,
 * not by the route, so that a refusal names the panel by its id and the field (`profiles.wall.panels[kpis].x`).
 * Their shapes are LayoutDocument, PanelInstance[] and GridRect | null (PublishLayoutRequest in contracts).
 */
const PublishBody = z
  .object({
    baseVersion: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'The version the change was made on (0: create the layout with `document`)' }),
    message: z.string().max(LAYOUT_MESSAGE_MAX).default(''),
    document: z.unknown().optional().meta({ description: 'A whole LayoutDocument' }),
    profile: ProfileId.optional().meta({
      description: 'The profile `panels` and `map` replace (default wall)',
    }),
    panels: z.array(z.unknown()).optional().meta({ description: "PanelInstance[]: the profile's panels" }),
    map: z.unknown().optional().meta({ description: "GridRect or null; absent: the profile's map stays" }),
  })
  .meta({ id: 'PublishLayoutBody' });

const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const REFUSED =
  'Refused layout: the message names the panel id and field (unknown type, options failing the type schema, unknown indicator or not at the level, overlap, off-grid, duplicate id); LAYOUT_TOO_HEAVY: more than 40 panels in a profile, or a panel over its type size limit';
const denied = {
  401: errorResponse('Not signed in'),
  403: errorResponse('Missing permission or out of scope'),
};

/** The layout's own region (a default: none; readable in every scope). */
const readRegion = (c: Context<AppEnv>) => {
  const code = LayoutService.regionOfId(c.req.param('layoutId') ?? '');
  return code ? [code] : [];
};
/** A write needs the layout's region in scope; a level or theme default needs the county. */
const writeRegion = (c: Context<AppEnv>) => [
  LayoutService.regionOfId(c.req.param('layoutId') ?? '') ?? COUNTY_CODE,
];
const read = guard({ permission: 'cockpit:view', region: { from: 'lookup', regions: readRegion } });
const draft = guard({ permission: 'layout:edit', region: { from: 'lookup', regions: writeRegion } });
const publish = guard({ permission: 'layout:publish', region: { from: 'lookup', regions: writeRegion } });

/** The studio's routes: versions, publish, rollback, drafts, import validation, export, personal views. */
export const studioRoutes = {
  versions: createRoute({
    method: 'get',
    path: '/api/v1/layouts/{layoutId}/versions',
    tags: ['layouts'],
    summary: 'The published versions of a layout, newest first: who, when, the message, the panel count',
    middleware: [read],
    request: { params: LayoutIdParam },
    responses: {
      200: jsonResponse(LayoutVersionList, 'The versions'),
      ...denied,
      404: errorResponse('No such layout'),
    },
  }),
  version: createRoute({
    method: 'get',
    path: '/api/v1/layouts/{layoutId}/versions/{version}',
    tags: ['layouts'],
    summary: 'One immutable version with its document (for the side-by-side diff)',
    middleware: [read],
    request: { params: VersionParams },
    responses: {
      200: jsonResponse(LayoutVersionDetail, 'The version'),
      ...denied,
      404: errorResponse('VERSION_NOT_FOUND'),
    },
  }),
  publish: createRoute({
    method: 'post',
    path: '/api/v1/layouts/{layoutId}/versions',
    tags: ['layouts'],
    summary:
      'Publish a new version (a whole document, or one profile’s panels and map) with a message; screens switch over the live topic layout:<theme>:<region>; audited',
    middleware: [publish],
    request: { params: LayoutIdParam, ...body(PublishBody) },
    responses: {
      201: jsonResponse(PublishLayoutResponse, 'Published as the next version'),
      400: errorResponse(REFUSED),
      ...denied,
      404: errorResponse('No such layout (and baseVersion is not 0)'),
      409: jsonResponse(
        VersionConflictError,
        'VERSION_CONFLICT: published by someone else since baseVersion; currentVersion and the changes since',
      ),
    },
  }),
  rollback: createRoute({
    method: 'post',
    path: '/api/v1/layouts/{layoutId}/rollback',
    tags: ['layouts'],
    summary: 'Publish an old version’s document as a new version (checked again); audited',
    middleware: [publish],
    request: { params: LayoutIdParam, ...body(RollbackLayoutRequest) },
    responses: {
      201: jsonResponse(PublishLayoutResponse, 'Published as the next version'),
      400: errorResponse(REFUSED),
      ...denied,
      404: errorResponse('No such layout or version'),
      409: jsonResponse(VersionConflictError, 'VERSION_CONFLICT: baseVersion is not the current version'),
    },
  }),
  getDraft: createRoute({
    method: 'get',
    path: '/api/v1/layouts/{layoutId}/draft',
    tags: ['layouts'],
    summary: 'Your own draft of a layout (nobody else reads it)',
    middleware: [draft],
    request: { params: LayoutIdParam },
    responses: {
      200: jsonResponse(LayoutDraft, 'The draft'),
      ...denied,
      404: errorResponse('DRAFT_NOT_FOUND: you have no draft of this layout'),
    },
  }),
  putDraft: createRoute({
    method: 'put',
    path: '/api/v1/layouts/{layoutId}/draft',
    tags: ['layouts'],
    summary: 'Autosave your draft (shape and scope checked; placement is checked at publish)',
    middleware: [draft],
    request: { params: LayoutIdParam, ...body(SaveLayoutDraftRequest) },
    responses: {
      200: jsonResponse(SaveLayoutDraftResponse, 'Saved'),
      400: errorResponse('Malformed document, or SCOPE_MISMATCH'),
      ...denied,
    },
  }),
  deleteDraft: createRoute({
    method: 'delete',
    path: '/api/v1/layouts/{layoutId}/draft',
    tags: ['layouts'],
    summary: 'Discard your draft',
    middleware: [draft],
    request: { params: LayoutIdParam },
    responses: { 204: { description: 'Discarded' }, ...denied, 404: errorResponse('DRAFT_NOT_FOUND') },
  }),
  validate: createRoute({
    method: 'post',
    path: '/api/v1/layouts/validate',
    tags: ['layouts'],
    summary: 'Check a layout document (import) without storing it: 400 names the panel id and field',
    middleware: [
      guard({
        permission: 'layout:edit',
        region: { from: 'none', why: 'checks a document against the panel types; stores and reads nothing' },
      }),
    ],
    request: body(ValidateLayoutRequest),
    responses: { 200: jsonResponse(ValidateLayoutResponse, 'Valid'), 400: errorResponse(REFUSED), ...denied },
  }),
  export: createRoute({
    method: 'get',
    path: '/api/v1/layouts/{layoutId}/export',
    tags: ['layouts'],
    summary:
      'Download a version’s LayoutDocument as a JSON file (attachment; <, > and & escaped as \\u003c …)',
    middleware: [read],
    request: { params: LayoutIdParam, query: ExportQuery },
    responses: {
      200: {
        description: 'The LayoutDocument, as an attachment',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
      ...denied,
      404: errorResponse('No such layout or version'),
    },
  }),
  getView: createRoute({
    method: 'get',
    path: '/api/v1/me/layout-views/{layoutId}',
    tags: ['layouts'],
    summary: 'Your personal view of a layout on one profile (empty lists while you have none)',
    middleware: [read],
    request: { params: LayoutIdParam, query: ProfileQuery },
    responses: {
      200: jsonResponse(PersonalLayoutView, 'The view'),
      ...denied,
      404: errorResponse('No such layout'),
    },
  }),
  putView: createRoute({
    method: 'put',
    path: '/api/v1/me/layout-views/{layoutId}',
    tags: ['layouts'],
    summary:
      'Store your personal view: hidden, ordered and pinned panels (the published layout is untouched)',
    middleware: [read],
    request: { params: LayoutIdParam, ...body(SavePersonalLayoutViewRequest) },
    responses: {
      200: jsonResponse(PersonalLayoutView, 'Stored'),
      ...denied,
      404: errorResponse('No such layout'),
    },
  }),
  deleteView: createRoute({
    method: 'delete',
    path: '/api/v1/me/layout-views/{layoutId}',
    tags: ['layouts'],
    summary: 'Reset: forget your personal view of the layout on this profile',
    middleware: [read],
    request: { params: LayoutIdParam, query: ProfileQuery },
    responses: { 204: { description: 'Reset' }, ...denied, 404: errorResponse('No such layout') },
  }),
};
