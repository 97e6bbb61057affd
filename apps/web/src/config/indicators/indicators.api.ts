import {
  type CreateIndicatorRequest,
  DepartmentList,
  IndicatorDefinition,
  type UpdateIndicatorRequest,
} from '@cockpit/contracts';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiRequestError, getJson, getRaw, sendJson } from '../../lib/api';

export const createIndicator = (body: z.infer<typeof CreateIndicatorRequest>) =>
  sendJson('POST', '/api/v1/indicators', body, IndicatorDefinition);
export const updateIndicator = (id: string, body: UpdateIndicatorRequest) =>
  sendJson('PUT', `/api/v1/indicators/${encodeURIComponent(id)}`, body, IndicatorDefinition);

/** Department names (readable by administrators); anyone else sees the department ids. */
export const departmentNamesQuery = () =>
  queryOptions({
    queryKey: ['indicators', 'departments'],
    queryFn: async ({ signal }) => {
      try {
        return (await getJson('/api/v1/departments', DepartmentList, signal)).items;
      } catch (err) {
        if (err instanceof ApiRequestError && err.status === 403) return null;
        throw err;
      }
    },
    retry: false,
  });

const LayoutList = z.object({
  items: z.array(
    z.object({
      layoutId: z.string(),
      theme: z.string(),
      level: z.string().nullable(),
      regionCode: z.string().nullable(),
    }),
  ),
});

export type StoredLayout = { layoutId: string; label: string; document: unknown };

/**
 * The stored layouts with their documents (GET /api/v1/layouts, then each one), to tell which use an
 * indicator. null when the BFF has no layout API (404): the page then says "—", not "none".
 */
export const layoutsQuery = () =>
  queryOptions({
    queryKey: ['layouts', 'documents'],
    queryFn: async ({ signal }): Promise<StoredLayout[] | null> => {
      let list: z.infer<typeof LayoutList>;
      try {
        list = await getJson('/api/v1/layouts', LayoutList, signal);
      } catch (err) {
        if (err instanceof ApiRequestError && err.status === 404) return null;
        throw err;
      }
      return Promise.all(
        list.items.map(async (l) => ({
          layoutId: l.layoutId,
          label: [l.theme, l.level ?? '*', l.regionCode ?? ''].filter(Boolean).join(' · '),
          document: await getRaw(`/api/v1/layouts/${encodeURIComponent(l.layoutId)}`, signal),
        })),
      );
    },
    retry: false,
    staleTime: 60_000,
  });
