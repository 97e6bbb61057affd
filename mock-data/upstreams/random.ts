/**
 * Seeded, stateless randomness. Every simulated value is a pure function of (seed, entity id, time bucket):
 * `hash32` mixes its parts into a 32-bit integer, `unit` maps that to [0, 1), and `valueNoise` interpolates
 * hashed lattice values into a smooth curve over time. Nothing here keeps state except `mulberry32`, a small
 * PRNG that is itself seeded from a hash (used inside one bucket to draw several values in order).
 */

import { mulberry32 } from '@cockpit/domain/random';

export { mulberry32 };

export type HashPart = string | number;

const TWO_32 = 4294967296;

function fmix32(h0: number): number {
  let h = h0 >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mixInt(h: number, k0: number): number {
  let k = Math.imul(k0 >>> 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let r = (h ^ k) >>> 0;
  r = (r << 13) | (r >>> 19);
  return (Math.imul(r, 5) + 0xe6546b64) >>> 0;
}

function mixPart(h: number, part: HashPart): number {
  if (typeof part === 'number') {
    const n = Number.isFinite(part) ? Math.floor(part) : 0;
    const lo = ((n % TWO_32) + TWO_32) % TWO_32;
    const hi = Math.floor(n / TWO_32);
    return mixInt(mixInt(mixInt(h, 0x6e756d), lo), hi | 0);
  }
  let s = mixInt(h, 0x737472 ^ part.length);
  for (let i = 0; i < part.length; i++) s = mixInt(s, part.charCodeAt(i));
  return s;
}

/** 32-bit hash of the parts (order matters). */
export function hash32(...parts: HashPart[]): number {
  let h = 0x9747b28c;
  for (const p of parts) h = mixPart(h, p);
  return fmix32(h ^ parts.length);
}

/** Uniform in [0, 1) from the parts. */
export function unit(...parts: HashPart[]): number {
  return hash32(...parts) / TWO_32;
}

/** Uniform in [-1, 1) from the parts. */
export function signed(...parts: HashPart[]): number {
  return unit(...parts) * 2 - 1;
}

/** Integer in [min, max] (inclusive) from the parts. */
export function intBetween(min: number, max: number, ...parts: HashPart[]): number {
  return min + Math.floor(unit(...parts) * (max - min + 1));
}

/** Picks one element of a non-empty list. */
export function pick<T>(list: readonly T[], ...parts: HashPart[]): T {
  const v = list[Math.floor(unit(...parts) * list.length)];
  if (v === undefined) throw new Error('pick from an empty list');
  return v;
}

/** Picks by weight (weights need not sum to 1). */
export function pickWeighted<T>(items: readonly (readonly [T, number])[], u: number): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = u * total;
  for (const [item, w] of items) {
    if (x < w) return item;
    x -= w;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('pickWeighted from an empty list');
  return last[0];
}

/** A PRNG seeded from the parts. */
export function rng(...parts: HashPart[]): () => number {
  return mulberry32(hash32(...parts));
}

/** Poisson sample with mean `lambda` using the given uniform source. */
export function poisson(lambda: number, next: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 40) {
    const g = gaussian(next);
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * g));
  }
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= next();
  } while (p > l);
  return k - 1;
}

/** Standard normal sample (Box–Muller) from the given uniform source. */
export function gaussian(next: () => number): number {
  const u1 = Math.max(next(), 1e-12);
  const u2 = next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function smoothstep(f: number): number {
  return f * f * (3 - 2 * f);
}

/**
 * Smooth 1-D value noise in [-1, 1]: hashed values at multiples of `periodMs`, interpolated with smoothstep.
 * Pure: the same (seed, key, t, period) always gives the same value.
 */
export function valueNoise(seed: number, key: string, t: number, periodMs: number): number {
  const x = t / periodMs;
  const i = Math.floor(x);
  const f = x - i;
  const a = signed(seed, key, periodMs, i);
  const b = signed(seed, key, periodMs, i + 1);
  return a + (b - a) * smoothstep(f);
}

/** Sum of octaves of value noise (coarse period first, each next octave half the period, half the weight). */
export function fbm(seed: number, key: string, t: number, periodMs: number, octaves = 3): number {
  let sum = 0;
  let amp = 1;
  let norm = 0;
  let period = periodMs;
  for (let o = 0; o < octaves; o++) {
    sum += amp * valueNoise(seed, `${key}#${o}`, t, period);
    norm += amp;
    amp /= 2;
    period /= 2;
  }
  return sum / norm;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}
