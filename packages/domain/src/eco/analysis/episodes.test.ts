import { describe, expect, it } from 'vitest';
import { detectEpisodes, upwindStations } from './episodes';

const H = 3600_000;
const T0 = Date.UTC(2024, 0, 10, 0);

/** Hourly series from T0; `null` entries are hours with no valid AQI, `undefined` hours are absent. */
function series(aqis: readonly (number | null | undefined)[]) {
  return aqis.flatMap((aqi, i) => (aqi === undefined ? [] : [{ atMs: T0 + i * H, aqi }]));
}

describe('detectEpisodes', () => {
  it('exactly 2 consecutive hours over 100 is an episode', () => {
    expect(detectEpisodes('s1', series([80, 120, 130, 90]))).toEqual([
      {
        stationId: 's1',
        startMs: T0 + H,
        endMs: T0 + 3 * H,
        lastHourMs: T0 + 2 * H,
        peakAqi: 130,
        peakAtMs: T0 + 2 * H,
        hours: 2,
      },
    ]);
  });

  it('1 hour is not; AQI exactly 100 is not over 100', () => {
    expect(detectEpisodes('s1', series([80, 150, 90, 101, 100, 101]))).toEqual([]);
    expect(detectEpisodes('s1', series([100, 100, 100]))).toEqual([]);
  });

  it('a missing hour (absent or null) breaks the run', () => {
    expect(detectEpisodes('s1', series([120, undefined, 130]))).toEqual([]);
    expect(detectEpisodes('s1', series([120, null, 130]))).toEqual([]);
    const two = detectEpisodes('s1', series([120, 125, undefined, 130, 140, 135]));
    expect(two.map((e) => [e.startMs - T0, e.hours, e.peakAqi])).toEqual([
      [0, 2, 125],
      [3 * H, 3, 140],
    ]);
  });

  it('runs to the end of the series, accepts unsorted input, reports the first peak hour', () => {
    const s = series([90, 160, 200, 200, 150]).reverse();
    const [e] = detectEpisodes('s1', s);
    expect(e).toMatchObject({
      startMs: T0 + H,
      endMs: T0 + 5 * H,
      hours: 4,
      peakAqi: 200,
      peakAtMs: T0 + 2 * H,
    });
  });

  it('options and validation', () => {
    expect(
      detectEpisodes('s1', series([160, 90, 120, 130]), { thresholdAqi: 150, minHours: 1 }),
    ).toHaveLength(1);
    expect(() => detectEpisodes('s1', [...series([120]), ...series([130])])).toThrow(/duplicate/);
    expect(() => detectEpisodes('s1', [{ atMs: T0, aqi: -1 }])).toThrow(RangeError);
  });
});

describe('upwindStations', () => {
  const target = { lon: 121.0, lat: 29.1 };
  const stations = [
    { id: 'east-far', lon: 121.1, lat: 29.1 },
    { id: 'east-near', lon: 121.05, lat: 29.1 },
    { id: 'west', lon: 120.9, lat: 29.1 },
    { id: 'north', lon: 121.0, lat: 29.2 },
    // Δx = 0.1 × cos 29.1° ≈ 0.087, Δy = 0.1 → bearing ≈ 41.2°.
    { id: 'north-east', lon: 121.1, lat: 29.2 },
    { id: 'east-very-far', lon: 121.8, lat: 29.1 },
    { id: 'here', lon: 121.0, lat: 29.1 },
  ];
  const ids = (r: readonly { station: { id: string } }[]) => r.map((x) => x.station.id);

  it('east wind (from 90°): stations to the east are upwind, nearest first', () => {
    const r = upwindStations(target, stations, 90);
    expect(ids(r)).toEqual(['east-near', 'east-far']);
    expect(r[0]!.distanceM).toBeGreaterThan(4800);
    expect(r[0]!.distanceM).toBeLessThan(4900);
    expect(r[0]!.bearingDeg).toBeCloseTo(90, 1);
  });

  it('west wind: the west station; north-east wind: ±45° inclusive', () => {
    expect(ids(upwindStations(target, stations, 270))).toEqual(['west']);
    // From 45°: north is exactly 45° off (kept), the east stations ≈ 44.98° off (kept).
    const ne = upwindStations(target, stations, 45);
    expect(ids(ne)).toEqual(['east-near', 'east-far', 'north', 'north-east']);
    expect(ne[2]!.offsetDeg).toBe(-45);
    expect(ne[0]!.offsetDeg).toBeGreaterThan(44.9);
    // Tighter sector: north and east drop out.
    expect(ids(upwindStations(target, stations, 45, { halfAngleDeg: 44 }))).toEqual(['north-east']);
  });

  it('north-east station is outside ±45° of an east wind (≈ 48.8° off)', () => {
    expect(ids(upwindStations(target, stations, 90))).not.toContain('north-east');
    expect(ids(upwindStations(target, stations, 90, { halfAngleDeg: 50 }))).toContain('north-east');
  });

  it('max distance, wrap-around of the direction, and the target itself excluded', () => {
    expect(ids(upwindStations(target, stations, 90, { maxDistanceM: 100_000 }))).toEqual([
      'east-near',
      'east-far',
      'east-very-far',
    ]);
    expect(ids(upwindStations(target, stations, 450))).toEqual(['east-near', 'east-far']);
    expect(ids(upwindStations(target, stations, -270))).toEqual(['east-near', 'east-far']);
    // North wind: north (0° off) and north-east (≈ 41.2° off).
    expect(ids(upwindStations(target, stations, 0))).toEqual(['north', 'north-east']);
    expect(upwindStations(target, stations, 0)[1]!.offsetDeg).toBeCloseTo(41.2, 0);
    expect(() => upwindStations(target, stations, Number.NaN)).toThrow(RangeError);
  });
});
