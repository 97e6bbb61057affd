/** Pure rules of the session in the web app: where to go after sign-in, what a scope covers. */

/** The principal as far as routing needs it (a SessionUser fits). */
export type Principal = { scope: string; permissions: readonly string[] };

const LOGIN = '/login';

/**
 * The `next` parameter of the sign-in page, kept only when it is a path on this site (starting with one `/`),
 * so a crafted link cannot send the user elsewhere after signing in. The sign-in page itself and the root
 * (which leads to the user's own region anyway) give null.
 */
export function safeNext(raw: string | null | undefined): string | null {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  if ([...raw].some((ch) => ch.charCodeAt(0) < 0x20)) return null;
  const path = raw.split(/[?#]/)[0] ?? '';
  if (path === '/' || path === LOGIN || path.startsWith(`${LOGIN}/`)) return null;
  return raw;
}

/** The sign-in page that brings the user back to `here` (path + search) afterwards. */
export function loginHref(here: string): string {
  const next = safeNext(here);
  return next ? `${LOGIN}?next=${encodeURIComponent(next)}` : LOGIN;
}

/** Keeps only the presentation parameters (screen, canvas, lang) of a query string. */
export function presentationSearch(search: string): string {
  const from = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of ['screen', 'canvas', 'lang']) {
    const value = from.get(key);
    if (value !== null) kept.set(key, value);
  }
  const s = kept.toString();
  return s ? `?${s}` : '';
}

/** A user's own starting page: the overview of their scope region. */
export function homePath(user: Principal, search = ''): string {
  return `/overview/${user.scope}${presentationSearch(search)}`;
}

/** Where the sign-in page sends a user who just signed in. */
export function afterLoginPath(user: Principal, nextParam: string | null, search = ''): string {
  return safeNext(nextParam) ?? homePath(user, search);
}

/**
 * Region codes are hierarchical (331023 county · 331023105 township · 331023105200 village), so a region is
 * inside a scope when its code starts with the scope's code.
 */
export function inScope(scope: string, regionCode: string): boolean {
  return regionCode.startsWith(scope);
}

/** The breadcrumb of a scoped user starts at their scope: ancestors above it are left out. */
export function pathWithinScope<T extends { code: string }>(path: readonly T[], scope: string): T[] {
  return path.filter((region) => inScope(scope, region.code));
}

export function can(user: Principal | null | undefined, permission: string): boolean {
  return Boolean(user?.permissions.includes(permission));
}

/** The region code of a cockpit path (`/parking/331023105` → 331023105), or null for other pages. */
export function regionOfPath(pathname: string): string | null {
  const match = /^\/[a-z]+\/(\d{6,12})\/?$/.exec(pathname);
  return match?.[1] ?? null;
}

/**
 * Where a wall goes once its pairing is approved: it stays on its page when that page is inside the device's
 * scope, otherwise it opens the overview of its scope (keeping screen, canvas, language).
 */
export function afterPairingPath(device: Principal, pathname: string, search: string): string | null {
  const region = regionOfPath(pathname);
  if (region && inScope(device.scope, region)) return null;
  return homePath(device, search || '?screen=wall');
}
