import type { Context } from 'hono';
import type { Hierarchy } from '../../geo/hierarchy';
import { type AppEnv, createRouter } from '../../lib/create-router';
import { HttpError } from '../../lib/errors';
import { type Prepared, sendPrepared } from '../../lib/prepared';
import { getBoundary, getChildrenBoundaries, getRegion, searchRegions } from './regions.routes';

const regionNotFound = (code: string) =>
  new HttpError(404, 'REGION_NOT_FOUND', `No region has the code ${code}`);

/** Geometry rarely changes: let clients keep it, and revalidate cheaply with the ETag. */
function sendGeojson(c: Context<AppEnv>, prepared: Prepared) {
  return sendPrepared(
    c,
    prepared,
    'application/geo+json; charset=utf-8',
    'public, max-age=300, must-revalidate',
  );
}

export function regionsRouter(hierarchy: Hierarchy) {
  return createRouter()
    .openapi(searchRegions, (c) => {
      const { q, limit } = c.req.valid('query');
      // Only regions inside the caller's scope (the guard declares this route `filtered`).
      const scope = c.get('principal')!.scope;
      const auth = c.get('auth');
      const results = hierarchy.search(q, 500).filter((r) => auth.inScope(scope, r.code));
      return c.json({ query: q, results: results.slice(0, limit) }, 200);
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
