import type { PermissionId } from '@cockpit/contracts';
import { DEVICE_COOKIE, SESSION_COOKIE } from '@cockpit/contracts';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../lib/create-router';
import { errorBody } from '../lib/errors';
import { requestHeader } from '../lib/http-headers';
import type { Actor, AuthService, Principal } from './service';

/**
 * How a route finds the region its answer belongs to, so the guard can check it against the scope:
 * - `param` / `query`: a region code in the path or query string;
 * - `lookup`: the region(s) of an entity (a lot, a station, live topics), found by the given function;
 *   undefined means "no such entity" and the handler answers 404;
 * - `filtered`: the handler returns only what lies inside the scope (search);
 * - `none`: the answer belongs to no region (the user's own session, admin lists, the catalogue); `why` says so.
 */
export type RegionSource =
  | { from: 'param'; name: string }
  | { from: 'query'; name: string }
  | { from: 'lookup'; regions: (c: Context<AppEnv>) => Promise<string[] | undefined> | string[] | undefined }
  | { from: 'filtered' }
  | { from: 'none'; why: string };

/** What a route declares: who may call it, and where its region comes from. */
export type AccessRule =
  | { public: true; why: string }
  | {
      /** The permission needed; 'signed-in' = any valid session or device. */
      permission: PermissionId | 'signed-in';
      region: RegionSource;
      /** Reachable while the user must still change the one-time password (me, logout, password). */
      duringPasswordChange?: boolean;
    };

export const ACCESS_RULE = Symbol('access rule');
export type GuardMiddleware = MiddlewareHandler<AppEnv> & { [ACCESS_RULE]: AccessRule };

/** The raw credential of a request: the bearer token, else the session cookie, else the device cookie. */
export function credentialOf(c: Context<AppEnv>): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const auth = requestHeader(c, 'authorization');
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), via: 'bearer' };
  const cookie = getCookie(c, SESSION_COOKIE) ?? getCookie(c, DEVICE_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

export function actorOf(c: Context<AppEnv>, name?: string): Actor {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return {
    name: name ?? c.get('principal')?.username ?? 'anonymous',
    ip: incoming?.socket?.remoteAddress ?? null,
    requestId: c.get('requestId') ?? null,
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A cookie-authenticated write from another origin is refused (bearer clients are not a browser's ambient credential). */
function foreignOrigin(c: Context<AppEnv>): boolean {
  const origin = requestHeader(c, 'origin');
  if (!origin) return false;
  const host = requestHeader(c, 'host') ?? new URL(c.req.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * The guard: a route's declaration and the one middleware that enforces it. Put it on every /api route
 * (createRoute's `middleware`, or before the handler of a plain route); a test fails on a route without one.
 * The AuthService comes from the context (set once in app.ts), so declarations can live in *.routes.ts.
 */
export function guard(rule: AccessRule): GuardMiddleware {
  const mw: MiddlewareHandler<AppEnv> = async (c, next) => {
    if ('public' in rule) return next();
    const auth = c.get('auth');
    const credential = credentialOf(c);
    const principal = credential ? await auth.resolve(credential.token) : undefined;
    if (!principal || !credential)
      return c.json(
        errorBody('UNAUTHENTICATED', credential ? 'The session has ended; sign in again' : 'Sign in first'),
        401,
      );
    c.set('principal', principal);
    c.set('credential', credential.token);
    if (credential.via === 'cookie' && UNSAFE.has(c.req.method) && foreignOrigin(c))
      return c.json(
        errorBody('FOREIGN_ORIGIN', 'Writes with a session cookie must come from this site'),
        403,
      );
    if (principal.mustChangePassword && !rule.duringPasswordChange)
      return c.json(errorBody('PASSWORD_CHANGE_REQUIRED', 'Change the one-time password first'), 403);
    if (rule.permission !== 'signed-in' && !principal.permissionSet.has(rule.permission))
      return deny(c, auth, principal, 'FORBIDDEN', `This needs the permission ${rule.permission}`);
    const codes = await regionsOf(c, rule.region);
    if (codes === 'invalid') return next(); // the route's own validation answers 400
    for (const code of codes ?? [])
      if (!auth.inScope(principal.scope, code))
        return deny(
          c,
          auth,
          principal,
          'OUT_OF_SCOPE',
          `Region ${code} is outside your scope (${principal.scope})`,
        );
    return next();
  };
  return Object.assign(mw, { [ACCESS_RULE]: rule });
}

const REGION_CODE = /^\d{6}(\d{3}(\d{3})?)?$/;

async function regionsOf(
  c: Context<AppEnv>,
  source: RegionSource,
): Promise<string[] | undefined | 'invalid'> {
  switch (source.from) {
    case 'param':
    case 'query': {
      const code = source.from === 'param' ? c.req.param(source.name) : c.req.query(source.name);
      if (code === undefined) return undefined;
      return REGION_CODE.test(code) ? [code] : 'invalid';
    }
    case 'lookup':
      return source.regions(c);
    default:
      return undefined;
  }
}

async function deny(c: Context<AppEnv>, auth: AuthService, p: Principal, code: string, message: string) {
  await auth.audit(
    actorOf(c, p.username),
    'access.denied',
    `${c.req.method} ${c.req.path}`,
    `${code}: ${message}`,
  );
  return c.json(errorBody(code, message), 403);
}

/** The route declaration of a middleware, if it is a guard. */
export function accessRuleOf(handler: unknown): AccessRule | undefined {
  return (handler as Partial<GuardMiddleware> | undefined)?.[ACCESS_RULE];
}
