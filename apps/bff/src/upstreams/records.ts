import { formatBeijing, parseBeijingLocal } from '@cockpit/domain/time';
import type { z } from 'zod';
import { type UpstreamClient, UpstreamError } from './http-client';

const MAX_DROPPED_SAMPLES = 20;

/**
 * Validates each upstream record on its own: a bad record is dropped and counted, never passed on and never
 * fatal. If every record of a non-empty answer is bad (a renamed field, say), the answer as a whole is
 * unusable and the call fails, so the last good data is kept instead of being replaced by nothing.
 */
export function parseRecords<S extends z.ZodType>(
  client: Pick<UpstreamClient, 'system' | 'droppedRecords'> &
    Partial<Pick<UpstreamClient, 'recordsSeen' | 'droppedSamples'>>,
  schema: S,
  rows: readonly unknown[],
  what: string,
): z.infer<S>[] {
  const valid: z.infer<S>[] = [];
  let firstIssue: string | undefined;
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) valid.push(parsed.data);
    else {
      const issue = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      firstIssue ??= issue;
      // Kept (a few) for the abnormal-data findings; masked before they are stored.
      if (client.droppedSamples && client.droppedSamples.length < MAX_DROPPED_SAMPLES)
        client.droppedSamples.push({ at: Date.now(), what, issue, record: row });
    }
  }
  if (client.recordsSeen !== undefined) client.recordsSeen += rows.length;
  const dropped = rows.length - valid.length;
  client.droppedRecords += dropped;
  if (rows.length > 0 && valid.length === 0) {
    throw new UpstreamError(
      client.system,
      'malformed',
      `all ${rows.length} ${what} records failed validation (${firstIssue})`,
    );
  }
  return valid;
}

/** Parses an envelope; a wrong envelope means the answer is unusable. */
export function parseEnvelope<S extends z.ZodType>(
  client: Pick<UpstreamClient, 'system'>,
  schema: S,
  body: unknown,
  what: string,
): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new UpstreamError(
      client.system,
      'malformed',
      `unexpected ${what} envelope: ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}

/** "yyyy-MM-dd HH:mm:ss" in Beijing time (UTC+8, no DST) → ISO 8601 UTC. Undefined if malformed. */
export function beijingToIso(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return undefined;
  const ms = parseBeijingLocal(text);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** ISO 8601 UTC → "yyyy-MM-dd HH:mm:ss" Beijing time, for vendor query parameters. */
export function isoToBeijing(ms: number): string {
  return formatBeijing(ms);
}
