import { RegionCode, Snapshot, Theme } from '@cockpit/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import { guard } from '../../auth/access';
import { errorResponse, jsonResponse } from '../../lib/json-errors';

export const SnapshotParams = z.object({
  theme: Theme.meta({ param: { name: 'theme', in: 'path' } }),
  regionCode: RegionCode.meta({ param: { name: 'regionCode', in: 'path' } }),
});

/** Who may read a snapshot: cockpit:view, for a region inside the scope. */
export const snapshotAccess = guard({
  permission: 'cockpit:view',
  region: { from: 'param', name: 'regionCode' },
});

export const getSnapshot = createRoute({
  method: 'get',
  path: '/api/v1/cockpits/{theme}/{regionCode}/snapshot',
  tags: ['cockpits'],
  summary: 'Everything one cockpit needs for one region: indicators, series, breakdowns, alarms, sources',
  description:
    'Never a 5xx because an upstream failed: the affected parts carry status stale (last good value kept) or error.',
  request: { params: SnapshotParams },
  middleware: [snapshotAccess],
  responses: {
    200: jsonResponse(Snapshot, 'The snapshot (theme-specific shape, discriminated by `theme`)'),
    304: { description: 'Not modified (ETag matched)' },
    400: errorResponse('Malformed theme or region code'),
    404: errorResponse('Unknown region, or the theme has no snapshot yet'),
  },
});
