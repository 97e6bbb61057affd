import {
  CreateLayoutRequest,
  EffectiveLayout,
  LayoutList,
  ProfileId,
  RegionCode,
  SaveLayoutRequest,
  StoredLayout,
  Theme,
} from '@cockpit/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { guard } from '../../auth/access';
import { LayoutService } from '../../layouts/service';
import type { AppEnv } from '../../lib/create-router';
import { errorResponse, jsonResponse } from '../../lib/json-errors';

export const LayoutIdParam = z.object({
  layoutId: z
    .string()
    .regex(/^[a-z]+(\.[a-z]+(\.\d{6,12})?)?$/, 'theme, theme.level or theme.level.regionCode')
    .meta({ param: { name: 'layoutId', in: 'path' }, example: 'overview.township.331023105' }),
});
const EffectiveQuery = z.object({
  theme: Theme,
  region: RegionCode.meta({ description: 'The region the screen shows', example: '331023105' }),
  profile: ProfileId,
});
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const REFUSED =
  'Invalid layout: unknown panel type or not allowed for the theme, options failing the type schema, an indicator not at the level, panels overlapping or leaving the grid, duplicate ids, a region not of the level, a missing profile (the message names the panel and field)';

/** The route table of stored layouts; the guards of writes find their region through the service. */
export function layoutRoutes(service: LayoutService) {
  /**
   * A write changes what screens show, so it is a publish: layout:publish over the layout's region (a level
   * or theme default: the county). Drafts (layout:edit) are in studio.routes.ts.
   */
  const writeOf = (region: (c: Context<AppEnv>) => Promise<string[] | undefined>) =>
    guard({ permission: 'layout:publish', region: { from: 'lookup', regions: region } });
  const stored = async (c: Context<AppEnv>) => {
    const found = await service.find(c.req.param('layoutId') ?? '');
    return found ? [LayoutService.writeRegion(found)] : undefined;
  };
  const storedForRead = async (c: Context<AppEnv>) => {
    const found = await service.find(c.req.param('layoutId') ?? '');
    return found ? (found.regionCode ? [found.regionCode] : []) : undefined;
  };
  const posted = async (c: Context<AppEnv>) => {
    const json = (await c.req.json().catch(() => undefined)) as
      | { document?: { regionCode?: unknown } }
      | undefined;
    const code = json?.document?.regionCode;
    return [LayoutService.writeRegion({ regionCode: typeof code === 'string' ? code : null })];
  };
  return {
    list: createRoute({
      method: 'get',
      path: '/api/v1/layouts',
      tags: ['layouts'],
      summary: 'Stored layouts: theme defaults, level defaults and the region overrides inside your scope',
      middleware: [guard({ permission: 'cockpit:view', region: { from: 'filtered' } })],
      responses: { 200: jsonResponse(LayoutList, 'Layouts, with their current version') },
    }),
    effective: createRoute({
      method: 'get',
      path: '/api/v1/layouts/effective',
      tags: ['layouts'],
      summary:
        'The layout a screen of this theme, region and profile shows (region override > level default > theme default)',
      description:
        'Strong ETag (layout id, version, profile); send it as If-None-Match to get 304 while the layout is unchanged. Screens follow the live topic layout:<theme>:<regionCode> to learn of a new version.',
      middleware: [guard({ permission: 'cockpit:view', region: { from: 'query', name: 'region' } })],
      request: { query: EffectiveQuery },
      responses: {
        200: jsonResponse(EffectiveLayout, 'The effective layout of the profile'),
        304: { description: 'Not modified (ETag matched)' },
        400: errorResponse('Malformed theme, region or profile'),
        404: errorResponse('Unknown region, or no layout stored for the theme'),
      },
    }),
    get: createRoute({
      method: 'get',
      path: '/api/v1/layouts/{layoutId}',
      tags: ['layouts'],
      summary: 'One stored layout: its document and current version',
      middleware: [guard({ permission: 'cockpit:view', region: { from: 'lookup', regions: storedForRead } })],
      request: { params: LayoutIdParam },
      responses: {
        200: jsonResponse(StoredLayout, 'The layout'),
        404: errorResponse('No such layout'),
      },
    }),
    create: createRoute({
      method: 'post',
      path: '/api/v1/layouts',
      tags: ['layouts'],
      summary: 'Store a layout for a scope that has none (a region override, a level default); audited',
      middleware: [writeOf(posted)],
      request: body(CreateLayoutRequest),
      responses: {
        201: jsonResponse(StoredLayout, 'Stored as the next version of its id (1 for a new id)'),
        400: errorResponse(REFUSED),
        409: errorResponse('LAYOUT_EXISTS: the scope has a layout; change it with PUT'),
      },
    }),
    put: createRoute({
      method: 'put',
      path: '/api/v1/layouts/{layoutId}',
      tags: ['layouts'],
      summary: 'Save a new version of a layout (the whole document with the version it was read at); audited',
      middleware: [writeOf(stored)],
      request: { params: LayoutIdParam, ...body(SaveLayoutRequest) },
      responses: {
        200: jsonResponse(StoredLayout, 'Saved as the next version'),
        400: errorResponse(`${REFUSED}; or SCOPE_MISMATCH: the document is for another scope`),
        404: errorResponse('No such layout'),
        409: errorResponse('VERSION_CONFLICT: saved by someone else since; details.currentVersion'),
      },
    }),
    delete: createRoute({
      method: 'delete',
      path: '/api/v1/layouts/{layoutId}',
      tags: ['layouts'],
      summary: 'Delete a region or level override (its versions stay in the history); audited',
      middleware: [writeOf(stored)],
      request: { params: LayoutIdParam },
      responses: {
        204: { description: 'Deleted' },
        404: errorResponse('No such layout'),
        409: errorResponse('THEME_DEFAULT_UNDELETABLE: a theme default can only be changed'),
      },
    }),
  };
}
