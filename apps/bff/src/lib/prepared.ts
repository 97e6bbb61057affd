import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { AppEnv } from './create-router';
import { acceptsGzip, baseHeaders, requestHeader } from './http-headers';

/**
 * A response body made once and served many times: its ETag is computed once, and its gzip form the
 * first time a client asks for it. Snapshots and geometry go out this way, whatever the number of screens.
 */
export type Prepared = { body: string; etag: string; gzipped: () => Uint8Array<ArrayBuffer> };

export function prepare(body: string, sameAs?: string): Prepared {
  let gz: Uint8Array<ArrayBuffer> | undefined;
  return {
    body,
    // A weak ETag when the caller says what counts (e.g. everything but the time of the check): bodies that
    // differ only in that are equivalent, and a reload gets 304 (RFC 9110 §8.8.3, weak comparison).
    etag:
      sameAs === undefined
        ? `"${createHash('sha1').update(body).digest('base64url')}"`
        : `W/"${createHash('sha1').update(sameAs).digest('base64url')}"`,
    gzipped: () => {
      gz ??= new Uint8Array(gzipSync(body, { level: 6 }));
      return gz;
    },
  };
}

/** Sends a prepared body: 304 when the ETag matches, gzip when the client accepts it. */
export function sendPrepared(
  c: Context<AppEnv>,
  prepared: Prepared,
  contentType: string,
  cacheControl: string,
) {
  // The hot path of every screen: all headers go out as one plain object (see requestPipeline).
  c.set('baseHeadersSent', true);
  const headers: Record<string, string> = {
    ...baseHeaders(c.get('requestId')),
    ETag: prepared.etag,
    'Cache-Control': cacheControl,
    Vary: 'Accept-Encoding',
  };
  if (etagMatches(requestHeader(c, 'if-none-match'), prepared.etag)) return c.body(null, 304, headers);
  if (acceptsGzip(requestHeader(c, 'accept-encoding'))) {
    return c.body(prepared.gzipped(), 200, {
      ...headers,
      'Content-Type': contentType,
      'Content-Encoding': 'gzip',
    });
  }
  return c.body(prepared.body, 200, { ...headers, 'Content-Type': contentType });
}

/** If-None-Match against an ETag with weak comparison: a list of tags, `*`, or W/ prefixes on either side. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag) return true;
  const opaque = etag.startsWith('W/') ? etag.slice(2) : etag;
  for (const part of ifNoneMatch.split(',')) {
    const tag = part.trim();
    if (tag === '*' || (tag.startsWith('W/') ? tag.slice(2) : tag) === opaque) return true;
  }
  return false;
}
