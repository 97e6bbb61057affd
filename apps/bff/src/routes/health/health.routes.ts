import { Health } from '@cockpit/contracts';
import { createRoute } from '@hono/zod-openapi';
import { jsonResponse } from '../../lib/json-errors';

export const getHealth = createRoute({
  method: 'get',
  path: '/api/v1/health',
  tags: ['system'],
  summary: 'Service health: version, uptime and the state of each upstream system',
  responses: { 200: jsonResponse(Health, 'Service health') },
});
