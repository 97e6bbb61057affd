import { SPAWNED_ADMIN_PASSWORD, spawnBuiltBff } from '../../bff/scripts/spawn-built.mjs';
import { launch } from './browser';

const server = (await spawnBuiltBff({})) as { url: string; stop: () => Promise<void> };
const browser = await launch({ signedIn: false });
try {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: SPAWNED_ADMIN_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.addCookies([
    { name: 'cockpit_session', value: token, url: server.url, httpOnly: true, sameSite: 'Strict' },
  ]);
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(`${server.url}/${process.argv[2] ?? 'eco'}/331023?screen=wall`);
  await page
    .locator('[data-testid="map"][data-ready-region="331023"]')
    .waitFor({ state: 'attached', timeout: 240_000 });
  console.log('region ready');
  await page.screenshot({ path: '/tmp/probe.png', timeout: 120_000 });
  console.log((await page.content()).slice(0, 300));
  const t0 = Date.now();
  await page.evaluate(() => 1);
  console.log('eval ms', Date.now() - t0);
} finally {
  await browser.close();
  await server.stop();
}
