import { RegionCode, RegionDetail, RegionSearchResult } from '@cockpit/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import { guard } from '../../auth/access';
import { errorResponse, jsonResponse } from '../../lib/json-errors';

const CodeParam = z.object({
  code: RegionCode.meta({ param: { name: 'code', in: 'path' } }),
});

const FeatureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({
          code: RegionCode,
          name: z.string(),
          level: z.string(),
          accuracy: z.string(),
          labelPoint: z.tuple([z.number(), z.number()]),
        }),
        geometry: z.unknown(),
      }),
    ),
  })
  .meta({ id: 'RegionFeatureCollection', description: 'GeoJSON FeatureCollection of region boundaries' });

const geojson = (description: string) =>
  ({ description, content: { 'application/geo+json': { schema: FeatureCollection } } }) as const;

const notModified = { description: 'Not modified (the ETag matched If-None-Match)' } as const;

export const getRegion = createRoute({
  method: 'get',
  path: '/api/v1/regions/{code}',
  middleware: [
    guard({
      permission: 'signed-in',
      region: {
        from: 'none',
        why: 'boundaries and names of administrative divisions are public information',
      },
    }),
  ],
  tags: ['regions'],
  summary: 'One region with its path from the county, its children, centroid and bbox',
  request: { params: CodeParam },
  responses: {
    200: jsonResponse(RegionDetail, 'The region'),
    400: errorResponse('Malformed code'),
    404: errorResponse('No region has this code'),
  },
});

export const getChildrenBoundaries = createRoute({
  method: 'get',
  path: '/api/v1/regions/{code}/children.geojson',
  middleware: [
    guard({
      permission: 'signed-in',
      region: {
        from: 'none',
        why: 'boundaries and names of administrative divisions are public information',
      },
    }),
  ],
  tags: ['regions'],
  summary: "The boundaries of a region's children (empty for a village)",
  request: { params: CodeParam },
  responses: {
    200: geojson('Children boundaries'),
    304: notModified,
    400: errorResponse('Malformed code'),
    404: errorResponse('No region has this code'),
  },
});

export const getBoundary = createRoute({
  method: 'get',
  path: '/api/v1/regions/{code}/boundary.geojson',
  middleware: [
    guard({
      permission: 'signed-in',
      region: {
        from: 'none',
        why: 'boundaries and names of administrative divisions are public information',
      },
    }),
  ],
  tags: ['regions'],
  summary: "The region's own boundary",
  request: { params: CodeParam },
  responses: {
    200: geojson('Boundary'),
    304: notModified,
    400: errorResponse('Malformed code'),
    404: errorResponse('No region has this code'),
  },
});

export const searchRegions = createRoute({
  method: 'get',
  path: '/api/v1/regions',
  middleware: [guard({ permission: 'signed-in', region: { from: 'filtered' } })],
  tags: ['regions'],
  summary: 'Search regions by name, code prefix or pinyin initials (e.g. 平桥, 331023105, pqz)',
  request: {
    query: z.object({
      q: z.string().trim().min(1).max(40).meta({ description: 'Name, code prefix or pinyin initials' }),
      limit: z.coerce.number().int().min(1).max(50).default(20),
    }),
  },
  responses: {
    200: jsonResponse(RegionSearchResult, 'Matching regions, best first'),
    400: errorResponse('Missing or malformed query'),
  },
});
