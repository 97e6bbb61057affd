import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDelta, DeltaMismatchError, diffJson, type Json, jsonEqual } from './json-delta';

/** The wire form: what the BFF sends is JSON text, and so is what the web receives. */
const wire = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

describe('diffJson / applyDelta', () => {
  it('patching with the diff of any two JSON values gives the second value exactly', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const before = wire(a) as Json;
        const after = wire(b) as Json;
        const delta = diffJson(before, after);
        const copy = JSON.stringify(before);
        const patched = applyDelta(before, wire(delta));
        expect(JSON.stringify(before)).toBe(copy); // the base is not mutated
        expect(jsonEqual(patched, after)).toBe(true);
      }),
      { seed: 12, numRuns: 2000 },
    );
  });

  const entity = fc.record({
    id: fc.integer({ min: 0, max: 30 }),
    value: fc.oneof(fc.integer(), fc.constant(null)),
    name: fc.constantFrom('a', 'b', 'constructor', '__proto__'),
  });
  const entities = fc.uniqueArray(entity, { selector: (e) => e.id, maxLength: 12 });
  const snapshotLike = fc.record({
    generatedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    indicators: entities,
    series: fc.array(fc.record({ at: fc.integer(), value: fc.integer() }), { maxLength: 20 }),
  });

  it('is exact on snapshot-shaped values: entities added, moved, removed; series moving forward', () => {
    fc.assert(
      fc.property(snapshotLike, snapshotLike, fc.integer({ min: 0, max: 5 }), (a, b, drop) => {
        const moved = { ...b, series: [...a.series.slice(drop), ...b.series] };
        const delta = diffJson(a, moved);
        expect(applyDelta(wire(a), wire(delta))).toEqual(moved);
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  it('sends only what changed', () => {
    const a = {
      generatedAt: 't1',
      indicators: [
        { id: 'x', value: 1 },
        { id: 'y', value: 2 },
      ],
      points: [1, 2, 3],
    };
    const b = {
      generatedAt: 't2',
      indicators: [
        { id: 'y', value: 3 },
        { id: 'z', value: 4 },
      ],
      points: [2, 3, 4],
    };
    expect(diffJson(a, b)).toEqual({
      o: {
        generatedAt: { '=': 't2' },
        indicators: {
          k: 'id',
          r: ['x'],
          u: [['y', { o: { value: { '=': 3 } } }]],
          n: [{ id: 'z', value: 4 }],
        },
        points: { s: 1, a: [4] },
      },
    });
    expect(diffJson(a, wire(a))).toBeUndefined();
  });

  it('sends the order of entities when they moved', () => {
    const a = [{ code: 'a' }, { code: 'b' }, { code: 'c' }];
    const b = [{ code: 'c' }, { code: 'a' }, { code: 'b' }];
    expect(diffJson(a, b)).toEqual({ k: 'code', ord: ['c', 'a', 'b'] });
    expect(applyDelta(a, diffJson(a, b))).toEqual(b);
  });

  it('keeps keys named like Object.prototype members as plain data', () => {
    const a = JSON.parse('{"__proto__":{"x":1},"constructor":1}') as Json;
    const b = JSON.parse('{"__proto__":{"x":2},"toString":"t","hasOwnProperty":null}') as Json;
    const patched = applyDelta(a, wire(diffJson(a, b))) as Record<string, Json>;
    expect(Object.getPrototypeOf(patched)).toBe(Object.prototype);
    expect(JSON.stringify(patched)).toBe(JSON.stringify(b));
  });

  it('refuses a delta that does not fit its base instead of guessing', () => {
    expect(() => applyDelta(3, { s: 1, a: [] })).toThrow(DeltaMismatchError);
    expect(() => applyDelta([{ id: 1 }], { k: 'id', ord: [2] })).toThrow(DeltaMismatchError);
    expect(() => applyDelta([1], { i: { 4: { '=': 1 } } })).toThrow(DeltaMismatchError);
  });
});
