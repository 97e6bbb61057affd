import { createHash } from 'node:crypto';
import type { AuditInput } from './types';

/** The hash before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** sha256 over the previous row's hash and every field of this row (not its id, assigned on insert). */
export function auditHash(prevHash: string, at: string, e: AuditInput): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, at, e.actor, e.ip, e.requestId, e.action, e.target, e.summary]))
    .digest('hex');
}

export type ChainRow = AuditInput & { id: number; at: string; prevHash: string; hash: string };

export type ChainResult =
  | { ok: true; rows: number }
  | { ok: false; rows: number; firstBrokenId: number; reason: string };

/** Walks the rows in id order; names the first row whose link or own hash does not hold. */
export async function verifyChain(rows: AsyncIterable<ChainRow>): Promise<ChainResult> {
  let prev = GENESIS_HASH;
  let count = 0;
  for await (const row of rows) {
    count++;
    if (row.prevHash !== prev)
      return {
        ok: false,
        rows: count,
        firstBrokenId: row.id,
        reason: 'its prev_hash is not the hash of the row before it (a row was removed or altered)',
      };
    if (auditHash(row.prevHash, row.at, row) !== row.hash)
      return {
        ok: false,
        rows: count,
        firstBrokenId: row.id,
        reason: 'its content does not match its hash (the row was altered)',
      };
    prev = row.hash;
  }
  return { ok: true, rows: count };
}
