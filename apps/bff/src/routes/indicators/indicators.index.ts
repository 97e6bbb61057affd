import { IndicatorCatalog } from '@cockpit/contracts';
import { createRoute } from '@hono/zod-openapi';
import { guard } from '../../auth/access';
import { INDICATORS } from '../../indicators/registry';
import { createRouter } from '../../lib/create-router';
import { jsonResponse } from '../../lib/json-errors';

const listIndicators = createRoute({
  method: 'get',
  path: '/api/v1/indicators',
  tags: ['indicators'],
  middleware: [
    guard({
      permission: 'signed-in',
      region: { from: 'none', why: 'the catalogue of indicator definitions, the same for every region' },
    }),
  ],
  summary:
    'The indicator registry: names (zh, en), units, themes, levels, sources, roll-up rules, freshness targets',
  responses: { 200: jsonResponse(IndicatorCatalog, 'Every indicator') },
});

export function indicatorsRouter() {
  const body = { indicators: [...INDICATORS] };
  return createRouter().openapi(listIndicators, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(body, 200);
  });
}
