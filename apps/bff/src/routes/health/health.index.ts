import { createRouter } from '../../lib/create-router';
import { buildHealth, type HealthSource } from './health.handlers';
import { getHealth } from './health.routes';

export function healthRouter(source: HealthSource) {
  return createRouter().openapi(getHealth, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(buildHealth(source), 200);
  });
}
