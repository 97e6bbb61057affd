import type { ApiError } from '@cockpit/contracts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error that maps to an HTTP status and the shared error shape. Throw it from handlers. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function errorBody(code: string, message: string, details?: unknown): ApiError {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}
