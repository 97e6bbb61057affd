import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/passwords';
import type { createTestApp } from './create-test-app';

type TestApp = ReturnType<typeof createTestApp>;
export const FIXTURE_PASSWORD = 'fixture-password-1';
let hashed: Promise<string> | undefined;

/** A user stored directly (one shared argon2id hash keeps the suite fast), password already chosen. */
export async function addUser(
  app: TestApp,
  u: { username: string; roles: string[]; scope: string; enabled?: boolean; mustChangePassword?: boolean },
) {
  await app.ready;
  hashed ??= hashPassword(FIXTURE_PASSWORD);
  const id = randomUUID();
  await app.auth.store.users.insert({
    id,
    username: u.username,
    displayName: u.username,
    passwordHash: await hashed,
    departmentId: null,
    roles: u.roles,
    scope: u.scope,
    enabled: u.enabled ?? true,
    mustChangePassword: u.mustChangePassword ?? false,
    lastLoginAt: null,
    createdAt: new Date().toISOString(),
  });
  return id;
}

/** Signs in through the real login route; returns the bearer token and the Set-Cookie value. */
export async function signIn(app: TestApp, username: string, password = FIXTURE_PASSWORD) {
  const res = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'none' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string };
  return { token: body.token, cookie: res.headers.get('set-cookie') ?? '' };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
