import { type Hook, OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { z } from 'zod';
import { errorBody } from './errors';

export type AppEnv = Env & {
  Variables: {
    requestId: string;
    /** Set by a hot-path handler that already sent the base headers itself (see lib/http-headers.ts). */
    baseHeadersSent?: boolean;
    /** The signed-in person or device, set by the guard (auth/access.ts). */
    principal?: import('../auth/service').Principal;
    /** The raw credential the principal was resolved from (live streams re-check it). */
    credential?: string;
    auth: import('../auth/service').AuthService;
  };
};

/** The 400 body for a zod failure: every failing field, in the shared error shape. */
export function validationError(error: z.ZodError) {
  const details = error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
    code: issue.code,
  }));
  const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
  return errorBody('VALIDATION', `Invalid request: ${summary}`, details);
}

/** The one validation hook: every zod failure answers 400 in the shared error shape. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (!result.success) return c.json(validationError(result.error), 400);
};

export function createRouter() {
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook });
}
