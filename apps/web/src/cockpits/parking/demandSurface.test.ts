import { describe, expect, it } from 'vitest';
import { DEMAND_FLOOR, demandBandwidthM, demandColor, demandSurface } from './demandSurface';

const cellOf = (s: NonNullable<ReturnType<typeof demandSurface>>, lon: number, lat: number) => {
  const [west, south, east, north] = s.bbox;
  const x = Math.floor(((lon - west) / (east - west)) * s.cols);
  const y = Math.floor(((north - lat) / (north - south)) * s.rows);
  return s.values[y * s.cols + x]!;
};

describe('demandSurface', () => {
  it('is null when nothing weighs', () => {
    expect(demandSurface([])).toBeNull();
    expect(demandSurface([{ lon: 121, lat: 29, weight: 0 }])).toBeNull();
  });

  it('peaks at the heaviest lot, is normalised to 1, and fades with distance', () => {
    const heavy = { lon: 121.03, lat: 29.14, weight: 300 };
    const light = { lon: 121.06, lat: 29.15, weight: 30 };
    const s = demandSurface([heavy, light])!;
    const max = Math.max(...s.values);
    expect(max).toBeCloseTo(1, 5);
    const atHeavy = cellOf(s, heavy.lon, heavy.lat);
    const atLight = cellOf(s, light.lon, light.lat);
    expect(atHeavy).toBeGreaterThan(0.9);
    expect(atLight).toBeLessThan(0.2);
    expect(atLight).toBeGreaterThan(0);
    // The lots are ~3 km apart, so σ = 400 m: 1 km east of the heavy lot is exp(-(1000/400)²/2) ≈ 0.044 of the peak.
    expect(s.bandwidthM).toBe(400);
    const kmEast = cellOf(s, heavy.lon + 1000 / (111_320 * Math.cos((29.145 * Math.PI) / 180)), heavy.lat);
    expect(kmEast).toBeGreaterThan(0.02);
    expect(kmEast).toBeLessThan(0.08);
  });

  it('covers every point with a margin', () => {
    const s = demandSurface([
      { lon: 120.9, lat: 29.0, weight: 1 },
      { lon: 121.2, lat: 29.3, weight: 1 },
    ])!;
    const [west, south, east, north] = s.bbox;
    expect(west).toBeLessThan(120.9);
    expect(east).toBeGreaterThan(121.2);
    expect(south).toBeLessThan(29.0);
    expect(north).toBeGreaterThan(29.3);
    expect(s.values.length).toBe(s.cols * s.rows);
  });
});

describe('demandBandwidthM', () => {
  it('follows the spread of the lots between a walk and 1.5 km', () => {
    expect(demandBandwidthM(0)).toBe(400);
    expect(demandBandwidthM(20_000)).toBe(800);
    expect(demandBandwidthM(60_000)).toBe(1500);
  });
});

describe('demandColor', () => {
  it('is transparent below the floor and more opaque towards the peak', () => {
    expect(demandColor(0)).toBeNull();
    expect(demandColor(DEMAND_FLOOR / 2)).toBeNull();
    const low = demandColor(DEMAND_FLOOR)!;
    const high = demandColor(1)!;
    expect(high[3]).toBeGreaterThan(low[3]);
    expect(high.slice(0, 3)).toEqual([253, 231, 37]);
  });
});
