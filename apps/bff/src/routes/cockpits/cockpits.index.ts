import { createRouter } from '../../lib/create-router';
import type { SnapshotService } from '../../snapshots/service';
import { getSnapshot } from './cockpits.routes';

export function cockpitsRouter(snapshots: SnapshotService) {
  return createRouter().openapi(getSnapshot, async (c) => {
    const { theme, regionCode } = c.req.valid('param');
    const prepared = await snapshots.get(theme, regionCode);
    c.header('ETag', prepared.etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('If-None-Match') === prepared.etag) return c.body(null, 304) as never;
    return c.body(prepared.body, 200, { 'Content-Type': 'application/json; charset=utf-8' }) as never;
  });
}
