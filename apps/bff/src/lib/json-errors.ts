import { ApiError } from '@cockpit/contracts';
import type { z } from '@hono/zod-openapi';

/** OpenAPI response entry for an error status, using the shared error shape. */
export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ApiError } } } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}
