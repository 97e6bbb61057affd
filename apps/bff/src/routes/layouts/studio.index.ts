import type { LayoutDocument } from '@cockpit/contracts';
import type { Context } from 'hono';
import type { LayoutDraftService } from '../../layouts/drafts';
import { type LayoutService, VersionConflict } from '../../layouts/service';
import { type AppEnv, createRouter } from '../../lib/create-router';
import { editorOf } from './layouts.index';
import { studioRoutes as r } from './studio.routes';

/** A 409 of a stale base carries currentVersion and the changes at the top of the error (and in details). */
async function conflictAware<T>(c: Context<AppEnv>, write: () => Promise<T>) {
  try {
    return { ok: true as const, value: await write() };
  } catch (err) {
    if (!(err instanceof VersionConflict)) throw err;
    const { message, currentVersion, changes } = err;
    const code = 'VERSION_CONFLICT' as const;
    return {
      ok: false as const,
      response: c.json(
        { error: { code, message, currentVersion, changes, details: { currentVersion, changes } } },
        409,
      ),
    };
  }
}

/** JSON that cannot be read as HTML by anything that sniffs: <, > and & as \u escapes (same value). */
const inertJson = (value: unknown) =>
  JSON.stringify(value, null, 2).replace(
    /[<>&]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** The studio's routes: thin handlers over the LayoutService and the LayoutDraftService. */
export function studioRouter(layouts: LayoutService, drafts: LayoutDraftService) {
  return createRouter()
    .openapi(r.versions, async (c) =>
      c.json({ items: await layouts.versions(c.req.valid('param').layoutId) }, 200),
    )
    .openapi(r.version, async (c) => {
      const { layoutId, version } = c.req.valid('param');
      return c.json(await layouts.version(layoutId, version), 200);
    })
    .openapi(r.publish, async (c) => {
      const { layoutId } = c.req.valid('param');
      const input = c.req.valid('json');
      const result = await conflictAware(c, () =>
        layouts.publish(
          layoutId,
          {
            baseVersion: input.baseVersion,
            message: input.message,
            document: input.document as LayoutDocument | undefined,
            profile: input.profile,
            panels: input.panels as never,
            map: input.map as never,
          },
          editorOf(c),
        ),
      );
      if (!result.ok) return result.response;
      return c.json({ layoutId, version: result.value.version }, 201);
    })
    .openapi(r.rollback, async (c) => {
      const { layoutId } = c.req.valid('param');
      const result = await conflictAware(c, () =>
        layouts.rollback(layoutId, c.req.valid('json'), editorOf(c)),
      );
      if (!result.ok) return result.response;
      return c.json({ layoutId, version: result.value.version }, 201);
    })
    .openapi(r.getDraft, async (c) =>
      c.json(await drafts.getDraft(c.req.valid('param').layoutId, c.get('principal')!), 200),
    )
    .openapi(r.putDraft, async (c) =>
      c.json(
        await drafts.saveDraft(c.req.valid('param').layoutId, c.get('principal')!, c.req.valid('json')),
        200,
      ),
    )
    .openapi(r.deleteDraft, async (c) => {
      await drafts.deleteDraft(c.req.valid('param').layoutId, c.get('principal')!);
      return c.body(null, 204);
    })
    .openapi(r.validate, async (c) => {
      layouts.check(c.req.valid('json').document);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(r.export, async (c) => {
      const { layoutId } = c.req.valid('param');
      const wanted = c.req.valid('query').version;
      const version = wanted ?? (await layouts.get(layoutId)).version;
      const { document } = await layouts.version(layoutId, version);
      // The bytes are JSON already (escaped); c.json would serialise them again.
      const sent = c.body(inertJson(document), 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="layout-${layoutId}-v${version}.json"`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      });
      return sent as never;
    })
    .openapi(r.getView, async (c) =>
      c.json(
        await drafts.getView(
          c.req.valid('param').layoutId,
          c.req.valid('query').profile,
          c.get('principal')!,
        ),
        200,
      ),
    )
    .openapi(r.putView, async (c) => {
      const { profile, ...choice } = c.req.valid('json');
      return c.json(
        await drafts.saveView(c.req.valid('param').layoutId, profile, c.get('principal')!, choice),
        200,
      );
    })
    .openapi(r.deleteView, async (c) => {
      await drafts.deleteView(
        c.req.valid('param').layoutId,
        c.req.valid('query').profile,
        c.get('principal')!,
      );
      return c.body(null, 204);
    });
}
