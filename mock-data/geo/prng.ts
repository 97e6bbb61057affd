/**
 * Tiny seeded pseudo-random generators (public-domain algorithms by bryc), so the derivation never
 * depends on `Math.random` and produces the same output on every run and platform.
 */

import { mulberry32 } from '@cockpit/domain/random';

export { mulberry32 };

/** xmur3 string hash: returns a generator of 32-bit seeds derived from `text`. */
export function xmur3(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/** A PRNG seeded from a string (e.g. a village code). */
export function seededRandom(key: string): () => number {
  return mulberry32(xmur3(key)());
}
