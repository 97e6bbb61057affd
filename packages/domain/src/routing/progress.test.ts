import { describe, expect, it } from 'vitest';
import { haversineM } from './graph';
import { advanceProgress, projectOnRoute, routeTrack } from './progress';
import type { Coord } from './types';

// An L-shaped route: 1 km east along lat 29.1, then 1 km north.
const dLon = 1000 / (111_195 * Math.cos((29.1 * Math.PI) / 180));
const dLat = 1000 / 111_195;
const A: Coord = [121, 29.1];
const B: Coord = [121 + dLon, 29.1];
const C: Coord = [121 + dLon, 29.1 + dLat];
const track = routeTrack([A, B, C]);

describe('projectOnRoute', () => {
  it('projects a fix beside the road onto the polyline', () => {
    const p: Coord = [121 + dLon * 0.4, 29.1 + 20 / 111_195]; // 400 m along, 20 m north of the road
    const r = projectOnRoute(track, p);
    expect(r.alongM).toBeCloseTo(400, -0.5);
    expect(r.offsetM).toBeCloseTo(20, 0);
  });

  it('on the second leg, distance along includes the first', () => {
    const r = projectOnRoute(track, [121 + dLon + 5 / 96_000, 29.1 + dLat * 0.5]);
    expect(r.alongM).toBeCloseTo(track.cumM[1]! + 500, -0.5);
  });
});

describe('advanceProgress', () => {
  it('is monotonic: a fix behind (jitter, a red light) keeps the previous progress', () => {
    const p1 = advanceProgress(track, null, [121 + dLon * 0.5, 29.1]);
    const p2 = advanceProgress(track, p1, [121 + dLon * 0.48, 29.1]);
    expect(p2).toBe(p1);
  });

  it('measures along the road, not the straight line to the destination', () => {
    // At the corner B the straight-line share closed is 1 − |BC|/|AC| = 29 %, the road share is 50 %.
    const share = 1 - haversineM(B[0], B[1], C[0], C[1]) / haversineM(A[0], A[1], C[0], C[1]);
    expect(share).toBeLessThan(0.3);
    expect(advanceProgress(track, null, B) / track.lengthM).toBeCloseTo(0.5, 2);
  });

  it('a fix far off the route does not advance progress', () => {
    expect(advanceProgress(track, 300, [121 + dLon * 0.6, 29.1 + 500 / 111_195])).toBe(300);
  });

  it('a switchback passing near a later part cannot make progress jump ahead', () => {
    // Out 1 km east and back west 5 m north of it.
    const back = routeTrack([A, B, [B[0], B[1] + 5 / 111_195], [A[0], A[1] + 5 / 111_195]]);
    // At 200 m on the way out, the return lane (1.8 km along) is 5 m away too; the window keeps it out.
    const p = advanceProgress(back, 150, [121 + dLon * 0.2, 29.1 + 3 / 111_195], { maxAdvanceM: 300 });
    expect(p).toBeCloseTo(200, -0.5);
  });

  it('never passes the end', () => {
    expect(advanceProgress(track, null, [C[0], C[1] + 0.01])).toBeLessThanOrEqual(track.lengthM);
  });
});
