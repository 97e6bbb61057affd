import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id (a const enum, which this build cannot import). */
const OPTIONS = { algorithm: 2 as never };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password, OPTIONS);
  } catch {
    return false;
  }
}

/** A one-time password people can type: 16 characters without look-alikes (about 80 bits). */
export function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679';
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}
