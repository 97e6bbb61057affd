import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { MinHeap } from './heap';

describe('MinHeap', () => {
  it('pops keys in sorted order (property test against Array.sort, incl. duplicates and growth)', () => {
    const rnd = mulberry32(7);
    for (let trial = 0; trial < 200; trial++) {
      const n = Math.floor(rnd() * 300);
      const heap = new MinHeap(4);
      const keys: number[] = [];
      for (let i = 0; i < n; i++) {
        // Coarse keys to force many duplicates; a few negative / zero keys.
        const k = rnd() < 0.3 ? Math.floor(rnd() * 10) - 2 : rnd() * 1000;
        keys.push(k);
        heap.push(i, k);
      }
      expect(heap.size).toBe(n);
      const popped: number[] = [];
      const seenValues = new Set<number>();
      let valuesMatchKeys = true;
      while (heap.size > 0) {
        const v = heap.pop();
        popped.push(heap.poppedKey);
        valuesMatchKeys &&= keys[v] === heap.poppedKey; // value travels with its key
        seenValues.add(v);
      }
      expect(valuesMatchKeys).toBe(true);
      expect(popped).toEqual([...keys].sort((a, b) => a - b));
      expect(seenValues.size).toBe(n);
    }
  });

  it('interleaved push/pop matches a sorted-array reference', () => {
    const rnd = mulberry32(42);
    const heap = new MinHeap(2);
    const ref: number[] = [];
    for (let step = 0; step < 20_000; step++) {
      if (ref.length === 0 || rnd() < 0.55) {
        const k = Math.round(rnd() * 5000) / 10;
        heap.push(step, k);
        let i = ref.length;
        while (i > 0 && ref[i - 1]! > k) i--;
        ref.splice(i, 0, k);
      } else {
        expect(heap.peekKey()).toBe(ref[0]);
        heap.pop();
        expect(heap.poppedKey).toBe(ref.shift());
      }
      expect(heap.size).toBe(ref.length);
    }
  });

  it('empty heap: peekKey is Infinity, pop returns -1; clear resets', () => {
    const heap = new MinHeap();
    expect(heap.peekKey()).toBe(Number.POSITIVE_INFINITY);
    expect(heap.pop()).toBe(-1);
    heap.push(3, 1.5);
    heap.push(4, 0.5);
    expect(heap.peekValue()).toBe(4);
    heap.clear();
    expect(heap.size).toBe(0);
    expect(heap.pop()).toBe(-1);
  });

  it('supports decrease-key by lazy insertion (stale entries are skippable)', () => {
    const heap = new MinHeap();
    const best = new Float64Array([10, 20, 30]);
    heap.push(0, 10);
    heap.push(1, 20);
    heap.push(2, 30);
    best[2] = 5; // decrease key of value 2
    heap.push(2, 5);
    const order: number[] = [];
    while (heap.size > 0) {
      const v = heap.pop();
      if (heap.poppedKey > best[v]!) continue; // stale
      order.push(v);
    }
    expect(order).toEqual([2, 0, 1]);
  });
});
