// Screenshots of cockpits on a wall canvas, and the pixel difference between two sets of them.
//
//   shoot:   tsx apps/web/e2e/screenshots.mts shoot <dir> [theme…]      (after `pnpm build`)
//   compare: tsx apps/web/e2e/screenshots.mts compare <beforeDir> <afterDir>
//
// `shoot` starts the built BFF (with its embedded simulator) on a free port, signs in, opens each theme at
// county level on the 4K wall (3840×2160, `?screen=wall`; `SHOTS_CANVAS=5760x1080` for another canvas), waits
// for the region on the map and every panel's data (conditions, no sleeps) and writes `<dir>/<theme>-wall.png`.
// `compare` prints, per image present in both folders, the share of pixels whose colour differs (sum of the
// channel differences > 48), decoded and compared in Chromium (no image library needed).
// tsx is installed in the workspace under mock-data: `pnpm --filter @cockpit/mock-data exec tsx ../apps/web/e2e/screenshots.mts …`.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { SPAWNED_ADMIN_PASSWORD, spawnBuiltBff } from '../../bff/scripts/spawn-built.mjs';
import { launch, waitForRegion } from './browser';

const COUNTY = '331023';

async function shoot(dir: string, themes: string[]) {
  mkdirSync(dir, { recursive: true });
  const canvas = process.env.SHOTS_CANVAS ?? '3840x2160';
  const [width, height] = canvas.split('x').map(Number) as [number, number];
  const server = (await spawnBuiltBff({ UPSTREAM_REFRESH_MS: '1000', LIVE_TICK_MS: '500' })) as {
    url: string;
    stop: () => Promise<void>;
  };
  const browser = await launch({ signedIn: false });
  try {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: SPAWNED_ADMIN_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    for (const theme of themes) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
      await context.addCookies([
        { name: 'cockpit_session', value: token, url: server.url, httpOnly: true, sameSite: 'Strict' },
      ]);
      const page = await context.newPage();
      await page.goto(`${server.url}/${theme}/${COUNTY}?screen=wall&canvas=${canvas}`);
      await waitForData(page);
      await waitForRegion(page, COUNTY);
      const file = join(dir, `${theme}-wall${canvas === '3840x2160' ? '' : `-${canvas}`}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Every panel has its data: panels are on screen, none says 加载中, and each panel footer names its time. */
async function waitForData(page: Page) {
  await page.waitForFunction(
    () => {
      const panels = [...document.querySelectorAll('.panel')];
      return (
        panels.length > 0 &&
        document.querySelectorAll('[data-testid="loading"]').length === 0 &&
        panels.every((p) => p.querySelector('.panel__footer .badge, .panel__footer .panel__at'))
      );
    },
    undefined,
    { timeout: 120_000, polling: 250 },
  );
}

async function compare(beforeDir: string, afterDir: string) {
  const names = readdirSync(beforeDir).filter((f) => f.endsWith('.png'));
  const browser = await launch({ signedIn: false });
  try {
    const page = await browser.newPage();
    // tsx (esbuild, keepNames) wraps named functions in `__name(…)`: give the blank page that helper.
    await page.evaluate('globalThis.__name = (f) => f');
    for (const name of names) {
      let after: Buffer;
      try {
        after = readFileSync(join(afterDir, name));
      } catch {
        console.log(`${name}: missing in ${afterDir}`);
        continue;
      }
      const before = readFileSync(join(beforeDir, name));
      const share = await page.evaluate(
        async ([a, b]) => {
          const load = async (b64: string) => {
            const img = new Image();
            img.src = `data:image/png;base64,${b64}`;
            await img.decode();
            const c = document.createElement('canvas');
            c.width = img.naturalWidth;
            c.height = img.naturalHeight;
            const ctx = c.getContext('2d');
            if (!ctx) throw new Error('no 2d context');
            ctx.drawImage(img, 0, 0);
            return ctx.getImageData(0, 0, c.width, c.height);
          };
          const [x, y] = [await load(a as string), await load(b as string)];
          if (x.width !== y.width || x.height !== y.height) return -1;
          let differing = 0;
          for (let i = 0; i < x.data.length; i += 4) {
            const d =
              Math.abs((x.data[i] ?? 0) - (y.data[i] ?? 0)) +
              Math.abs((x.data[i + 1] ?? 0) - (y.data[i + 1] ?? 0)) +
              Math.abs((x.data[i + 2] ?? 0) - (y.data[i + 2] ?? 0));
            if (d > 48) differing++;
          }
          return differing / (x.data.length / 4);
        },
        [before.toString('base64'), after.toString('base64')],
      );
      console.log(
        share < 0 ? `${name}: sizes differ` : `${name}: ${(share * 100).toFixed(2)} % of pixels differ`,
      );
    }
  } finally {
    await browser.close();
  }
}

const [mode, a, b, ...rest] = process.argv.slice(2);
if (mode === 'shoot' && a) {
  await shoot(
    resolve(a),
    [b, ...rest].filter((x): x is string => Boolean(x)).length ? [b as string, ...rest] : ['trauma', 'eco'],
  );
} else if (mode === 'compare' && a && b) {
  await compare(resolve(a), resolve(b));
} else {
  console.error('usage: screenshots.mts shoot <dir> [theme…] | compare <beforeDir> <afterDir>');
  process.exit(2);
}
