import { booleanPointInPolygon } from '@turf/turf';
import { createRouter } from '../../lib/create-router';
import { HttpError } from '../../lib/errors';
import { lonLatParam } from '../../lib/lonlat-param';
import type { Services } from '../../services';
import { planRoute, toRouteBody } from '../../snapshots/trauma/trauma.routing';
import { getTraumaRoute } from './trauma.routes';

/** The trauma cockpit's own endpoints (beyond its snapshot). */
export function traumaRouter(services: Services) {
  const ctx = services.snapshots.context;
  return createRouter().openapi(getTraumaRoute, (c) => {
    const q = c.req.valid('query');
    const county = ctx.hierarchy.get('331023')!.feature;
    const from = lonLatParam(q.from, 'from');
    const to = lonLatParam(q.to, 'to');
    for (const [name, p] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!booleanPointInPolygon(p, county)) {
        throw new HttpError(400, 'OUTSIDE_COUNTY', `${name} (${p.join(',')}) is outside 天台县`);
      }
    }
    const route = planRoute(ctx.network(), from, to, q.traffic, Date.now());
    if (!route) throw new HttpError(400, 'NO_ROUTE', 'No road within 3 km of a point, or no connection');
    return c.json(toRouteBody(route), 200);
  });
}
