import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBuiltBff } from '../../../../apps/bff/scripts/spawn-built.mjs';
import { AuthService } from '../../../../apps/bff/src/auth/service';
import { openGeography } from '../../../../apps/bff/src/geo/open';
import { layoutDoc } from '../../../../apps/bff/src/layouts/fixtures';
import { LayoutService } from '../../../../apps/bff/src/layouts/service';
import { createLogger } from '../../../../apps/bff/src/lib/logger';
import { openStore } from '../../../../apps/bff/src/store/sqlite';
import { alternate, type Row } from '../harness';
import { signIn } from '../session';
import { load, startBare } from './snapshot-throughput';

const THEMES = ['overview', 'parking', 'trauma', 'eco'] as const;
const PROFILES = ['wall', 'ultrawide', 'desk'] as const;

/** Microseconds per effective-layout resolution over every region × theme × a few profiles. */
async function perResolutionUs(service: LayoutService, regions: readonly string[], passes: number) {
  const started = performance.now();
  let n = 0;
  for (let pass = 0; pass < passes; pass++)
    for (const theme of THEMES)
      for (const region of regions)
        for (const profile of PROFILES) {
          await service.effective(theme, region, profile);
          n++;
        }
  return ((performance.now() - started) * 1000) / n;
}

/**
 * Effective-layout resolution, in process: the cached service (region override > level default > theme
 * default, answer and ETag kept until a write) against the same service with the cache off (three store
 * reads and a serialisation per request), alternating, over every region of the county.
 */
async function resolutionRows(runs: number): Promise<Row[]> {
  const hierarchy = openGeography();
  const store = await openStore(mkdtempSync(join(tmpdir(), 'bench-layouts-')));
  try {
    const auth = new AuthService(store, hierarchy, createLogger('silent'));
    const cached = new LayoutService({ auth, seeds: [] });
    const uncached = new LayoutService({ auth, seeds: [], cache: false });
    const actor = { name: 'bench', ip: null, requestId: null };
    const regions = [...hierarchy.regions.keys()];
    const townships = regions.filter((c) => c.length === 9);
    for (const theme of THEMES) {
      await cached.create(layoutDoc({ theme }), actor);
      await cached.create(layoutDoc({ theme, level: 'township' }), actor);
      for (const code of townships.slice(0, 3))
        await cached.create(layoutDoc({ theme, level: 'township', regionCode: code }), actor);
    }
    await perResolutionUs(cached, regions, 1); // warm: JIT, and the cache filled
    await perResolutionUs(uncached, regions, 1);
    const r = await alternate(
      runs,
      () => perResolutionUs(cached, regions, 5),
      () => perResolutionUs(uncached, regions, 1),
    );
    return [
      {
        suite: 'layout',
        figure: `effective-layout resolution, cached (${regions.length} regions × ${THEMES.length} themes × ${PROFILES.length} profiles)`,
        unit: 'µs',
        subject: r.subject,
        baseline: r.baseline,
        ratio: r.subject / r.baseline,
        note: `lower is better; baseline = the same resolution uncached (store reads + JSON); ${(r.baseline / r.subject).toFixed(0)}× faster`,
      },
    ];
  } finally {
    await store.close();
  }
}

/**
 * GET /api/v1/layouts/effective over HTTP, signed in, 64 connections, against a bare Hono route returning
 * the same bytes: what the guard, the session and the cached resolution cost on top of the framework.
 */
async function routeRows(runs: number): Promise<Row[]> {
  // The BFF from its sources (no build needed for this suite).
  const bff = (await spawnBuiltBff({}, ['--import', 'tsx', 'src/server.ts'])) as {
    url: string;
    stop: () => Promise<void>;
  };
  try {
    const token = await signIn(bff.url);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (const document of [layoutDoc(), layoutDoc({ level: 'township' })]) {
      const res = await fetch(`${bff.url}/api/v1/layouts`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ document }),
      });
      // 409: a seeded layout holds the scope already, which serves as well.
      if (res.status !== 201 && res.status !== 409) throw new Error(`layout POST: ${res.status}`);
    }
    const url = `${bff.url}/api/v1/layouts/effective?theme=overview&region=331023105&profile=wall`;
    const body = await (await fetch(url, { headers })).text();
    const bare = await startBare(body);
    try {
      await load(url, headers);
      await load(`${bare.url}/snapshot`);
      const r = await alternate(
        Math.max(3, Math.min(runs, 5)),
        async () => (await load(url, headers)).rps,
        async () => (await load(`${bare.url}/snapshot`)).rps,
      );
      return [
        {
          suite: 'layout',
          figure: `GET /api/v1/layouts/effective throughput, signed in, 64 connections (${(body.length / 1024).toFixed(1)} KiB)`,
          unit: 'req/s',
          subject: r.subject,
          baseline: r.baseline,
          ratio: r.subject / r.baseline,
          note: 'baseline = bare Hono route, same bytes; the resolution is cached',
        },
      ];
    } finally {
      bare.stop();
    }
  } finally {
    await bff.stop();
  }
}

export async function layoutSuite(ctx: { runs: number }): Promise<Row[]> {
  return [...(await resolutionRows(ctx.runs)), ...(await routeRows(ctx.runs))];
}
