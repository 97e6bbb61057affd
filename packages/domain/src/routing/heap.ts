/**
 * Binary min-heap of `(key: float64, value: uint32)` pairs stored in typed arrays.
 *
 * Decrease-key is done by lazy insertion: push the node again with the smaller key and
 * let the consumer skip stale entries when popped (compare the popped key with its
 * current best). The arrays grow by doubling and are reused across `clear()` calls.
 */
export class MinHeap {
  private keys: Float64Array;
  private values: Uint32Array;
  /** Number of entries. */
  size = 0;
  /** Key of the entry removed by the last `pop()`. */
  poppedKey = Number.NaN;

  constructor(initialCapacity = 64) {
    const cap = Math.max(4, initialCapacity | 0);
    this.keys = new Float64Array(cap);
    this.values = new Uint32Array(cap);
  }

  clear(): void {
    this.size = 0;
  }

  /** Smallest key, or `Infinity` when empty. */
  peekKey(): number {
    return this.size > 0 ? this.keys[0]! : Number.POSITIVE_INFINITY;
  }

  /** Value with the smallest key (undefined behaviour when empty: returns 0). */
  peekValue(): number {
    return this.values[0]!;
  }

  push(value: number, key: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const values = this.values;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk <= key) break;
      keys[i] = pk;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Remove the minimum and return its value (its key is left in `poppedKey`). Returns -1 when empty. */
  pop(): number {
    if (this.size === 0) {
      this.poppedKey = Number.NaN;
      return -1;
    }
    const keys = this.keys;
    const values = this.values;
    const top = values[0]!;
    this.poppedKey = keys[0]!;
    const n = --this.size;
    if (n > 0) {
      const key = keys[n]!;
      const value = values[n]!;
      let i = 0;
      const half = n >> 1;
      while (i < half) {
        let child = 2 * i + 1;
        let ck = keys[child]!;
        const right = child + 1;
        if (right < n) {
          const rk = keys[right]!;
          if (rk < ck) {
            child = right;
            ck = rk;
          }
        }
        if (ck >= key) break;
        keys[i] = ck;
        values[i] = values[child]!;
        i = child;
      }
      keys[i] = key;
      values[i] = value;
    }
    return top;
  }

  private grow(): void {
    const cap = this.keys.length * 2;
    const keys = new Float64Array(cap);
    keys.set(this.keys);
    const values = new Uint32Array(cap);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
  }
}
