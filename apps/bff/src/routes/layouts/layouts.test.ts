import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyDelta,
  COUNTY_CODE,
  type EffectiveLayout,
  type Json,
  LayoutDocument,
  type LayoutStamp,
  SEED_LAYOUTS,
} from '@cockpit/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { layoutDoc, sideRect } from '../../layouts/fixtures';
import { layoutIdOf } from '../../layouts/service';
import { addUser, bearer, signIn } from '../../test/auth-fixtures';
import { createTestApp, testGeography, testServices } from '../../test/create-test-app';
import { serveTestApp } from '../../test/real-server';
import { sseReader } from '../../test/sse';

type TestApp = ReturnType<typeof createTestApp>;
const TOWN = '331023105'; // 平桥镇
const hierarchy = testGeography();
const OTHER_TOWN = hierarchy.get(COUNTY_CODE)!.childCodes.find((c) => c !== TOWN)!;
const VILLAGE = hierarchy.get(TOWN)!.childCodes[0]!;
const json = { 'content-type': 'application/json' };

const post = (app: TestApp, document: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/v1/layouts', {
    method: 'POST',
    headers: { ...json, ...headers },
    body: JSON.stringify({ document }),
  });
const put = (app: TestApp, id: string, document: unknown, version: number) =>
  app.request(`/api/v1/layouts/${id}`, {
    method: 'PUT',
    headers: json,
    body: JSON.stringify({ document, version }),
  });
const effective = (app: TestApp, region: string, profile = 'wall', headers: Record<string, string> = {}) =>
  app.request(`/api/v1/layouts/effective?theme=overview&region=${region}&profile=${profile}`, { headers });
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

/** A document that differs from the default by its map's height on the wall (valid on every profile). */
const variant = (scope: Parameters<typeof layoutDoc>[0], mapRows: number) => {
  const doc = layoutDoc(scope);
  doc.profiles.wall.map = { ...doc.profiles.wall.map!, h: mapRows };
  return doc;
};

describe('stored layouts API', () => {
  it('creates, reads, lists, resolves region override > level default > theme default, deletes overrides', async () => {
    const app = createTestApp({ layoutSeeds: [] });
    await app.ready;
    // Nothing stored for the theme yet (the seeds are empty until the cockpits are converted).
    expect((await effective(app, TOWN)).status).toBe(404);

    const created = await post(app, layoutDoc());
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ layoutId: 'overview', version: 1, updatedBy: 'admin' });
    expect((await post(app, layoutDoc({ level: 'township' }))).status).toBe(201);
    expect((await post(app, variant({ level: 'township', regionCode: TOWN }, 3))).status).toBe(201);
    const conflict = await post(app, layoutDoc());
    expect(conflict.status).toBe(409);
    expect((await errorOf(conflict)).code).toBe('LAYOUT_EXISTS');

    const list = (await (await app.request('/api/v1/layouts')).json()) as { items: { layoutId: string }[] };
    expect(list.items.map((i) => i.layoutId).sort()).toEqual([
      'overview',
      'overview.township',
      `overview.township.${TOWN}`,
    ]);
    const one = await app.request(`/api/v1/layouts/overview.township.${TOWN}`);
    expect(one.status).toBe(200);
    expect(
      ((await one.json()) as { document: { profiles: { wall: { map: { h: number } } } } }).document,
    ).toMatchObject({ regionCode: TOWN, profiles: { wall: { map: { h: 3 } } } });
    expect((await app.request('/api/v1/layouts/overview.village')).status).toBe(404);

    const at = async (region: string, profile = 'wall') =>
      (await (await effective(app, region, profile)).json()) as EffectiveLayout;
    expect(await at(TOWN)).toMatchObject({
      layoutId: `overview.township.${TOWN}`,
      regionCode: TOWN,
      profile: 'wall',
      map: { h: 3 },
    });
    expect(await at(OTHER_TOWN)).toMatchObject({ layoutId: 'overview.township', level: 'township' });
    expect(await at(VILLAGE)).toMatchObject({ layoutId: 'overview', level: null });
    expect(await at(COUNTY_CODE, 'desk')).toMatchObject({ layoutId: 'overview', profile: 'desk' });

    // Deleting the override: the level default applies again, at once (the cache is dropped on write).
    expect(
      (await app.request(`/api/v1/layouts/overview.township.${TOWN}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect(await at(TOWN)).toMatchObject({ layoutId: 'overview.township' });
    const themeDefault = await app.request('/api/v1/layouts/overview', { method: 'DELETE' });
    expect(themeDefault.status).toBe(409);
    expect((await errorOf(themeDefault)).code).toBe('THEME_DEFAULT_UNDELETABLE');
    // Created again, the override continues its numbering: an old ETag never names the new document.
    const again = await post(app, layoutDoc({ level: 'township', regionCode: TOWN }));
    expect(await again.json()).toMatchObject({ version: 2 });
    expect(
      (await app.auth.store.layouts.listVersions(`overview.township.${TOWN}`)).map((v) => v.version),
    ).toEqual([1, 2]);

    const audit = (await (await app.request('/api/v1/audit?limit=50')).json()) as {
      items: { action: string; target: string }[];
    };
    const actions = audit.items
      .filter((i) => i.action.startsWith('layout.'))
      .map((i) => `${i.action} ${i.target}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'layout.create overview',
        'layout.create overview.township',
        `layout.delete overview.township.${TOWN}`,
      ]),
    );
  });

  it('saves a new version with the version it was read at; a stale save is 409 with the current version', async () => {
    const app = createTestApp({ layoutSeeds: [] });
    await post(app, layoutDoc());
    const saved = await put(app, 'overview', variant({}, 4), 1);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ layoutId: 'overview', version: 2 });
    const stale = await put(app, 'overview', variant({}, 5), 1);
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: { code: string; details: { currentVersion: number } } };
    expect(body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    // Nothing of the refused save was stored.
    const current = (await (await app.request('/api/v1/layouts/overview')).json()) as {
      version: number;
      document: { profiles: { wall: { map: { h: number } } } };
    };
    expect(current.version).toBe(2);
    expect(current.document.profiles.wall.map.h).toBe(4);
    expect((await app.auth.store.layouts.listVersions('overview')).map((v) => v.version)).toEqual([1, 2]);

    expect((await put(app, 'overview.village', layoutDoc({ level: 'village' }), 1)).status).toBe(404);
    const moved = await put(app, 'overview', layoutDoc({ level: 'county' }), 2);
    expect(moved.status).toBe(400);
    expect((await errorOf(moved)).code).toBe('SCOPE_MISMATCH');
    const updates = (await (await app.request('/api/v1/audit?action=layout.update')).json()) as {
      items: { target: string; summary: string }[];
    };
    expect(updates.items).toEqual([
      expect.objectContaining({ target: 'overview', summary: 'version 1 → 2' }),
    ]);
  });

  it('refuses an invalid layout with 400 naming the panel and field, and stores nothing', async () => {
    const app = createTestApp({ layoutSeeds: [] });
    await post(app, layoutDoc());
    const unknown = await post(
      app,
      layoutDoc({ level: 'township' }, [{ id: 'mystery', type: 'no-such-type' }]),
    );
    expect(unknown.status).toBe(400);
    const e = await errorOf(unknown);
    expect(e.code).toBe('UNKNOWN_PANEL_TYPE');
    expect(e.message).toContain('panel "mystery"');
    expect(e.message).toContain('type');

    const overlapping = layoutDoc({}, [{ id: 'a', type: 'x' }]);
    overlapping.profiles.wall.panels[0] = { ...overlapping.profiles.wall.panels[0]!, x: 0 };
    const refused = await put(app, 'overview', overlapping, 1);
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).message).toContain('overlaps the map');

    const region = await post(app, layoutDoc({ level: 'village', regionCode: TOWN }));
    expect(await errorOf(region)).toMatchObject({ code: 'REGION_NOT_OF_LEVEL' });
    const missing = layoutDoc() as { profiles: Record<string, unknown> };
    delete missing.profiles.desk;
    const noProfile = await put(app, 'overview', missing, 1);
    expect(noProfile.status).toBe(400);
    expect((await errorOf(noProfile)).message).toContain('desk');
    const offGrid = layoutDoc({ level: 'county' });
    offGrid.profiles.wall.panels.push({ ...sideRect('wall', 100), id: 'low', type: 'x', options: {} });
    expect((await post(app, offGrid)).status).toBe(400);

    expect((await app.auth.store.layouts.list()).map((l) => [l.layoutId, l.version])).toEqual([
      ['overview', 1],
    ]);
    expect((await app.auth.store.layouts.listVersions('overview')).length).toBe(1);
    // Malformed queries and ids are 400 too.
    expect((await effective(app, TOWN, 'phone')).status).toBe(400);
    expect(
      (await app.request('/api/v1/layouts/effective?theme=overview&region=12&profile=wall')).status,
    ).toBe(400);
    expect((await app.request('/api/v1/layouts/..%2Fetc')).status).toBe(400);
  });

  it('serves the effective layout with a strong ETag and 304 until a write changes it', async () => {
    const app = createTestApp({ layoutSeeds: [] });
    await post(app, layoutDoc());
    const first = await effective(app, TOWN);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"overview@1@wall"$/);
    const cached = await effective(app, TOWN, 'wall', { 'if-none-match': etag });
    expect(cached.status).toBe(304);
    // Another profile, another ETag.
    expect((await effective(app, TOWN, 'desk')).headers.get('etag')).not.toBe(etag);
    await put(app, 'overview', variant({}, 6), 1);
    const after = await effective(app, TOWN, 'wall', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).toBe('"overview@2@wall"');
    expect(((await after.json()) as EffectiveLayout).map?.h).toBe(6);
    // A level default beats the theme default from the moment it is stored.
    await post(app, layoutDoc({ level: 'township' }));
    expect((await effective(app, TOWN, 'wall', { 'if-none-match': '"overview@2@wall"' })).status).toBe(200);
  });

  it('lets only layout:publish write, and only inside the scope; overrides outside the scope are not listed', async () => {
    const app = createTestApp({ layoutSeeds: [] });
    await post(app, layoutDoc());
    await post(app, layoutDoc({ level: 'township', regionCode: OTHER_TOWN }));
    await addUser(app, { username: 'town-analyst', roles: ['analyst'], scope: TOWN });
    await addUser(app, { username: 'town-viewer', roles: ['viewer'], scope: TOWN });
    const analyst = bearer((await signIn(app, 'town-analyst')).token);
    const viewer = bearer((await signIn(app, 'town-viewer')).token);

    const own = await post(app, layoutDoc({ level: 'township', regionCode: TOWN }), analyst);
    expect(own.status).toBe(201);
    expect((await post(app, layoutDoc({ level: 'village' }), analyst)).status).toBe(403);
    expect((await errorOf(await post(app, layoutDoc({ level: 'village' }), analyst))).code).toBe(
      'OUT_OF_SCOPE',
    );
    expect((await errorOf(await post(app, layoutDoc({ level: 'village' }), viewer))).code).toBe('FORBIDDEN');
    const list = (await (await app.request('/api/v1/layouts', { headers: viewer })).json()) as {
      items: { layoutId: string }[];
    };
    expect(list.items.map((i) => i.layoutId).sort()).toEqual(['overview', `overview.township.${TOWN}`]);
    expect((await effective(app, OTHER_TOWN, 'wall', viewer)).status).toBe(403);
    expect((await effective(app, TOWN, 'wall', viewer)).status).toBe(200);
  });

  it('keeps layouts and their versions across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cockpit-layouts-'));
    const before = createTestApp({ dataDir, layoutSeeds: [] });
    await post(before, layoutDoc());
    await put(before, 'overview', variant({}, 7), 1);
    await before.auth.store.close();
    const after = createTestApp({ dataDir, layoutSeeds: [] });
    await after.ready;
    const res = await effective(after, TOWN);
    expect(await res.json()).toMatchObject({ layoutId: 'overview', version: 2, map: { h: 7 } });
    expect((await after.auth.store.layouts.listVersions('overview')).map((v) => v.version)).toEqual([1, 2]);
  });
});

describe('seeded layouts', () => {
  it('are stored as version 1 by the system and served as they are', async () => {
    const app = createTestApp();
    const list = (await (await app.request('/api/v1/layouts')).json()) as {
      items: { layoutId: string; version: number; updatedBy: string }[];
    };
    expect(list.items.map((i) => i.layoutId).sort()).toEqual(SEED_LAYOUTS.map(layoutIdOf).sort());
    for (const seed of SEED_LAYOUTS) {
      const res = await app.request(`/api/v1/layouts/${layoutIdOf(seed)}`);
      expect(await res.json()).toMatchObject({
        version: 1,
        updatedBy: 'system',
        document: LayoutDocument.parse(seed),
      });
    }
  });
});

describe('layout live topic', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });

  it('a client following layout:<theme>:<region> over the real server receives the new stamp after a write', async () => {
    const server = await serveTestApp(testServices(), undefined, { app: { layoutSeeds: [] } });
    stops.push(server.close);
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: json,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    expect((await call('POST', '/api/v1/layouts', { document: layoutDoc() })).status).toBe(201);

    const topic = `layout:overview:${TOWN}`;
    const other = `layout:overview:${OTHER_TOWN}`;
    const res = await fetch(`${server.url}/api/v1/live?topics=${topic},${other}`);
    expect(res.status).toBe(200);
    const stream = sseReader(res);
    stops.push(() => void stream.close());
    const stamps = new Map<string, Json>();
    /** The next event, applied as the web applies it (a delta only on its base). */
    const next = async () => {
      const ev = await stream.next();
      const data = JSON.parse(ev.data) as { topic: string; snapshot?: Json; delta?: unknown };
      const value =
        ev.event === 'snapshot' ? data.snapshot! : applyDelta(stamps.get(data.topic)!, data.delta as never);
      stamps.set(data.topic, value);
      return { topic: data.topic, stamp: value as unknown as LayoutStamp };
    };
    const initial = [await next(), await next()].sort((a, b) => a.topic.localeCompare(b.topic));
    expect(initial.map((e) => e.stamp)).toEqual(
      [
        { theme: 'overview', regionCode: OTHER_TOWN, layoutId: 'overview', version: 1 },
        { theme: 'overview', regionCode: TOWN, layoutId: 'overview', version: 1 },
      ].sort((a, b) => `layout:overview:${a.regionCode}`.localeCompare(`layout:overview:${b.regionCode}`)),
    );

    // A save of the theme default reaches both regions.
    expect(
      (await call('PUT', '/api/v1/layouts/overview', { document: variant({}, 2), version: 1 })).status,
    ).toBe(200);
    const saved = [await next(), await next()];
    expect(saved.map((e) => e.stamp.version)).toEqual([2, 2]);
    // An override for the other township reaches only that one: the next event is for it …
    expect(
      (
        await call('POST', '/api/v1/layouts', {
          document: layoutDoc({ level: 'township', regionCode: OTHER_TOWN }),
        })
      ).status,
    ).toBe(201);
    expect(await next()).toEqual({
      topic: other,
      stamp: {
        theme: 'overview',
        regionCode: OTHER_TOWN,
        layoutId: `overview.township.${OTHER_TOWN}`,
        version: 1,
      },
    });
    // … and a level default then changes only what applies to this township (the other keeps its override).
    expect(
      (await call('POST', '/api/v1/layouts', { document: layoutDoc({ level: 'township' }) })).status,
    ).toBe(201);
    expect(await next()).toEqual({
      topic,
      stamp: { theme: 'overview', regionCode: TOWN, layoutId: 'overview.township', version: 1 },
    });
    // The effective layout the screen refetches is the new one.
    const now = (await (
      await call('GET', `/api/v1/layouts/effective?theme=overview&region=${TOWN}&profile=wall`)
    ).json()) as EffectiveLayout;
    expect(now.layoutId).toBe('overview.township');
  });

  it('refuses a malformed layout topic and one outside the scope', async () => {
    const app = createTestApp({ layoutSeeds: [] });
    expect((await app.request('/api/v1/live?topics=layout:nope:331023')).status).toBe(400);
    expect((await app.request('/api/v1/live?topics=layout:overview:331023999999')).status).toBe(404);
    await addUser(app, { username: 'town-viewer', roles: ['viewer'], scope: TOWN });
    const viewer = bearer((await signIn(app, 'town-viewer')).token);
    const res = await app.request(`/api/v1/live?topics=layout:overview:${OTHER_TOWN}`, { headers: viewer });
    expect(res.status).toBe(403);
  });
});
