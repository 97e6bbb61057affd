import { describe, expect, it } from 'vitest';
import { idwGrid, sampleIdw } from './idw';

// On the equator, haversine distance is proportional to the longitude difference, so weights are exact.
const A = { lon: 0, lat: 0, value: 10 };
const B = { lon: 0.2, lat: 0, value: 30 };

describe('sampleIdw', () => {
  it('is exact at a station', () => {
    expect(sampleIdw([A, B], 0, 0)).toBe(10);
    expect(sampleIdw([A, B], 0.2, 0)).toBe(30);
    const tiantai = [
      { lon: 121.03, lat: 29.14, value: 37 },
      { lon: 121.1, lat: 29.2, value: 12 },
    ];
    expect(sampleIdw(tiantai, 121.03, 29.14)).toBe(37);
  });

  it('hand-checked weights with p = 2: a quarter of the way → 12', () => {
    // d = 1 : 3 → w = 1 : 1/9 → (10 + 30/9) / (1 + 1/9) = 12.
    expect(sampleIdw([A, B], 0.05, 0)).toBeCloseTo(12, 9);
    // p = 1: w = 1 : 1/3 → (10 + 10) / (4/3) = 15.
    expect(sampleIdw([A, B], 0.05, 0, { power: 1 })).toBeCloseTo(15, 9);
  });

  it('is symmetric: the midpoint is the mean, mirror points sum to 40', () => {
    expect(sampleIdw([A, B], 0.1, 0)).toBeCloseTo(20, 9);
    for (const x of [0.01, 0.03, 0.07, 0.25, -0.1]) {
      expect(sampleIdw([A, B], x, 0) + sampleIdw([A, B], 0.2 - x, 0)).toBeCloseTo(40, 9);
    }
    // Off the line, symmetric about it.
    expect(sampleIdw([A, B], 0.05, 0.03)).toBeCloseTo(sampleIdw([A, B], 0.05, -0.03), 9);
  });

  it('is monotonic between two stations', () => {
    let prev = Number.NEGATIVE_INFINITY;
    for (let i = 0; i <= 40; i++) {
      const v = sampleIdw([A, B], (0.2 * i) / 40, 0);
      expect(v).toBeGreaterThan(prev);
      prev = v;
    }
  });

  it('search radius: no station within → NaN; only stations within contribute', () => {
    // 0.05° on the equator ≈ 5.56 km.
    expect(sampleIdw([A, B], 0.05, 0, { radiusM: 10_000 })).toBe(10);
    expect(Number.isNaN(sampleIdw([A, B], 1, 0, { radiusM: 10_000 }))).toBe(true);
    expect(Number.isNaN(sampleIdw([], 0, 0))).toBe(true);
  });

  it('ignores stations without a value', () => {
    expect(sampleIdw([A, { lon: 0.1, lat: 0, value: Number.NaN }, B], 0.1, 0)).toBeCloseTo(20, 9);
  });
});

describe('idwGrid', () => {
  const stations = [
    { lon: 121.0, lat: 29.3, value: 80 },
    { lon: 121.2, lat: 29.0, value: 20 },
    { lon: 120.9, lat: 29.1, value: 45 },
    { lon: 121.3, lat: 29.25, value: 60 },
  ];

  it('lays out cells from the north-west corner, row-major', () => {
    const g = idwGrid([A, B], { bbox: [0, -0.1, 0.3, 0.1], cellSizeDeg: 0.1 });
    expect(g.cols).toBe(3);
    expect(g.rows).toBe(2);
    expect(g.values).toBeInstanceOf(Float32Array);
    expect(g.values).toHaveLength(6);
    expect(g.method).toBe('IDW p=2');
    // Cell (row 0, col 0) centre (0.05, 0.05); (row 1, col 0) centre (0.05, −0.05): mirror images.
    expect(g.values[0]).toBeCloseTo(sampleIdw([A, B], 0.05, 0.05), 4);
    expect(g.values[3]).toBeCloseTo(g.values[0]!, 4);
    // Column 1 is centred on lon 0.15, nearer B.
    expect(g.values[1]!).toBeGreaterThan(20);
    expect(g.bbox).toEqual([0, -0.1, 0.30000000000000004, 0.1]);
  });

  it('handles a bbox width that is a float multiple of the cell size', () => {
    const g = idwGrid(stations, { bbox: [120.9, 29.0, 121.2, 29.3], cellSizeDeg: 0.1 });
    expect([g.cols, g.rows]).toEqual([3, 3]);
    const g2 = idwGrid(stations, { bbox: [120.9, 29.0, 121.25, 29.3], cellSizeDeg: [0.1, 0.05] });
    expect([g2.cols, g2.rows]).toEqual([4, 6]);
  });

  it('stays within the min and max of the station values', () => {
    const g = idwGrid(stations, { bbox: [120.8, 28.9, 121.4, 29.4], cellSizeDeg: 0.01 });
    expect(g.values.length).toBe(g.cols * g.rows);
    for (const v of g.values) {
      expect(v).toBeGreaterThanOrEqual(20 - 1e-4);
      expect(v).toBeLessThanOrEqual(80 + 1e-4);
    }
  });

  it('cells beyond the radius from every station are NaN', () => {
    const g = idwGrid([A], { bbox: [0, 0, 1, 0.1], cellSizeDeg: 0.1, radiusM: 20_000 });
    expect(g.values[0]).toBe(10);
    expect(Number.isNaN(g.values[9]!)).toBe(true);
  });

  it('validates its input', () => {
    expect(() => idwGrid(stations, { bbox: [1, 0, 0, 1], cellSizeDeg: 0.1 })).toThrow(RangeError);
    expect(() => idwGrid(stations, { bbox: [0, 0, 1, 1], cellSizeDeg: 0 })).toThrow(RangeError);
    expect(() => sampleIdw(stations, 0, 0, { power: -1 })).toThrow(RangeError);
    expect(() => sampleIdw([{ lon: Number.NaN, lat: 0, value: 1 }], 0, 0)).toThrow(RangeError);
  });
});
