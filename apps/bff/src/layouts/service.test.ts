import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/create-test-app';
import { layoutDoc } from './fixtures';
import { LayoutService } from './service';

describe('layout seeding', () => {
  it('stores every seeded document as version 1 where its scope has no layout, once, and skips an invalid one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cockpit-seed-'));
    const app = createTestApp({ dataDir });
    await app.ready;
    const actor = { name: 'analyst-1', ip: null, requestId: null };
    // A level default stored before the seeds exist (a later release adds a seed for the same scope).
    const before = new LayoutService({ auth: app.auth, seeds: [] });
    await before.create(layoutDoc({ theme: 'eco', level: 'township' }), actor);

    const seeds = [
      layoutDoc({ theme: 'parking' }),
      layoutDoc({ theme: 'eco', level: 'township' }, [{ id: 'seeded', type: 'no-such-type' }]),
      layoutDoc({ theme: 'eco', level: 'village' }),
      layoutDoc({ theme: 'trauma' }, [{ id: 'bad', type: 'no-such-type' }]),
    ];
    const service = new LayoutService({ auth: app.auth, seeds });
    await service.ready();
    const stored = await app.auth.store.layouts.list();
    expect(stored.map((l) => [l.layoutId, l.version, l.updatedBy]).sort()).toEqual([
      ['eco.township', 1, 'analyst-1'],
      ['eco.village', 1, 'system'],
      ['parking', 1, 'system'],
    ]);
    // The analyst's layout was kept as it was (the seed for its scope did not replace it).
    expect((await app.auth.store.layouts.get('eco.township'))!.document.profiles.wall.panels).toEqual([]);
    const audit = await app.auth.store.audit.query({ action: 'layout.seed', limit: 10 });
    expect(audit.map((a) => a.target).sort()).toEqual(['eco.village', 'parking']);

    // A restart seeds nothing twice.
    const restarted = createTestApp({ dataDir });
    await restarted.ready;
    await new LayoutService({ auth: restarted.auth, seeds }).ready();
    expect((await restarted.auth.store.layouts.list()).map((l) => l.version)).toEqual([1, 1, 1]);
    expect(await restarted.auth.store.audit.query({ action: 'layout.seed', limit: 10 })).toHaveLength(2);
  });

  it('follows a changed seed where only the seeds have published, and keeps what an analyst published', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cockpit-seed-'));
    const app = createTestApp({ dataDir });
    await app.ready;
    const v1 = [layoutDoc({ theme: 'parking' }), layoutDoc({ theme: 'eco' })];
    await new LayoutService({ auth: app.auth, seeds: v1 }).ready();
    // An analyst publishes on the eco layout; parking stays as seeded.
    const analyst = { name: 'analyst-1', ip: null, requestId: null };
    const mine = new LayoutService({ auth: app.auth, seeds: v1 });
    const eco = (await app.auth.store.layouts.get('eco'))!;
    await mine.update(
      'eco',
      layoutDoc({ theme: 'eco' }, [{ id: 'mine', type: 'text' }]),
      eco.version,
      analyst,
    );

    // The next release changes both seeds.
    const v2 = [
      layoutDoc({ theme: 'parking' }, [{ id: 'new', type: 'text' }]),
      layoutDoc({ theme: 'eco' }, [{ id: 'new', type: 'text' }]),
    ];
    const restarted = createTestApp({ dataDir });
    await restarted.ready;
    await new LayoutService({ auth: restarted.auth, seeds: v2 }).ready();
    const parking = (await restarted.auth.store.layouts.get('parking'))!;
    expect([parking.version, parking.updatedBy]).toEqual([2, 'system']);
    expect(parking.document.profiles.wall.panels.map((p) => p.id)).toEqual(['new']);
    expect((await restarted.auth.store.layouts.listVersions('parking')).at(-1)!.message).toMatch(/seed/);
    const kept = (await restarted.auth.store.layouts.get('eco'))!;
    expect([kept.version, kept.updatedBy]).toEqual([2, 'analyst-1']);
    expect(kept.document.profiles.wall.panels.map((p) => p.id)).toEqual(['mine']);
    expect(await restarted.auth.store.audit.query({ action: 'layout.seed-update', limit: 10 })).toHaveLength(
      1,
    );

    // The same release again changes nothing.
    await new LayoutService({ auth: restarted.auth, seeds: v2 }).ready();
    expect((await restarted.auth.store.layouts.get('parking'))!.version).toBe(2);
  });

  it('resolves without the cache exactly as with it', async () => {
    const app = createTestApp();
    await app.ready;
    const actor = { name: 'admin', ip: null, requestId: null };
    const cached = new LayoutService({ auth: app.auth, seeds: [] });
    const uncached = new LayoutService({ auth: app.auth, seeds: [], cache: false });
    await cached.create(layoutDoc(), actor);
    await cached.create(layoutDoc({ level: 'township', regionCode: '331023105' }), actor);
    for (const region of ['331023', '331023105', '331023106'])
      expect((await uncached.effective('overview', region, 'wall')).body).toBe(
        (await cached.effective('overview', region, 'wall')).body,
      );
  });
});
