import { TraumaRoute, TraumaRouteQuery } from '@cockpit/contracts';
import { createRoute } from '@hono/zod-openapi';
import { guard } from '../../auth/access';
import { errorResponse, jsonResponse } from '../../lib/json-errors';

export const getTraumaRoute = createRoute({
  method: 'get',
  path: '/api/v1/trauma/route',
  tags: ['trauma'],
  summary: 'Shortest-time route between two points in the county, with the signalised intersections on it',
  description:
    'Both points are snapped to the nearest road (never the expressway) within 3 km. traffic=none gives the ' +
    'free-flow time (great-circle length of each edge ÷ its speed); live (default) applies the time-of-day ' +
    'congestion model. The road network is approximate.',
  request: { query: TraumaRouteQuery },
  middleware: [
    guard({
      permission: 'cockpit:view',
      region: {
        from: 'none',
        why: 'a drive time between two points on the road network holds no regional data',
      },
    }),
  ],
  responses: {
    200: jsonResponse(TraumaRoute, 'The route'),
    400: errorResponse('Malformed point, a point outside the county, or no road within reach'),
  },
});
