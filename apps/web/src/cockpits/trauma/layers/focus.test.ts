import { describe, expect, it } from 'vitest';
import { focusBounds, snapToPath } from './focus';

describe('focusBounds', () => {
  it('holds the route, the ambulance and the chosen hospital', () => {
    const transport = {
      scene: [121.0, 29.1],
      route: {
        path: [
          [121.0, 29.1],
          [121.02, 29.12],
        ],
      },
      ambulanceId: 'A1',
      hospital: { hospitalId: 'H01' },
    } as never;
    const [[w, s], [e, n]] = focusBounds(transport, {
      ambulances: [{ ambulanceId: 'A1', lon: 120.95, lat: 29.09 }],
      hospitals: [{ hospitalId: 'H01', lon: 121.05, lat: 29.16 }],
    } as never);
    expect(w).toBeLessThan(120.95);
    expect(e).toBeGreaterThan(121.05);
    expect(s).toBeLessThan(29.09);
    expect(n).toBeGreaterThan(29.16);
  });
});

describe('snapToPath', () => {
  it('puts a point between fixes back on the road', () => {
    const path: [number, number][] = [
      [121.0, 29.1],
      [121.01, 29.1],
      [121.01, 29.11],
    ];
    // Cutting the corner, halfway between two fixes on either leg.
    const p = snapToPath(path, [121.006, 29.104]);
    expect(p[1] === 29.1 || p[0] === 121.01).toBe(true);
  });
  it('keeps a point that is already on the route', () => {
    expect(
      snapToPath(
        [
          [121.0, 29.1],
          [121.01, 29.1],
        ],
        [121.005, 29.1],
      ),
    ).toEqual([121.005, 29.1]);
  });
});
