import type { Browser } from 'playwright-core';
import { SPAWNED_ADMIN_PASSWORD } from '../../../apps/bff/scripts/spawn-built.mjs';

/** Signs in to the spawned BFF as its admin; returns the bearer token (also the session cookie's value). */
export async function signIn(bffUrl: string): Promise<string> {
  const res = await fetch(`${bffUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: SPAWNED_ADMIN_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Every fetch to the BFF in this process carries the session (suites measure a signed-in client). */
export function authoriseFetch(bffUrl: string, token: string) {
  const plain = globalThis.fetch;
  globalThis.fetch = (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(bffUrl)) return plain(input, init);
    const headers = new Headers(input instanceof Request ? input.headers : init.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    return plain(input, { ...init, headers });
  };
}

/** Every page the browser opens carries the session cookie. */
export function signedInBrowser(browser: Browser, bffUrl: string, token: string): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addCookies([
      { name: 'cockpit_session', value: token, url: bffUrl, httpOnly: true, sameSite: 'Strict' },
    ]);
    return context;
  };
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // The page's own context goes with it. When the browser itself is closing, the context is already gone:
    // its close then rejects (TargetClosedError), which used to end the whole bench run before it wrote results.
    page.once('close', () => {
      context.close().catch(() => undefined);
    });
    return page;
  };
  return browser;
}
