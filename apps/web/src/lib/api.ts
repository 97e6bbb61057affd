import { ApiError } from '@cockpit/contracts';
import type { z } from 'zod';

/** An API answer that was not 2xx, carrying the shared error shape when the BFF sent one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds from a 429's `Retry-After`, when the BFF sent one. */
    readonly retryAfterSeconds: number | null = null,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/**
 * Listeners told when the session is gone (401) or must change its password (403 PASSWORD_CHANGE_REQUIRED),
 * whichever request found out. The auth layer subscribes and sends the user to sign-in.
 */
const authListeners = new Set<(error: ApiRequestError) => void>();

export function onAuthError(listener: (error: ApiRequestError) => void): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

/** Whether an error means "sign in again" or "change your password first", not "no access". */
export function isSessionError(error: ApiRequestError): boolean {
  return error.status === 401 || (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED');
}

/** Builds the error for a non-2xx answer from its body (the shared shape, when present). */
export function errorOfResponse(response: Response, body: unknown): ApiRequestError {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  const parsed = ApiError.safeParse(body);
  if (parsed.success)
    return new ApiRequestError(
      response.status,
      parsed.data.error.code,
      parsed.data.error.message,
      retryAfterSeconds,
      parsed.data.error.details,
    );
  return new ApiRequestError(
    response.status,
    'HTTP',
    `${response.status} ${response.statusText}`,
    retryAfterSeconds,
  );
}

function fail(error: ApiRequestError, notify: boolean): never {
  if (notify && isSessionError(error)) for (const listener of authListeners) listener(error);
  throw error;
}

/**
 * GET a JSON resource from the BFF (same origin) and validate it against its contract, so a server/client
 * mismatch fails loudly at the boundary instead of as `undefined` deep in a panel.
 */
export async function getJson<T extends z.ZodType>(
  path: string,
  schema: T,
  signal?: AbortSignal,
): Promise<z.infer<T>> {
  const response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) fail(errorOfResponse(response, body), true);
  return schema.parse(body);
}

/** GET without a contract (e.g. GeoJSON, validated loosely by the map code). */
export async function getRaw(path: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(path, { signal });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    fail(errorOfResponse(response, body), true);
  }
  return response.json();
}

type SendOptions = {
  /** Don't tell the auth listeners about a 401 (sign-in itself answers 401 for a wrong password). */
  quiet?: boolean;
  signal?: AbortSignal;
};

/**
 * POST / PATCH / DELETE JSON to the BFF. The session cookie goes along (same origin); a body is validated
 * against `schema` when one is given, otherwise the answer (often 204) is ignored.
 */
export async function sendJson<T extends z.ZodType>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  payload: unknown,
  schema?: T,
  options: SendOptions = {},
): Promise<z.infer<T>> {
  const response = await fetch(path, {
    method,
    signal: options.signal,
    headers: {
      Accept: 'application/json',
      ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) fail(errorOfResponse(response, body), !options.quiet);
  return (schema ? schema.parse(body) : undefined) as z.infer<T>;
}
