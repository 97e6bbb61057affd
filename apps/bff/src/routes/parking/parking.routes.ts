import { ParkingGuidanceQuery, ParkingGuidanceResponse, ParkingLotDetail } from '@cockpit/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import { guard } from '../../auth/access';
import { errorResponse, jsonResponse } from '../../lib/json-errors';

export const getGuidance = createRoute({
  method: 'get',
  path: '/api/v1/parking/guidance',
  tags: ['parking'],
  summary: 'The three best lots for a destination, with reasons and driving routes',
  description:
    'Ranks the lots near the destination by the free berths expected on arrival (the prediction at the drive-time horizon), the drive time from the origin (road network), the walk to the destination and the price.',
  request: { query: ParkingGuidanceQuery },
  middleware: [
    guard({
      permission: 'cockpit:view',
      region: {
        from: 'none',
        why: 'public guidance to a destination: lot occupancy as shown on the street screens',
      },
    }),
  ],
  responses: {
    200: jsonResponse(ParkingGuidanceResponse, 'Recommendations'),
    400: errorResponse('Missing or malformed coordinates, or a point outside the county'),
  },
});

export const getLotDetail = createRoute({
  method: 'get',
  path: '/api/v1/parking/lots/{lotId}',
  tags: ['parking'],
  summary: 'One lot: live state, 24 h history, prediction, the screens pointing to it, recent entries',
  request: {
    params: z.object({
      lotId: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,32}$/)
        .meta({ param: { name: 'lotId', in: 'path' }, example: 'PK0001' }),
    }),
  },
  responses: {
    200: jsonResponse(ParkingLotDetail, 'The lot'),
    400: errorResponse('Malformed lot id'),
    404: errorResponse('No lot has this id'),
  },
});
