import {
  type ChangePasswordRequest,
  type LoginRequest,
  LoginResponse,
  MeResponse,
  PairingCreated,
  PairingState,
  type RevealRequest,
  RevealResponse,
  type SessionUser,
} from '@cockpit/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { errorOfResponse, sendJson } from '../lib/api';

/**
 * What the app knows about who is looking: signed in (a person or a paired wall device), signed out, or
 * signed in but bound to change the password before anything else.
 */
export type Session =
  | { state: 'signed-in'; user: SessionUser }
  | { state: 'signed-out' }
  | { state: 'must-change-password'; user: SessionUser | null };

export const SESSION_KEY = ['auth', 'me'] as const;

/** GET /auth/me, reading 401 as "signed out" (the normal answer before sign-in, not a failure). */
export async function fetchSession(signal?: AbortSignal): Promise<Session> {
  const response = await fetch('/api/v1/auth/me', { signal, headers: { Accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) return { state: 'signed-out' };
  if (!response.ok) {
    const error = errorOfResponse(response, body);
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') return { state: 'must-change-password', user: null };
    throw error;
  }
  return sessionOf(MeResponse.parse(body).user);
}

export function sessionOf(user: SessionUser): Session {
  return user.mustChangePassword ? { state: 'must-change-password', user } : { state: 'signed-in', user };
}

export const sessionQuery = () =>
  queryOptions({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    // Checked again on a 401 from any request or a dropped live stream, and every few minutes, so a
    // revoked session does not linger on a screen that makes no requests.
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
    retry: 2,
  });

/** The signed-in user; only under <RequireSession>, which renders nothing else without one. */
export function useSessionUser(): SessionUser | null {
  const { data } = useQuery(sessionQuery());
  return data?.state === 'signed-in' ? data.user : null;
}

export const login = (request: LoginRequest) =>
  sendJson('POST', '/api/v1/auth/login', request, LoginResponse, { quiet: true });

export const logout = () => sendJson('POST', '/api/v1/auth/logout', undefined, undefined, { quiet: true });

export const changePassword = (request: ChangePasswordRequest) =>
  sendJson('POST', '/api/v1/auth/password', request, undefined, { quiet: true });

export const createPairing = () =>
  sendJson('POST', '/api/v1/devices/pairings', undefined, PairingCreated, { quiet: true });

export async function pollPairing(pairingId: string, secret: string, signal?: AbortSignal) {
  return sendJsonGet(
    `/api/v1/devices/pairings/${encodeURIComponent(pairingId)}?secret=${encodeURIComponent(secret)}`,
    signal,
  );
}

async function sendJsonGet(path: string, signal?: AbortSignal) {
  const response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorOfResponse(response, body);
  return PairingState.parse(body);
}

export const revealPersonal = (request: RevealRequest) =>
  sendJson('POST', '/api/v1/personal/reveal', request, RevealResponse);
