import { layoutEditorRights } from '@cockpit/contracts';
import type { Context } from 'hono';
import { actorOf } from '../../auth/access';
import type { LayoutEditor, LayoutService } from '../../layouts/service';
import { type AppEnv, createRouter } from '../../lib/create-router';
import { layoutRoutes } from './layouts.routes';

/** Who writes a layout: an administrator (user:admin) sees every indicator, others their department's. */
export const editorOf = (c: Context<AppEnv>): LayoutEditor => {
  const p = c.get('principal')!;
  return {
    actor: actorOf(c),
    ...layoutEditorRights({ departmentId: p.departmentId, permissions: p.permissionSet }),
  };
};

/** Stored layouts: thin handlers over the LayoutService. */
export function layoutsRouter(service: LayoutService) {
  const r = layoutRoutes(service);
  return createRouter()
    .openapi(r.list, async (c) => {
      const principal = c.get('principal')!;
      const auth = c.get('auth');
      const items = await service.list((code) => auth.inScope(principal.scope, code));
      return c.json({ items }, 200);
    })
    .openapi(r.effective, async (c) => {
      const { theme, region, profile } = c.req.valid('query');
      const answer = await service.effective(theme, region, profile);
      c.header('ETag', answer.etag);
      c.header('Cache-Control', 'private, no-cache');
      if (
        c.req
          .header('If-None-Match')
          ?.split(',')
          .some((t) => t.trim() === answer.etag)
      )
        return c.body(null, 304);
      return c.body(answer.body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    })
    .openapi(r.get, async (c) => c.json(await service.get(c.req.valid('param').layoutId), 200))
    .openapi(r.create, async (c) =>
      c.json(await service.create(c.req.valid('json').document, actorOf(c)), 201),
    )
    .openapi(r.put, async (c) => {
      const { document, version } = c.req.valid('json');
      const editor = editorOf(c);
      return c.json(
        await service.update(c.req.valid('param').layoutId, document, version, editor.actor, editor),
        200,
      );
    })
    .openapi(r.delete, async (c) => {
      await service.delete(c.req.valid('param').layoutId, actorOf(c));
      return c.body(null, 204);
    });
}
