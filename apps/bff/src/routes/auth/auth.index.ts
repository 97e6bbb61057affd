import {
  ChangePasswordRequest,
  DEVICE_COOKIE,
  LoginRequest,
  LoginResponse,
  MeResponse,
  SESSION_COOKIE,
} from '@cockpit/contracts';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { actorOf, guard } from '../../auth/access';
import { publicUser } from '../../auth/service';
import { type AppEnv, createRouter } from '../../lib/create-router';
import { HttpError } from '../../lib/errors';
import { errorResponse, jsonResponse } from '../../lib/json-errors';
import { DEVICE_COOKIE_MAX_AGE_S } from '../devices/devices.index';

const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const login = createRoute({
  method: 'post',
  path: '/api/v1/auth/login',
  tags: ['auth'],
  summary: 'Sign in with username and password: returns a bearer token and sets the session cookie',
  middleware: [guard({ public: true, why: 'signing in is how credentials are obtained' })],
  request: body(LoginRequest),
  responses: {
    200: jsonResponse(LoginResponse, 'Signed in'),
    400: errorResponse('Malformed body'),
    401: errorResponse('INVALID_CREDENTIALS: wrong username or password (never says which)'),
    429: errorResponse('RATE_LIMITED: too many failures for this username or address; see Retry-After'),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/api/v1/auth/logout',
  tags: ['auth'],
  summary: 'Sign out: revokes the session and clears the cookie',
  middleware: [
    guard({
      permission: 'signed-in',
      region: { from: 'none', why: "the caller's own session" },
      duringPasswordChange: true,
    }),
  ],
  responses: { 204: { description: 'Signed out' }, 401: errorResponse('Not signed in') },
});

const me = createRoute({
  method: 'get',
  path: '/api/v1/auth/me',
  tags: ['auth'],
  summary: 'The signed-in person or device: roles, permissions, scope',
  middleware: [
    guard({
      permission: 'signed-in',
      region: { from: 'none', why: "the caller's own identity" },
      duringPasswordChange: true,
    }),
  ],
  responses: { 200: jsonResponse(MeResponse, 'The principal'), 401: errorResponse('Not signed in') },
});

const changePassword = createRoute({
  method: 'post',
  path: '/api/v1/auth/password',
  tags: ['auth'],
  summary: 'Change the own password (required after a one-time or reset password); ends the other sessions',
  middleware: [
    guard({
      permission: 'signed-in',
      region: { from: 'none', why: "the caller's own password" },
      duringPasswordChange: true,
    }),
  ],
  request: body(ChangePasswordRequest),
  responses: {
    204: { description: 'Changed' },
    400: errorResponse('newPassword too short or equal to the current one'),
    401: errorResponse('The current password is wrong'),
  },
});

function secure(c: Context<AppEnv>) {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function authRouter() {
  return createRouter()
    .openapi(login, async (c) => {
      const { username, password } = c.req.valid('json');
      const auth = c.get('auth');
      try {
        const result = await auth.login(username, password, actorOf(c, username));
        setCookie(c, SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'Strict',
          path: '/',
          secure: secure(c),
          maxAge: Math.floor(auth.sessionTtlMs / 1000),
        });
        return c.json(result, 200);
      } catch (err) {
        if (err instanceof HttpError && err.status === 429)
          c.header('Retry-After', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
        throw err;
      }
    })
    .openapi(logout, async (c) => {
      const p = c.get('principal')!;
      if (p.kind === 'user') await c.get('auth').logout(p, actorOf(c));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(me, (c) => {
      const p = c.get('principal')!;
      if (p.kind === 'device' && getCookie(c, DEVICE_COOKIE) === c.get('credential'))
        setCookie(c, DEVICE_COOKIE, c.get('credential')!, {
          httpOnly: true,
          sameSite: 'Strict',
          path: '/',
          secure: secure(c),
          maxAge: DEVICE_COOKIE_MAX_AGE_S,
        });
      return c.json({ user: publicUser(p) }, 200);
    })
    .openapi(changePassword, async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      await c.get('auth').changePassword(c.get('principal')!, currentPassword, newPassword, actorOf(c));
      return c.body(null, 204);
    });
}
