import { DEVICE_COOKIE, SESSION_COOKIE } from '@cockpit/contracts';
import { rawHeader } from '../lib/http-headers';
import type { AuthService } from './service';

const SNAPSHOT_REGION = /^\/api\/v1\/cockpits\/([a-z]+)\/(\d{6}|\d{9}|\d{12})\/snapshot(?:\?|$)/;
const COOKIE = new RegExp(`(?:^|;\\s*)(?:${SESSION_COOKIE}|${DEVICE_COOKIE})=([^;]+)`);

type NodeEnv = { incoming?: { rawHeaders: string[]; url?: string } };

/**
 * May the snapshot hot path (lib/fast-snapshot.ts) answer this request synchronously? Only when the
 * credential's principal is already cached (checked within the recheck interval) and may see the region:
 * cockpit:view, no pending password change, region inside the scope. Anything else goes through the app,
 * whose guard gives the proper 401/403 (and refreshes the cache).
 */
export function fastPathAllowed(auth: AuthService) {
  return (env: unknown): boolean => {
    const incoming = (env as NodeEnv | undefined)?.incoming;
    const match = incoming?.url ? SNAPSHOT_REGION.exec(incoming.url) : null;
    if (!match || !incoming) return false;
    const authorization = rawHeader(incoming.rawHeaders, 'authorization');
    const token = authorization?.startsWith('Bearer ')
      ? authorization.slice(7).trim()
      : COOKIE.exec(rawHeader(incoming.rawHeaders, 'cookie') ?? '')?.[1];
    const p = token ? auth.cached(token) : undefined;
    return (
      !!p &&
      !p.mustChangePassword &&
      p.permissionSet.has('cockpit:view') &&
      auth.inScope(p.scope, match[2]!) &&
      // The shared grassroots snapshot masks grid workers' names: personal:view gets its copy from the app.
      !(match[1] === 'grassroots' && p.permissionSet.has('personal:view'))
    );
  };
}
