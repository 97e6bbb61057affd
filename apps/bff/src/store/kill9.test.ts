import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBuiltBff } from '../../scripts/spawn-built.mjs';
import { verifyChain } from './audit-chain';
import { openStore } from './sqlite';

/** The real BFF from source, as a child process, on an existing DATA_DIR. */
let sim: Awaited<ReturnType<typeof startSimulator>>;
const dataDir = mkdtempSync(join(tmpdir(), 'cockpit-kill9-'));
const ADMIN = 'kill9-admin-password';
const start = () =>
  spawnBuiltBff(
    {
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: ADMIN,
      SIM_EMBEDDED: 'false',
      UPSTREAM_PARKING_URL: sim.url,
      UPSTREAM_EMERGENCY_URL: sim.url,
      UPSTREAM_ENV_URL: sim.url,
      UPSTREAM_COUNTY_URL: sim.url,
      UPSTREAM_GRASSROOTS_URL: sim.url,
    },
    ['--import', 'tsx', 'src/server.ts'],
  );

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0 });
});
afterAll(async () => {
  await sim?.close();
});

async function login(url: string, username: string, password: string) {
  return fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

describe('durability', () => {
  it('keeps every acknowledged write across kill -9', { timeout: 180_000 }, async () => {
    const first = await start();
    const signedIn = await login(first.url, 'admin', ADMIN);
    expect(signedIn.status).toBe(200);
    const { token } = (await signedIn.json()) as { token: string };
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${first.url}/api/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          username: `kept-${i}`,
          displayName: `留存 ${i}`,
          password: 'kept-password-1',
          roles: ['viewer'],
          scope: '331023',
        }),
      });
      expect(res.status).toBe(201); // acknowledged
      created.push(`kept-${i}`);
    }
    const exited = new Promise((resolve) => first.child.once('exit', (_code, signal) => resolve(signal)));
    first.child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const second = await start();
    try {
      // The session issued before the kill still works, and every acknowledged user is there.
      const users = await fetch(`${second.url}/api/v1/users`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(users.status).toBe(200);
      const names = ((await users.json()) as { items: { username: string }[] }).items.map((u) => u.username);
      for (const name of created) expect(names).toContain(name);
      expect((await login(second.url, 'kept-4', 'kept-password-1')).status).toBe(200);
    } finally {
      await second.stop();
    }
    const store = await openStore(dataDir);
    const chain = await verifyChain(store.audit.all());
    await store.close();
    expect(chain).toMatchObject({ ok: true });
    expect(chain.rows).toBeGreaterThanOrEqual(created.length + 2);
  });
});
