import { Health } from '@cockpit/contracts';
import { createRoute } from '@hono/zod-openapi';
import { guard } from '../../auth/access';
import { jsonResponse } from '../../lib/json-errors';

export const getHealth = createRoute({
  method: 'get',
  path: '/api/v1/health',
  tags: ['system'],
  middleware: [
    guard({ public: true, why: 'liveness probes and load balancers call it without credentials' }),
  ],
  summary: 'Service health: version, uptime and the state of each upstream system',
  responses: { 200: jsonResponse(Health, 'Service health') },
});
