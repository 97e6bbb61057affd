/**
 * A structural diff of JSON values, exact by construction: `applyDelta(a, diffJson(a, b))` deep-equals `b`
 * for any JSON values a and b. Pure, no I/O: the BFF computes deltas for the live stream, the web applies
 * them to its query cache.
 *
 * The delta of a value that did not change is `undefined` (nothing is sent). Otherwise one of:
 * - `{"=": value}` — replace the whole value;
 * - `{"o": {key: delta}, "d": [key…]}` — an object: changed or added keys (a delta each), deleted keys;
 * - `{"k": "id", "r": [key…], "u": [[key, delta]…], "n": [item…], "ord": [key…]}` — an array of objects
 *   keyed by `id`, `code`, `regionCode` or `indicatorId`: removed keys, updated items (a delta each),
 *   new items; `ord` (the full key order) only when the order is not "old order minus removed, then new";
 * - `{"s": n, "a": [item…]}` — an array whose first n items were dropped and items appended (a series
 *   moving forward);
 * - `{"i": {index: delta}}` — an array of the same length, changed positions.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Key = string | number;
export type JsonDelta =
  | { '=': Json }
  | { o?: Record<string, JsonDelta>; d?: string[] }
  | { k: string; r?: Key[]; u?: [Key, JsonDelta][]; n?: Json[]; ord?: Key[] }
  | { s: number; a: Json[] }
  | { i: Record<string, JsonDelta> };

/** Fields that identify an item of an array of entities, in order of preference. */
export const ENTITY_KEYS = ['id', 'code', 'regionCode', 'indicatorId'] as const;

const isObject = (v: unknown): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: object, k: string) => Object.hasOwn(o, k);

/** Deep equality of JSON values (key order of objects does not matter). */
export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i]!, b[i]!)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!has(b, k) || !jsonEqual(a[k]!, b[k]!)) return false;
  return true;
}

/** Sets an own property, even one named `__proto__` (plain assignment would change the prototype). */
function put(o: Record<string, Json>, key: string, value: Json) {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The delta that turns `a` into `b`, or undefined when they are equal. */
export function diffJson(a: Json, b: Json): JsonDelta | undefined {
  if (jsonEqual(a, b)) return undefined;
  if (isObject(a) && isObject(b)) {
    const o: Record<string, JsonDelta> = {};
    const d: string[] = [];
    let changed = 0;
    for (const k of Object.keys(b)) {
      const sub = has(a, k) ? diffJson(a[k]!, b[k]!) : { '=': b[k]! };
      if (sub) {
        put(o as Record<string, Json>, k, sub as Json);
        changed++;
      }
    }
    for (const k of Object.keys(a)) if (!has(b, k)) d.push(k);
    return { ...(changed ? { o } : {}), ...(d.length ? { d } : {}) };
  }
  if (Array.isArray(a) && Array.isArray(b)) return diffArray(a, b) ?? { '=': b };
  return { '=': b };
}

function entityKey(a: Json[], b: Json[]): string | undefined {
  if (a.length === 0 && b.length === 0) return undefined;
  for (const field of ENTITY_KEYS) {
    if (uniqueKeys(a, field) && uniqueKeys(b, field)) return field;
  }
  return undefined;
}

function uniqueKeys(items: Json[], field: string): boolean {
  const seen = new Set<Key>();
  for (const item of items) {
    if (!isObject(item) || !has(item, field)) return false;
    const k = item[field];
    if ((typeof k !== 'string' && typeof k !== 'number') || seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

function diffArray(a: Json[], b: Json[]): JsonDelta | undefined {
  const field = entityKey(a, b);
  if (field) return diffKeyed(a as Record<string, Json>[], b as Record<string, Json>[], field);
  // A window moving forward: some items dropped at the front, some appended.
  const shift = findShift(a, b);
  if (shift !== undefined) return { s: shift, a: b.slice(a.length - shift) };
  if (a.length === b.length) {
    const i: Record<string, JsonDelta> = {};
    for (let x = 0; x < a.length; x++) {
      const sub = diffJson(a[x]!, b[x]!);
      if (sub) i[x] = sub;
    }
    return { i };
  }
  return undefined;
}

/** The smallest n such that a without its first n items is a non-empty prefix of b. */
function findShift(a: Json[], b: Json[]): number | undefined {
  // At least one item must be kept, or it is no cheaper than replacing the array.
  for (let n = 0; n < a.length; n++) {
    const rest = a.length - n;
    if (rest > b.length) continue;
    let ok = true;
    for (let x = 0; x < rest && ok; x++) ok = jsonEqual(a[n + x]!, b[x]!);
    if (ok) return n;
  }
  return undefined;
}

function diffKeyed(a: Record<string, Json>[], b: Record<string, Json>[], field: string): JsonDelta {
  const before = new Map<Key, Record<string, Json>>();
  for (const item of a) before.set(item[field] as Key, item);
  const after = new Set<Key>(b.map((item) => item[field] as Key));
  const r: Key[] = [];
  for (const k of before.keys()) if (!after.has(k)) r.push(k);
  const u: [Key, JsonDelta][] = [];
  const n: Json[] = [];
  for (const item of b) {
    const k = item[field] as Key;
    const old = before.get(k);
    if (!old) n.push(item);
    else {
      const sub = diffJson(old, item);
      if (sub) u.push([k, sub]);
    }
  }
  const naive = [
    ...a.map((i) => i[field] as Key).filter((k) => after.has(k)),
    ...n.map((i) => (i as Record<string, Json>)[field] as Key),
  ];
  const order = b.map((item) => item[field] as Key);
  const sameOrder = naive.length === order.length && naive.every((k, x) => k === order[x]);
  return {
    k: field,
    ...(r.length ? { r } : {}),
    ...(u.length ? { u } : {}),
    ...(n.length ? { n } : {}),
    ...(sameOrder ? {} : { ord: order }),
  };
}

export class DeltaMismatchError extends Error {}

/** Applies a delta made by diffJson to the value it was made from; returns a new value (the input is kept). */
export function applyDelta(base: Json, delta: JsonDelta | undefined): Json {
  if (delta === undefined) return base;
  if ('=' in delta) return delta['='];
  if ('k' in delta) {
    if (!Array.isArray(base)) throw new DeltaMismatchError('keyed delta on a non-array');
    const field = delta.k;
    const removed = new Set(delta.r ?? []);
    const updates = new Map(delta.u ?? []);
    const byKey = new Map<Key, Json>();
    const kept: Key[] = [];
    for (const item of base) {
      if (!isObject(item)) throw new DeltaMismatchError('keyed delta on an array of non-objects');
      const k = item[field] as Key;
      if (removed.has(k)) continue;
      const up = updates.get(k);
      byKey.set(k, up ? applyDelta(item, up) : item);
      kept.push(k);
    }
    for (const item of delta.n ?? []) {
      const k = (item as Record<string, Json>)[field] as Key;
      byKey.set(k, item);
      kept.push(k);
    }
    return (delta.ord ?? kept).map((k) => {
      const item = byKey.get(k);
      if (item === undefined) throw new DeltaMismatchError(`no item ${String(k)} to place`);
      return item;
    });
  }
  if ('s' in delta) {
    if (!Array.isArray(base) || base.length < delta.s) throw new DeltaMismatchError('shift past the end');
    return [...base.slice(delta.s), ...delta.a];
  }
  if ('i' in delta) {
    if (!Array.isArray(base)) throw new DeltaMismatchError('index delta on a non-array');
    const out = base.slice();
    for (const [x, sub] of Object.entries(delta.i)) {
      const at = Number(x);
      if (!(at < out.length)) throw new DeltaMismatchError('index past the end');
      out[at] = applyDelta(out[at]!, sub);
    }
    return out;
  }
  if (!isObject(base)) throw new DeltaMismatchError('object delta on a non-object');
  const out: Record<string, Json> = {};
  const deleted = new Set(delta.d ?? []);
  for (const k of Object.keys(base)) if (!deleted.has(k)) put(out, k, base[k]!);
  if (delta.o) {
    for (const k of Object.keys(delta.o)) {
      const sub = delta.o[k]!;
      put(out, k, has(out, k) ? applyDelta(out[k]!, sub) : applyDelta(null, sub));
    }
  }
  return out;
}
