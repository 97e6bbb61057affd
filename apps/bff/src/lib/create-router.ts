import { type Hook, OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { errorBody } from './errors';

export type AppEnv = Env & { Variables: { requestId: string } };

/** The one validation hook: every zod failure answers 400 in the shared error shape. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (!result.success) {
    const details = result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
      code: issue.code,
    }));
    const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
    return c.json(errorBody('VALIDATION', `Invalid request: ${summary}`, details), 400);
  }
};

export function createRouter() {
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook });
}
