import { EcoStationDetail, EcoWindow } from '@cockpit/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse, jsonResponse } from '../../lib/json-errors';

export const getStation = createRoute({
  method: 'get',
  path: '/api/v1/eco/stations/{code}',
  tags: ['eco'],
  summary: 'One air station, water section or noise point: its series over a window, and year-on-year',
  request: {
    params: z.object({
      code: z
        .string()
        .regex(/^[A-Z0-9]{2,10}$/)
        .meta({ param: { name: 'code', in: 'path' }, description: 'e.g. 5101A, SFX04, N007' }),
    }),
    query: z.object({ window: EcoWindow.default('24h') }),
  },
  responses: {
    200: jsonResponse(EcoStationDetail, 'The station'),
    400: errorResponse('Malformed code or window'),
    404: errorResponse('No station has this code'),
  },
});
