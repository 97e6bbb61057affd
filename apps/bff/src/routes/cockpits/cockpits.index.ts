import { personalVault } from '../../auth/vault';
import { createRouter, validationError } from '../../lib/create-router';
import { sendPrepared } from '../../lib/prepared';
import { revealGridWorkers } from '../../snapshots/grassroots/grassroots.reveal';
import type { PreparedSnapshot, SnapshotService } from '../../snapshots/service';
import { getSnapshot, SnapshotParams, snapshotAccess } from './cockpits.routes';

/**
 * The snapshot route is the hot path of every screen. A scope that already has a memoised snapshot was
 * validated when it was first built, so it is answered straight from the memo; any other input goes
 * through the same zod schema as the OpenAPI document describes.
 */
export function cockpitsRouter(snapshots: SnapshotService) {
  const router = createRouter();
  router.openAPIRegistry.registerPath(getSnapshot);
  router.get('/api/v1/cockpits/:theme/:regionCode/snapshot', snapshotAccess, (c) => {
    const send = (prepared: PreparedSnapshot): Response =>
      // Grid workers' names are masked in the shared snapshot; personal:view sees them (a private copy).
      prepared.theme === 'grassroots' && c.get('principal')?.permissionSet.has('personal:view')
        ? sendPrepared(
            c,
            revealGridWorkers(prepared, personalVault),
            'application/json; charset=utf-8',
            'private, no-cache',
          )
        : sendPrepared(c, prepared, 'application/json; charset=utf-8', 'no-cache');
    const theme = c.req.param('theme');
    const regionCode = c.req.param('regionCode');
    const memoised = snapshots.peek(theme, regionCode);
    if (memoised) return send(memoised);
    const parsed = SnapshotParams.safeParse({ theme, regionCode });
    if (!parsed.success) return c.json(validationError(parsed.error), 400);
    const result = snapshots.get(parsed.data.theme, parsed.data.regionCode);
    return result instanceof Promise ? (result.then(send) as Promise<Response>) : send(result);
  });
  return router;
}
