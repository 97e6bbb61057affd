import {
  applyDelta,
  applyPersonalView,
  type EffectiveLayout,
  indicatorBinding,
  type Json,
  type LayoutChange,
  type LayoutDocument,
  type LayoutStamp,
  layoutEditorRights,
  MAX_PANELS_PER_PROFILE,
  PROFILES,
} from '@cockpit/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { layoutDoc, mapRect, type PanelSpec, sideRect } from '../../layouts/fixtures';
import { addUser, bearer, signIn } from '../../test/auth-fixtures';
import { createTestApp, testGeography, testServices } from '../../test/create-test-app';
import { serveTestApp } from '../../test/real-server';
import { sseReader } from '../../test/sse';

type TestApp = ReturnType<typeof createTestApp>;
const TOWN = '331023105'; // 平桥镇
const OTHER_TOWN = testGeography()
  .get('331023')!
  .childCodes.find((c) => c !== TOWN)!;
const json = { 'content-type': 'application/json' };
type Headers = Record<string, string>;

const send = (app: TestApp, method: string, path: string, body?: unknown, headers: Headers = {}) =>
  app.request(path, {
    method,
    headers: { ...json, ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
const publish = (app: TestApp, id: string, body: unknown, headers: Headers = {}) =>
  send(app, 'POST', `/api/v1/layouts/${id}/versions`, body, headers);
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string; details?: unknown } }).error;
const current = async (app: TestApp, id: string, headers: Headers = {}) =>
  (await (await send(app, 'GET', `/api/v1/layouts/${id}`, undefined, headers)).json()) as {
    version: number;
    document: LayoutDocument;
  };

/** A fresh app whose only layout is the overview theme default with two text panels (no indicators). */
async function appWithLayout() {
  const app = createTestApp({ layoutSeeds: [] });
  const created = await send(app, 'POST', '/api/v1/layouts', {
    document: layoutDoc({}, [
      { id: 'notes', type: 'text' },
      { id: 'alarms', type: 'alarms' },
    ]),
  });
  expect(created.status).toBe(201);
  return app;
}

/** The document with one more panel in the side column of the wall, at row `row`. */
function withPanel(doc: LayoutDocument, panel: PanelSpec, row: number): LayoutDocument {
  const next = structuredClone(doc);
  next.profiles.wall.panels.push({ ...sideRect('wall', row), options: {}, ...panel });
  return next;
}

describe('drafts, publishing and versions', () => {
  it('keeps a draft for its author only, publishes it with a message as a new immutable version, lists versions newest first', async () => {
    const app = await appWithLayout();
    await addUser(app, { username: 'county-analyst', roles: ['analyst'], scope: '331023' });
    const other = bearer((await signIn(app, 'county-analyst')).token);
    const base = await current(app, 'overview');
    const draftDoc = withPanel(base.document, { id: 'note-2', type: 'text' }, 2);

    expect((await send(app, 'GET', '/api/v1/layouts/overview/draft')).status).toBe(404);
    const saved = await send(app, 'PUT', '/api/v1/layouts/overview/draft', {
      baseVersion: 1,
      document: draftDoc,
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ baseVersion: 1, savedAt: expect.any(String) });
    const mine = await send(app, 'GET', '/api/v1/layouts/overview/draft');
    expect(await mine.json()).toMatchObject({ layoutId: 'overview', baseVersion: 1, document: draftDoc });
    // Another user cannot read it (they have none of their own), nor delete it.
    expect(
      (await errorOf(await send(app, 'GET', '/api/v1/layouts/overview/draft', undefined, other))).code,
    ).toBe('DRAFT_NOT_FOUND');
    expect((await send(app, 'DELETE', '/api/v1/layouts/overview/draft', undefined, other)).status).toBe(404);
    expect((await send(app, 'GET', '/api/v1/layouts/overview/draft')).status).toBe(200);
    // A draft is the author's work: the screens still show version 1.
    expect((await current(app, 'overview')).version).toBe(1);
    // A draft for another scope is refused.
    const wrong = await send(app, 'PUT', '/api/v1/layouts/overview/draft', {
      baseVersion: 1,
      document: layoutDoc({ level: 'county' }),
    });
    expect((await errorOf(wrong)).code).toBe('SCOPE_MISMATCH');

    const published = await publish(app, 'overview', {
      baseVersion: 1,
      message: '新增说明面板',
      document: draftDoc,
    });
    expect(published.status).toBe(201);
    expect(await published.json()).toEqual({ layoutId: 'overview', version: 2 });
    expect((await send(app, 'DELETE', '/api/v1/layouts/overview/draft')).status).toBe(204);
    expect((await send(app, 'GET', '/api/v1/layouts/overview/draft')).status).toBe(404);

    // One profile's panels (and map) only: the other profiles stay as they were.
    const tablet = [{ ...sideRect('tablet-portrait', 9), id: 'only', type: 'text', options: {} }];
    const partial = await publish(app, 'overview', {
      baseVersion: 2,
      message: '平板只留一块',
      profile: 'tablet-portrait',
      panels: tablet,
    });
    expect(partial.status).toBe(201);
    const v3 = await current(app, 'overview');
    expect(v3.version).toBe(3);
    expect(v3.document.profiles['tablet-portrait']).toEqual({
      map: mapRect('tablet-portrait'),
      panels: tablet,
    });
    expect(v3.document.profiles.wall).toEqual(draftDoc.profiles.wall);

    // The old PUT is a publish without a message.
    expect(
      (await send(app, 'PUT', '/api/v1/layouts/overview', { version: 3, document: base.document })).status,
    ).toBe(200);
    const versions = (await (await send(app, 'GET', '/api/v1/layouts/overview/versions')).json()) as {
      items: {
        version: number;
        message: string;
        publishedBy: string;
        panelCount: number;
        publishedAt: string;
      }[];
    };
    expect(versions.items.map((v) => [v.version, v.message, v.publishedBy, v.panelCount])).toEqual([
      [4, '', 'admin', 2],
      [3, '平板只留一块', 'admin', 3],
      [2, '新增说明面板', 'admin', 3],
      [1, '', 'admin', 2],
    ]);
    const one = await send(app, 'GET', '/api/v1/layouts/overview/versions/2');
    expect(await one.json()).toMatchObject({ version: 2, message: '新增说明面板', document: draftDoc });
    expect((await errorOf(await send(app, 'GET', '/api/v1/layouts/overview/versions/9'))).code).toBe(
      'VERSION_NOT_FOUND',
    );
    expect((await send(app, 'GET', '/api/v1/layouts/overview.village/versions')).status).toBe(404);
    // Neither document nor panels: 400.
    expect((await errorOf(await publish(app, 'overview', { baseVersion: 4, message: 'x' }))).code).toBe(
      'VALIDATION',
    );
    // A new layout is published on base 0 with a whole document.
    const fresh = await publish(app, 'overview.township', {
      baseVersion: 0,
      message: '乡镇默认',
      document: layoutDoc({ level: 'township' }),
    });
    expect(await fresh.json()).toEqual({ layoutId: 'overview.township', version: 1 });
    const audit = (await (await send(app, 'GET', '/api/v1/audit?action=layout.publish')).json()) as {
      items: { target: string; summary: string }[];
    };
    expect(audit.items.map((i) => `${i.target} ${i.summary}`)).toEqual([
      'overview.township version 1: 乡镇默认',
      'overview version 2 → 3: 平板只留一块',
      'overview version 1 → 2: 新增说明面板',
    ]);
  });

  it('answers a stale publisher 409 with the current version and what changed; they rebase on the latest and publish', async () => {
    const app = await appWithLayout();
    await addUser(app, { username: 'second-admin', roles: ['admin'], scope: '331023' });
    const second = bearer((await signIn(app, 'second-admin')).token);
    const start = await current(app, 'overview');

    // The second publisher moves the alarms panel down a row and adds a note.
    const theirs = withPanel(start.document, { id: 'theirs', type: 'text' }, 3);
    theirs.profiles.wall.panels[1] = { ...theirs.profiles.wall.panels[1]!, y: 2 };
    expect(
      (await publish(app, 'overview', { baseVersion: 1, message: '他人修改', document: theirs }, second))
        .status,
    ).toBe(201);

    // The first still works on version 1.
    const mine = withPanel(
      start.document,
      { id: 'mine', type: 'text', options: { text: { zh: '我的', en: 'mine' } } },
      5,
    );
    const stale = await publish(app, 'overview', { baseVersion: 1, message: '我的修改', document: mine });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as {
      error: { code: string; currentVersion: number; changes: LayoutChange[]; message: string };
    };
    expect(body.error.code).toBe('VERSION_CONFLICT');
    expect(body.error.currentVersion).toBe(2);
    expect(body.error.message).toContain('second-admin');
    expect(body.error.changes.filter((c) => c.profile === 'wall').map((c) => [c.panelId, c.change])).toEqual([
      ['alarms', 'moved'],
      ['theirs', 'added'],
    ]);
    // Nothing of the refused publish was stored.
    expect((await current(app, 'overview')).version).toBe(2);

    // Rebase: re-read the latest, apply the own change on it, publish on version 2.
    const latest = await current(app, 'overview');
    const rebased = withPanel(latest.document, { id: 'mine', type: 'text' }, 5);
    const ok = await publish(app, 'overview', {
      baseVersion: latest.version,
      message: '我的修改（已变基）',
      document: rebased,
    });
    expect(ok.status).toBe(201);
    const v3 = await current(app, 'overview');
    expect(v3.version).toBe(3);
    expect(v3.document.profiles.wall.panels.map((p) => p.id)).toEqual(['notes', 'alarms', 'theirs', 'mine']);
  });

  it('rolls back by publishing an old version as a new one, audited', async () => {
    const app = await appWithLayout();
    const v1 = await current(app, 'overview');
    await publish(app, 'overview', {
      baseVersion: 1,
      message: 'v2',
      document: withPanel(v1.document, { id: 'extra', type: 'text' }, 4),
    });
    const stale = await send(app, 'POST', '/api/v1/layouts/overview/rollback', {
      toVersion: 1,
      baseVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'VERSION_CONFLICT', currentVersion: 2 } });
    const rolled = await send(app, 'POST', '/api/v1/layouts/overview/rollback', {
      toVersion: 1,
      baseVersion: 2,
      message: '撤回 extra',
    });
    expect(rolled.status).toBe(201);
    expect(await rolled.json()).toEqual({ layoutId: 'overview', version: 3 });
    const now = await current(app, 'overview');
    expect(now.document).toEqual(v1.document);
    expect((await app.auth.store.layouts.listVersions('overview')).map((v) => v.version)).toEqual([1, 2, 3]);
    const missing = await send(app, 'POST', '/api/v1/layouts/overview/rollback', {
      toVersion: 7,
      baseVersion: 3,
    });
    expect((await errorOf(missing)).code).toBe('VERSION_NOT_FOUND');
    const audit = (await (await send(app, 'GET', '/api/v1/audit?action=layout.rollback')).json()) as {
      items: { target: string; summary: string; actor: string }[];
    };
    expect(audit.items).toEqual([
      expect.objectContaining({
        target: 'overview',
        actor: 'admin',
        summary: 'version 2 → 3 (the document of version 1): 撤回 extra',
      }),
    ]);
  });
});

describe('import validation', () => {
  const validate = (app: TestApp, document: unknown) =>
    send(app, 'POST', '/api/v1/layouts/validate', { document });
  /** One panel at the first side row of every profile, with the given type and options. */
  const onePanel = (
    level: 'county' | 'village' | null,
    type: string,
    options: Record<string, unknown> = {},
  ) => layoutDoc({ level }, [{ id: 'p1', type, options }]);

  it('accepts a valid document and refuses every bad case naming the panel id and the field', async () => {
    const app = createTestApp({ layoutSeeds: [] });
    expect(await (await validate(app, layoutDoc({}, [{ id: 'kpis', type: 'kpi-tiles' }]))).json()).toEqual({
      ok: true,
    });

    const refusal = async (document: unknown) => {
      const res = await validate(app, document);
      expect(res.status).toBe(400);
      return errorOf(res);
    };
    expect(await refusal(onePanel(null, 'no-such-type'))).toMatchObject({
      code: 'UNKNOWN_PANEL_TYPE',
      message: expect.stringContaining('panel "p1" (wall) type'),
    });
    const badOption = await refusal(onePanel(null, 'ranking', { limit: 500 }));
    expect(badOption.code).toBe('INVALID_PANEL_OPTIONS');
    expect(badOption.message).toContain('panel "p1" (wall) options.limit');
    expect(JSON.stringify(badOption.details)).toContain('profiles.wall.panels[p1].options.limit');

    const overlap = layoutDoc({}, [
      { id: 'a', type: 'text' },
      { id: 'b', type: 'text' },
    ]);
    overlap.profiles.desk.panels[1] = { ...overlap.profiles.desk.panels[1]!, y: 0 };
    expect(await refusal(overlap)).toMatchObject({
      code: 'OVERLAP',
      message: expect.stringContaining('panel "b" (desk) placement'),
    });
    const offGrid = layoutDoc({}, [{ id: 'low', type: 'text' }]);
    offGrid.profiles.wall.panels[0] = { ...offGrid.profiles.wall.panels[0]!, y: PROFILES.wall.rows };
    expect(await refusal(offGrid)).toMatchObject({
      code: 'OUT_OF_GRID',
      message: expect.stringContaining('panel "low" (wall)'),
    });
    const duplicate = layoutDoc({}, [
      { id: 'twin', type: 'text' },
      { id: 'twin', type: 'alarms' },
    ]);
    expect(await refusal(duplicate)).toMatchObject({
      code: 'DUPLICATE_PANEL_ID',
      message: expect.stringContaining('panel "twin" (wall) id'),
    });
    expect(await refusal(onePanel(null, 'kpi-tiles', { indicatorIds: ['no.such'] }))).toMatchObject({
      code: 'UNKNOWN_INDICATOR',
      message: expect.stringContaining('panel "p1" (wall) options.indicatorIds.0'),
    });
    expect(
      await refusal(onePanel('village', 'kpi-tiles', { indicatorIds: ['urban.casesReported'] })),
    ).toMatchObject({
      code: 'INDICATOR_NOT_AT_LEVEL',
      message: expect.stringContaining(
        'panel "p1" (wall) options.indicatorIds.0: indicator urban.casesReported',
      ),
    });
    const shape = layoutDoc({}, [{ id: 'neg', type: 'text' }]);
    shape.profiles.wall.panels[0] = { ...shape.profiles.wall.panels[0]!, w: 0 };
    expect(await refusal(shape)).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('panel "neg" (wall) w'),
    });

    // Too heavy: more panels than a profile may carry, and a table over its cell limit.
    const crowded = layoutDoc({}, []);
    crowded.profiles.desk = {
      map: null,
      panels: Array.from({ length: MAX_PANELS_PER_PROFILE + 1 }, (_, i) => ({
        id: `t${i}`,
        type: 'text',
        options: {},
        x: 0,
        y: i,
        w: 1,
        h: 1,
      })),
    };
    expect(await refusal(crowded)).toMatchObject({
      code: 'LAYOUT_TOO_HEAVY',
      message: expect.stringContaining(`profiles.desk.panels: ${MAX_PANELS_PER_PROFILE + 1} panels`),
    });
    const bigTable = onePanel(null, 'table', {
      limit: 50,
      indicatorIds: [
        'parking.freeBerths',
        'parking.berthTotal',
        'parking.occupancyRate',
        'eco.aqi',
        'eco.pm25',
      ],
    });
    expect(await refusal(bigTable)).toMatchObject({
      code: 'LAYOUT_TOO_HEAVY',
      message: expect.stringContaining(
        'panel "p1" (wall) options.limit: a table panel may show at most 200 cells',
      ),
    });
    // The same limits hold at publish: nothing is stored.
    await send(app, 'POST', '/api/v1/layouts', { document: layoutDoc() });
    const heavy = await publish(app, 'overview', { baseVersion: 1, message: 'heavy', document: bigTable });
    expect((await errorOf(heavy)).code).toBe('LAYOUT_TOO_HEAVY');
    expect((await current(app, 'overview')).version).toBe(1);
  });

  it('checks the sort option and a panel’s own bands against the indicator’s direction, naming panel and field', async () => {
    const app = createTestApp({ layoutSeeds: [] });
    const refusal = async (document: unknown) => {
      const res = await validate(app, document);
      expect(res.status).toBe(400);
      return errorOf(res);
    };
    for (const type of ['ranking', 'table', 'distribution'])
      expect(
        (
          await validate(
            app,
            onePanel(null, type, { sort: 'worstFirst', indicatorId: 'parking.occupancyRate' }),
          )
        ).status,
        type,
      ).toBe(200);
    const badSort = await refusal(onePanel(null, 'ranking', { sort: 'random' }));
    expect(badSort.code).toBe('INVALID_PANEL_OPTIONS');
    expect(badSort.message).toContain('panel "p1" (wall) options.sort');

    // parking.occupancyRate is worse when higher (stored bands 0.85 / 0.95); grassroots.closureRate when lower.
    const gauge = (indicatorId: string, thresholds: unknown) =>
      onePanel(null, 'gauge', { indicatorId, thresholds });
    const own = {
      warning: 0.7,
      alarm: 0.9,
      colors: { normal: '#00ff00', warning: '#ffff00', alarm: '#ff0000' },
    };
    expect((await validate(app, gauge('parking.occupancyRate', own))).status).toBe(200);
    expect((await validate(app, gauge('parking.occupancyRate', null))).status).toBe(200);
    const upsideDown = await refusal(gauge('parking.occupancyRate', { warning: 0.9, alarm: 0.7 }));
    expect(upsideDown).toMatchObject({
      code: 'INVALID_PANEL_THRESHOLDS',
      message: expect.stringContaining(
        'panel "p1" (wall) options.thresholds.alarm: the indicator is worse when higher',
      ),
    });
    expect(JSON.stringify(upsideDown.details)).toContain('profiles.wall.panels[p1].options.thresholds.alarm');
    // The same numbers suit an indicator that is worse when lower, and the reverse does not.
    expect(
      (
        await validate(
          app,
          onePanel(null, 'trend', {
            indicatorId: 'grassroots.closureRate',
            thresholds: { warning: 0.9, alarm: 0.7 },
          }),
        )
      ).status,
    ).toBe(200);
    expect(
      await refusal(
        onePanel(null, 'trend', {
          indicatorId: 'grassroots.closureRate',
          thresholds: { warning: 0.7, alarm: 0.9 },
        }),
      ),
    ).toMatchObject({
      code: 'INVALID_PANEL_THRESHOLDS',
      message: expect.stringContaining('options.thresholds.alarm'),
    });
    // KPI tiles carry own bands by indicator id; each is checked against its own indicator's direction.
    const tiles = (thresholds: unknown) =>
      onePanel(null, 'kpi-tiles', {
        indicatorIds: ['parking.occupancyRate', 'grassroots.closureRate'],
        thresholds,
      });
    expect(
      (
        await validate(
          app,
          tiles({
            'parking.occupancyRate': { warning: 0.7, alarm: 0.9 },
            'grassroots.closureRate': { warning: 0.9, alarm: 0.7 },
          }),
        )
      ).status,
    ).toBe(200);
    const tileBands = await refusal(tiles({ 'grassroots.closureRate': { warning: 0.7, alarm: 0.9 } }));
    expect(tileBands).toMatchObject({
      code: 'INVALID_PANEL_THRESHOLDS',
      message: expect.stringContaining(
        'panel "p1" (wall) options.thresholds.grassroots.closureRate.alarm: the indicator is worse when lower',
      ),
    });
    // A colour that is not #rrggbb is a shape error of its own field.
    const badColour = await refusal(
      gauge('parking.occupancyRate', { ...own, colors: { ...own.colors, alarm: 'red' } }),
    );
    expect(badColour.message).toContain('panel "p1" (wall) options.thresholds.colors.alarm');

    // Publishing refuses the same, and stores nothing.
    await send(app, 'POST', '/api/v1/layouts', { document: layoutDoc() });
    const res = await publish(app, 'overview', {
      baseVersion: 1,
      message: 'bands',
      document: gauge('parking.occupancyRate', { warning: 0.95, alarm: 0.95 }),
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('INVALID_PANEL_THRESHOLDS');
    expect((await current(app, 'overview')).version).toBe(1);
  });
});

describe('permissions and scope', () => {
  it('drafts need layout:edit, publishing layout:publish; writes stay in the region scope and on the department’s indicators', async () => {
    const app = await appWithLayout();
    await app.ready;
    await app.auth.store.roles.insert({
      id: 'drafter',
      name: { zh: '布局起草', en: 'Layout drafter' },
      permissions: ['cockpit:view', 'layout:edit'],
      builtin: false,
    });
    await addUser(app, { username: 'drafter', roles: ['drafter'], scope: '331023' });
    await addUser(app, { username: 'town-analyst', roles: ['analyst'], scope: TOWN });
    await addUser(app, { username: 'viewer', roles: ['viewer'], scope: '331023' });
    const ecoId = await addUser(app, { username: 'eco-analyst', roles: ['analyst'], scope: '331023' });
    await app.auth.store.users.update(ecoId, { departmentId: 'ecology' });
    const drafter = bearer((await signIn(app, 'drafter')).token);
    const town = bearer((await signIn(app, 'town-analyst')).token);
    const viewer = bearer((await signIn(app, 'viewer')).token);
    const eco = bearer((await signIn(app, 'eco-analyst')).token);
    const base = await current(app, 'overview');

    const draft = { baseVersion: 1, document: base.document };
    expect((await send(app, 'PUT', '/api/v1/layouts/overview/draft', draft, drafter)).status).toBe(200);
    expect((await errorOf(await publish(app, 'overview', { ...draft, message: 'x' }, drafter))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await errorOf(await send(app, 'PUT', '/api/v1/layouts/overview/draft', draft, viewer))).code,
    ).toBe('FORBIDDEN');
    // The township analyst: not the county-wide default, not another township, but their own override.
    expect((await errorOf(await publish(app, 'overview', { ...draft, message: 'x' }, town))).code).toBe(
      'OUT_OF_SCOPE',
    );
    const foreign = {
      baseVersion: 0,
      message: 'x',
      document: layoutDoc({ level: 'township', regionCode: OTHER_TOWN }),
    };
    expect((await errorOf(await publish(app, `overview.township.${OTHER_TOWN}`, foreign, town))).code).toBe(
      'OUT_OF_SCOPE',
    );
    expect(
      (
        await errorOf(
          await send(app, 'PUT', `/api/v1/layouts/overview.township.${OTHER_TOWN}/draft`, foreign, town),
        )
      ).code,
    ).toBe('OUT_OF_SCOPE');
    const own = {
      baseVersion: 0,
      message: '本镇',
      document: layoutDoc({ level: 'township', regionCode: TOWN }),
    };
    expect((await publish(app, `overview.township.${TOWN}`, own, town)).status).toBe(201);

    // The ecology analyst may bind ecology indicators, not a parking one; panels bound to none are free.
    const parkingPanel = withPanel(
      base.document,
      { id: 'berths', type: 'kpi-tiles', options: { indicatorIds: ['parking.freeBerths'] } },
      3,
    );
    const refused = await publish(
      app,
      'overview',
      { baseVersion: 1, message: 'x', document: parkingPanel },
      eco,
    );
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toMatchObject({
      code: 'INDICATOR_NOT_YOURS',
      message: expect.stringContaining(
        'panel "berths" (wall) options: indicator parking.freeBerths belongs to enforcement',
      ),
    });
    const ecoPanel = withPanel(
      base.document,
      { id: 'air', type: 'kpi-tiles', options: { indicatorIds: ['eco.aqi'] } },
      3,
    );
    expect(
      (await publish(app, 'overview', { baseVersion: 1, message: '空气', document: ecoPanel }, eco)).status,
    ).toBe(201);
    // The admin adds a parking panel; the ecology analyst may not move or remove it afterwards…
    expect(
      (
        await publish(app, 'overview', {
          baseVersion: 2,
          message: 'p',
          document: withPanel(
            ecoPanel,
            { id: 'berths', type: 'kpi-tiles', options: { indicatorIds: ['parking.freeBerths'] } },
            5,
          ),
        })
      ).status,
    ).toBe(201);
    const latest = await current(app, 'overview');
    const without = structuredClone(latest.document);
    without.profiles.wall.panels = without.profiles.wall.panels.filter((p) => p.id !== 'berths');
    expect(
      (
        await errorOf(
          await publish(app, 'overview', { baseVersion: 3, message: 'x', document: without }, eco),
        )
      ).code,
    ).toBe('INDICATOR_NOT_YOURS');
    // … but moves their own and the text panels freely.
    const moved = structuredClone(latest.document);
    moved.profiles.wall.panels = moved.profiles.wall.panels.map((p) =>
      p.id === 'notes' ? { ...p, y: 4 } : p,
    );
    expect(
      (await publish(app, 'overview', { baseVersion: 3, message: '挪动', document: moved }, eco)).status,
    ).toBe(201);
  });
});

describe('the indicators an editor may bind', () => {
  it('are exactly those the shared rule (indicatorBinding) allows: what the studio offers publishes, the rest answers 403', async () => {
    const app = await appWithLayout();
    await app.ready;
    const ecoId = await addUser(app, { username: 'eco-analyst', roles: ['analyst'], scope: '331023' });
    await app.auth.store.users.update(ecoId, { departmentId: 'ecology' });
    await addUser(app, { username: 'loose-analyst', roles: ['analyst'], scope: '331023' });
    const list = (await (await send(app, 'GET', '/api/v1/indicators')).json()) as {
      items: { id: string; departmentId: string; levels: string[]; status: string }[];
    };
    const county = list.items.filter((d) => d.status === 'active' && d.levels.includes('county'));
    for (const username of ['loose-analyst', 'eco-analyst']) {
      const headers = bearer((await signIn(app, username)).token);
      const me = (await (await send(app, 'GET', '/api/v1/auth/me', undefined, headers)).json()) as {
        user: { departmentId: string | null; permissions: string[] };
      };
      const rights = layoutEditorRights(me.user);
      const mine = county.find((d) => indicatorBinding(rights, d.departmentId).ok);
      const theirs = county.find((d) => !indicatorBinding(rights, d.departmentId).ok);
      // The ecology analyst has both kinds; an analyst without a department may bind none.
      expect(mine?.departmentId, username).toBe(username === 'eco-analyst' ? 'ecology' : undefined);
      expect(theirs, username).toBeDefined();
      const base = await current(app, 'overview');
      const bound = (id: string) =>
        withPanel(base.document, { id: `g-${username}`, type: 'gauge', options: { indicatorId: id } }, 3);
      const refused = await publish(
        app,
        'overview',
        { baseVersion: base.version, message: 'x', document: bound(theirs!.id) },
        headers,
      );
      expect(refused.status, username).toBe(403);
      expect((await errorOf(refused)).code).toBe('INDICATOR_NOT_YOURS');
      if (mine) {
        const ok = await publish(
          app,
          'overview',
          { baseVersion: base.version, message: 'mine', document: bound(mine.id) },
          headers,
        );
        expect(ok.status, username).toBe(201);
      }
    }
  });
});

describe('personal views', () => {
  it('stores hide/order/pin per user and profile; ids the published layout later drops are dropped quietly; reset', async () => {
    const app = await appWithLayout();
    await addUser(app, { username: 'leader', roles: ['leader'], scope: '331023' });
    const leader = bearer((await signIn(app, 'leader')).token);
    const path = '/api/v1/me/layout-views/overview';
    const empty = await send(app, 'GET', `${path}?profile=tablet-portrait`, undefined, leader);
    expect(await empty.json()).toEqual({
      layoutId: 'overview',
      profile: 'tablet-portrait',
      hidden: [],
      order: [],
      pinned: [],
      updatedAt: null,
    });
    const put = await send(
      app,
      'PUT',
      path,
      { profile: 'tablet-portrait', hidden: ['notes', 'ghost'], order: [], pinned: ['alarms'] },
      leader,
    );
    expect(put.status).toBe(200);
    // Per user and per profile.
    expect(
      ((await (await send(app, 'GET', `${path}?profile=tablet-portrait`)).json()) as { hidden: string[] })
        .hidden,
    ).toEqual([]);
    expect(
      (
        (await (await send(app, 'GET', `${path}?profile=desk`, undefined, leader)).json()) as {
          hidden: string[];
        }
      ).hidden,
    ).toEqual([]);

    const effective = async () =>
      (await (
        await send(
          app,
          'GET',
          `/api/v1/layouts/effective?theme=overview&region=${TOWN}&profile=tablet-portrait`,
          undefined,
          leader,
        )
      ).json()) as EffectiveLayout;
    const view = async () =>
      (await (await send(app, 'GET', `${path}?profile=tablet-portrait`, undefined, leader)).json()) as {
        hidden: string[];
        order: string[];
        pinned: string[];
      };
    expect(applyPersonalView(await effective(), await view()).panels.map((p) => p.id)).toEqual(['alarms']);
    // The published layout is untouched.
    expect((await effective()).panels.map((p) => p.id)).toEqual(['notes', 'alarms']);

    // A new version removes the pinned panel: the view drops it quietly, the rest shows.
    const doc = (await current(app, 'overview')).document;
    doc.profiles['tablet-portrait'].panels = [
      ...doc.profiles['tablet-portrait'].panels.filter((p) => p.id !== 'alarms'),
      { ...sideRect('tablet-portrait', 5), id: 'fresh', type: 'text', options: {} },
    ];
    expect(
      (await publish(app, 'overview', { baseVersion: 1, message: '去掉告警', document: doc })).status,
    ).toBe(201);
    expect(applyPersonalView(await effective(), await view()).panels.map((p) => p.id)).toEqual(['fresh']);

    expect((await send(app, 'DELETE', `${path}?profile=tablet-portrait`, undefined, leader)).status).toBe(
      204,
    );
    expect((await view()).hidden).toEqual([]);
    expect(
      (await send(app, 'GET', '/api/v1/me/layout-views/overview.village?profile=wall', undefined, leader))
        .status,
    ).toBe(404);
  });
});

describe('user text is data, never markup', () => {
  it('stores titles and messages verbatim, returns them as JSON only, and exports an attachment without HTML', async () => {
    const app = await appWithLayout();
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)> & 标题';
    const doc = withPanel(
      (await current(app, 'overview')).document,
      {
        id: 'evil',
        type: 'text',
        options: { title: { zh: evil, en: evil }, text: { zh: evil, en: evil } },
      },
      3,
    );
    expect((await publish(app, 'overview', { baseVersion: 1, message: evil, document: doc })).status).toBe(
      201,
    );
    const versions = await send(app, 'GET', '/api/v1/layouts/overview/versions');
    expect(versions.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await versions.json()) as { items: { message: string }[] }).items[0]!.message).toBe(evil);

    const exported = await send(app, 'GET', '/api/v1/layouts/overview/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toBe(
      'attachment; filename="layout-overview-v2.json"',
    );
    expect(exported.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await exported.text();
    expect(text).not.toMatch(/[<>]/);
    const back = JSON.parse(text) as LayoutDocument;
    expect(back).toEqual(doc);
    expect(back.profiles.wall.panels.find((p) => p.id === 'evil')!.options).toMatchObject({
      title: { zh: evil },
    });
    // The exported file imports as it is.
    expect((await send(app, 'POST', '/api/v1/layouts/validate', { document: back })).status).toBe(200);
    const v1 = await send(app, 'GET', '/api/v1/layouts/overview/export?version=1');
    expect(v1.headers.get('content-disposition')).toContain('v1.json');
  });
});

describe('publishing reaches open screens', () => {
  const stops: (() => unknown)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it('a publish and a rollback each send the new stamp on layout:<theme>:<region> over the real server', async () => {
    const server = await serveTestApp(testServices(), undefined, { app: { layoutSeeds: [] } });
    stops.push(server.close);
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: json,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const v1 = layoutDoc({}, [{ id: 'notes', type: 'text' }]);
    expect((await call('POST', '/api/v1/layouts', { document: v1 })).status).toBe(201);
    const res = await fetch(`${server.url}/api/v1/live?topics=layout:overview:${TOWN}`);
    const stream = sseReader(res);
    stops.push(() => stream.close());
    let stamp: Json | undefined;
    const next = async () => {
      const ev = await stream.next();
      const data = JSON.parse(ev.data) as { snapshot?: Json; delta?: unknown };
      stamp = ev.event === 'snapshot' ? data.snapshot! : applyDelta(stamp!, data.delta as never);
      return stamp as unknown as LayoutStamp;
    };
    expect((await next()).version).toBe(1);
    const published = await call('POST', '/api/v1/layouts/overview/versions', {
      baseVersion: 1,
      message: '发布',
      profile: 'wall',
      panels: [],
    });
    expect(published.status).toBe(201);
    expect(await next()).toEqual({ theme: 'overview', regionCode: TOWN, layoutId: 'overview', version: 2 });
    const wall = (await (
      await call('GET', `/api/v1/layouts/effective?theme=overview&region=${TOWN}&profile=wall`)
    ).json()) as EffectiveLayout;
    expect(wall).toMatchObject({ version: 2, panels: [] });
    expect(
      (await call('POST', '/api/v1/layouts/overview/rollback', { toVersion: 1, baseVersion: 2 })).status,
    ).toBe(201);
    expect((await next()).version).toBe(3);
    const back = (await (
      await call('GET', `/api/v1/layouts/effective?theme=overview&region=${TOWN}&profile=wall`)
    ).json()) as EffectiveLayout;
    expect(back.panels.map((p) => p.id)).toEqual(['notes']);
  });
});
