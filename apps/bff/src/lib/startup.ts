import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';

/**
 * What the server process says at start-up, as plain lines for a person at a terminal: why it cannot listen,
 * where it can be reached, and what in its configuration looks wrong. No stack traces.
 */

/** One line explaining why the BFF could not listen on PORT, naming the variable that changes it. */
export async function describeListenError(
  err: NodeJS.ErrnoException,
  where: { host: string; port: number },
): Promise<string> {
  const fix = 'set PORT to another port (0 = any free one)';
  if (err.code === 'EADDRINUSE') {
    const holder = await probeCockpit(where.host, where.port);
    return holder
      ? `PORT ${where.port} on ${where.host} is already served by another running cockpit BFF: stop it, or ${fix}`
      : `PORT ${where.port} on ${where.host} is already in use by another program: free it, or ${fix}`;
  }
  if (err.code === 'EACCES') return `PORT ${where.port} needs privileges this user lacks: ${fix}`;
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
    return `HOST ${where.host} is not an address of this machine: set HOST to one of its addresses, or 0.0.0.0 for all`;
  return `cannot listen on ${where.host}:${where.port} (${err.code ?? err.message}): check HOST and PORT`;
}

async function probeCockpit(host: string, port: number): Promise<boolean> {
  const probeHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  try {
    const res = await fetch(`http://${probeHost}:${port}/api/v1/health`, {
      signal: AbortSignal.timeout(2000),
    });
    const body: unknown = await res.json();
    return body !== null && typeof body === 'object' && 'upstreams' in body && 'uptimeSeconds' in body;
  } catch {
    return false;
  }
}

/**
 * The URLs people can open: the bound address itself, or — for a wildcard HOST (0.0.0.0, ::) — every address
 * of this machine's interfaces (loopback first), since "http://0.0.0.0:8080" cannot be opened from a wall.
 */
export function reachableUrls(boundAddress: string, port: number): string[] {
  const wildcard = boundAddress === '0.0.0.0' || boundAddress === '::';
  const format = (a: string) => `http://${a.includes(':') ? `[${a}]` : a}:${port}`;
  if (!wildcard) return [format(boundAddress)];
  const v4Only = boundAddress === '0.0.0.0';
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined)
    .filter((i) => (v4Only ? i.family === 'IPv4' : true))
    // Link-local IPv6 needs a zone id to be usable in a URL; leave it out.
    .filter((i) => !(i.family === 'IPv6' && i.address.startsWith('fe80:')))
    .sort((a, b) => Number(b.internal) - Number(a.internal))
    .map((i) => i.address);
  return addresses.length > 0 ? addresses.map(format) : [format('127.0.0.1')];
}

/** A warning when WEB_DIST holds no built SPA (the API still runs; the screens would be 404s). */
export function webDistWarning(webDist: string): string | undefined {
  if (existsSync(join(webDist, 'index.html'))) return undefined;
  return `WEB_DIST (${webDist}) has no index.html, so only the API is served: run \`pnpm build\`, or set WEB_DIST to the built app`;
}
