import {
  CreateIndicatorRequest,
  IndicatorDefinition,
  IndicatorDefinitionList,
  IndicatorListQuery,
  IndicatorVersionList,
  UpdateIndicatorRequest,
} from '@cockpit/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type AccessRule, actorOf, guard } from '../../auth/access';
import type { IndicatorDefinitions, IndicatorEditor } from '../../indicators/definitions';
import { type AppEnv, createRouter } from '../../lib/create-router';
import { errorBody, HttpError } from '../../lib/errors';
import { errorResponse, jsonResponse } from '../../lib/json-errors';

const READ: AccessRule = {
  permission: 'cockpit:view',
  region: { from: 'none', why: 'the catalogue of indicator definitions, the same for every region' },
};
const WRITE: AccessRule = {
  permission: 'indicator:edit',
  region: { from: 'none', why: 'indicator definitions belong to departments, not regions' },
};
const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(80)
    .meta({ param: { name: 'id', in: 'path' }, example: 'urban.avgHandlingHours' }),
});
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const denied = { 401: errorResponse('Not signed in'), 403: errorResponse('Needs the permission') };
const writeErrors = {
  400: errorResponse('Invalid definition (VALIDATION, naming the field): schema, unknown operand, cycle'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Needs indicator:edit, and an analyst writes only their own department’s indicators'),
};

const r = {
  catalogue: createRoute({
    method: 'get',
    path: '/api/v1/indicators',
    tags: ['indicators'],
    middleware: [guard(READ)],
    request: { query: IndicatorListQuery },
    summary:
      'The stored indicator definitions (口径, owner, source, levels, roll-up, thresholds, status, version), filtered by field, department, status and text',
    responses: {
      200: jsonResponse(IndicatorDefinitionList, 'The indicators, in catalogue order'),
      ...denied,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/api/v1/indicators/{id}',
    tags: ['indicators'],
    middleware: [guard(READ)],
    request: { params: IdParam },
    summary: 'One indicator’s current definition',
    responses: {
      200: jsonResponse(IndicatorDefinition, 'The definition'),
      ...denied,
      404: errorResponse('INDICATOR_NOT_FOUND'),
    },
  }),
  versions: createRoute({
    method: 'get',
    path: '/api/v1/indicators/{id}/versions',
    tags: ['indicators'],
    middleware: [guard(READ)],
    request: { params: IdParam },
    summary: 'Every saved version of one indicator, newest first (who saved it, when)',
    responses: {
      200: jsonResponse(IndicatorVersionList, 'The versions'),
      ...denied,
      404: errorResponse('INDICATOR_NOT_FOUND'),
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/api/v1/indicators',
    tags: ['indicators'],
    middleware: [guard(WRITE)],
    request: body(CreateIndicatorRequest),
    summary: 'Create an indicator, including a derived one (structured formula over other indicators)',
    responses: {
      201: jsonResponse(IndicatorDefinition, 'Created, version 1'),
      ...writeErrors,
      409: errorResponse('INDICATOR_EXISTS'),
    },
  }),
  update: createRoute({
    method: 'put',
    path: '/api/v1/indicators/{id}',
    tags: ['indicators'],
    middleware: [guard(WRITE)],
    request: { params: IdParam, ...body(UpdateIndicatorRequest) },
    summary:
      'Replace the definition; `version` is the one it was read at. Retiring = status retired (nothing is deleted)',
    responses: {
      200: jsonResponse(IndicatorDefinition, 'Saved as the next version'),
      ...writeErrors,
      404: errorResponse('INDICATOR_NOT_FOUND'),
      409: errorResponse(
        'VERSION_CONFLICT: someone saved in between; error.currentVersion and error.details.current give the stored one',
      ),
    },
  }),
};

function editorOf(c: Context<AppEnv>): IndicatorEditor {
  const p = c.get('principal')!;
  return { actor: actorOf(c), departmentId: p.departmentId, editsAll: p.permissionSet.has('user:admin') };
}

/** 409 carries the current version next to the code, as well as the stored definition in details. */
function conflictBody(err: HttpError) {
  const details = err.details as { currentVersion: number };
  const body = errorBody(err.code, err.message, err.details);
  return { error: { ...body.error, currentVersion: details.currentVersion } };
}

export function indicatorsRouter(definitions: IndicatorDefinitions) {
  const notFound = (id: string) => errorBody('INDICATOR_NOT_FOUND', `No indicator ${id}`);
  return createRouter()
    .openapi(r.catalogue, (c) => c.json({ items: definitions.list(c.req.valid('query')) }, 200))
    .openapi(r.get, (c) => {
      const { id } = c.req.valid('param');
      const d = definitions.get(id);
      return d ? c.json(d, 200) : c.json(notFound(id), 404);
    })
    .openapi(r.versions, async (c) => {
      const { id } = c.req.valid('param');
      if (!definitions.get(id)) return c.json(notFound(id), 404);
      return c.json({ items: await definitions.versions(id) }, 200);
    })
    .openapi(r.create, async (c) => {
      const created = await definitions.create(c.req.valid('json'), editorOf(c));
      return c.json(created, 201);
    })
    .openapi(r.update, async (c) => {
      const { id } = c.req.valid('param');
      try {
        return c.json(await definitions.update(id, c.req.valid('json'), editorOf(c)), 200);
      } catch (err) {
        if (err instanceof HttpError && err.code === 'VERSION_CONFLICT')
          return c.json(conflictBody(err), 409);
        throw err;
      }
    });
}
