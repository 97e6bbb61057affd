import { ApiError } from '@cockpit/contracts';
import type { z } from 'zod';

/** An API answer that was not 2xx, carrying the shared error shape when the BFF sent one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
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
  if (!response.ok) {
    const parsed = ApiError.safeParse(body);
    if (parsed.success)
      throw new ApiRequestError(response.status, parsed.data.error.code, parsed.data.error.message);
    throw new ApiRequestError(response.status, 'HTTP', `${response.status} ${response.statusText}`);
  }
  return schema.parse(body);
}

/** GET without a contract (e.g. GeoJSON, validated loosely by the map code). */
export async function getRaw(path: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(path, { signal });
  if (!response.ok) throw new ApiRequestError(response.status, 'HTTP', `${response.status} ${path}`);
  return response.json();
}
