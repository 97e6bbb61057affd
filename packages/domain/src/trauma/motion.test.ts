import { describe, expect, it } from 'vitest';
import { bearingDeg, interpolateFix } from './motion';

describe('bearingDeg', () => {
  it('cardinal directions from the equator', () => {
    const o = { lon: 0, lat: 0 };
    expect(bearingDeg(o, { lon: 0, lat: 1 })).toBe(0);
    expect(bearingDeg(o, { lon: 1, lat: 0 })).toBeCloseTo(90, 12);
    expect(bearingDeg(o, { lon: 0, lat: -1 })).toBeCloseTo(180, 12);
    expect(bearingDeg(o, { lon: -1, lat: 0 })).toBeCloseTo(270, 12);
    expect(bearingDeg(o, o)).toBe(0);
  });

  it('initial great-circle bearing at Tiantai: due east starts slightly north of east', () => {
    // tan θ = cos φ2 sin Δλ / (cos φ1 sin φ2 − sin φ1 cos φ2 cos Δλ); at 29.14°N over 0.1° → ≈ 89.976°.
    const b = bearingDeg({ lon: 121.0, lat: 29.14 }, { lon: 121.1, lat: 29.14 });
    expect(b).toBeLessThan(90);
    expect(b).toBeGreaterThan(89.9);
    const ne = bearingDeg({ lon: 121.0, lat: 29.14 }, { lon: 121.01, lat: 29.15 });
    // Δx = 0.01° × cos 29.14° ≈ 0.00873, Δy = 0.01 → atan(0.873) ≈ 41.1°.
    expect(ne).toBeCloseTo(41.1, 0);
    expect(bearingDeg({ lon: 121.0, lat: 29.14 }, { lon: 120.99, lat: 29.13 })).toBeCloseTo(180 + 41.1, 0);
  });
});

describe('interpolateFix', () => {
  const a = { lon: 121.0, lat: 29.1, atMs: 1000 };
  const b = { lon: 121.002, lat: 29.102, atMs: 3000 };

  it('interpolates linearly and heads from a to b', () => {
    const p = interpolateFix(a, b, 1500);
    expect(p.t).toBe(0.25);
    expect(p.lon).toBeCloseTo(121.0005, 12);
    expect(p.lat).toBeCloseTo(29.1005, 12);
    expect(p.headingDeg).toBeCloseTo(bearingDeg(a, b), 12);
    expect(p.stationary).toBe(false);
  });

  it('clamps before a and after b', () => {
    expect(interpolateFix(a, b, 0)).toMatchObject({ t: 0, lon: a.lon, lat: a.lat });
    expect(interpolateFix(a, b, 10_000)).toMatchObject({ t: 1, lon: b.lon, lat: b.lat });
  });

  it('equal times give b; a stationary ambulance keeps the fallback heading', () => {
    expect(interpolateFix(a, { ...b, atMs: 1000 }, 1000)).toMatchObject({ t: 1, lon: b.lon });
    const still = interpolateFix(a, { ...a, atMs: 2000 }, 1500, { fallbackHeadingDeg: -90 });
    expect(still.stationary).toBe(true);
    expect(still.headingDeg).toBe(270);
  });

  it('rejects fixes out of order', () => {
    expect(() => interpolateFix(b, a, 2000)).toThrow(RangeError);
    expect(() => interpolateFix(a, b, Number.NaN)).toThrow(RangeError);
  });
});
