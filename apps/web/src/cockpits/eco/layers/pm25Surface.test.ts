import type { EcoSurface } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { sampleSurface, surfaceAlpha, surfaceColor } from './pm25Surface';

const surface = (values: (number | null)[], cols = 2, rows = 2): EcoSurface => ({
  method: 'IDW p=2',
  pollutant: 'pm25',
  unit: 'μg/m³',
  at: '2026-12-01T00:00:00Z',
  bbox: [120, 29, 121, 30],
  cols,
  rows,
  cellSizeDeg: [1 / cols, 1 / rows],
  values,
});

describe('PM2.5 surface', () => {
  it('is smooth: halfway between two cell centres it is the mean', () => {
    expect(sampleSurface(surface([10, 30, 10, 30]), 0.5, 0)).toBe(20);
    expect(sampleSurface(surface([10, 30, 10, 30]), 0.25, 0.5)).toBe(15);
  });
  it('ignores cells outside the county and is empty where all are', () => {
    expect(sampleSurface(surface([10, null, 10, null]), 0.5, 0.5)).toBe(10);
    expect(sampleSurface(surface([null, null, null, null]), 0.5, 0.5)).toBeNull();
  });
  it('uses the official AQI colour of the level (HJ 633: 35 μg/m³ is 优, 36 is 良)', () => {
    expect(surfaceColor(35).slice(0, 3)).toEqual([0, 228, 0]);
    expect(surfaceColor(36).slice(0, 3)).toEqual([255, 255, 0]);
    expect(surfaceColor(80).slice(0, 3)).toEqual([255, 126, 0]);
  });
  it('keeps clean air a light veil and tints more as the level worsens', () => {
    // Every station 良 (PM2.5 36–75): a faint veil, at most 10 % opaque, never a wash over the county.
    expect(surfaceColor(60)[3]).toBeLessThanOrEqual(0.1 * 255);
    expect(surfaceAlpha(40)).toBeLessThan(surfaceAlpha(90));
    expect(surfaceAlpha(90)).toBeLessThan(surfaceAlpha(160));
  });
});
