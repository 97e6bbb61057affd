import type { Context } from 'hono';
import type { Hierarchy, PreparedJson } from '../../geo/hierarchy';
import { type AppEnv, createRouter } from '../../lib/create-router';
import { HttpError } from '../../lib/errors';
import { getBoundary, getChildrenBoundaries, getRegion, searchRegions } from './regions.routes';

const regionNotFound = (code: string) =>
  new HttpError(404, 'REGION_NOT_FOUND', `No region has the code ${code}`);

/** Geometry rarely changes: let clients keep it, and revalidate cheaply with the ETag. */
function sendGeojson(c: Context<AppEnv>, prepared: PreparedJson) {
  c.header('ETag', prepared.etag);
  c.header('Cache-Control', 'public, max-age=300, must-revalidate');
  if (c.req.header('If-None-Match') === prepared.etag) return c.body(null, 304);
  return c.body(prepared.body, 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
}

export function regionsRouter(hierarchy: Hierarchy) {
  return createRouter()
    .openapi(searchRegions, (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json({ query: q, results: hierarchy.search(q, limit) }, 200);
    })
    .openapi(getRegion, (c) => {
      const { code } = c.req.valid('param');
      const detail = hierarchy.detail(code);
      if (!detail) throw regionNotFound(code);
      return c.json(detail, 200);
    })
    .openapi(getChildrenBoundaries, (c) => {
      const { code } = c.req.valid('param');
      const prepared = hierarchy.childrenBoundaries(code);
      if (!prepared) throw regionNotFound(code);
      return sendGeojson(c, prepared) as never;
    })
    .openapi(getBoundary, (c) => {
      const { code } = c.req.valid('param');
      const prepared = hierarchy.boundary(code);
      if (!prepared) throw regionNotFound(code);
      return sendGeojson(c, prepared) as never;
    });
}
