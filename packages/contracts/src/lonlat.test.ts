import { describe, expect, it } from 'vitest';
import { formatLonLat, LonLatText, parseLonLat } from './lonlat';

describe('parseLonLat (the one "lon,lat" parser)', () => {
  it('reads two decimal numbers, spaces allowed around either', () => {
    expect(parseLonLat('121.0415,29.1747')).toEqual([121.0415, 29.1747]);
    expect(parseLonLat(' 121 , 29.5 ')).toEqual([121, 29.5]);
    expect(parseLonLat('-180,-90')).toEqual([-180, -90]);
    expect(parseLonLat('180,90')).toEqual([180, 90]);
  });

  it('refuses anything else, without guessing', () => {
    for (const bad of [
      '',
      '121.04',
      '121.04,',
      ',29.17',
      '121.04;29.17',
      '121.04,29.17,5',
      '1e2,29',
      '0x10,29',
      'NaN,29',
      'Infinity,29',
      '121.,29',
      '180.0001,29',
      '121,90.5',
      '-181,0',
    ])
      expect(parseLonLat(bad), bad).toBeUndefined();
    expect(parseLonLat(undefined as unknown as string)).toBeUndefined();
  });

  it('round-trips with formatLonLat', () => {
    const text = formatLonLat([121.041512345, 29.17473]);
    expect(text).toBe('121.041512,29.174730');
    expect(parseLonLat(text)).toEqual([121.041512, 29.17473]);
  });

  it('is what the query schema accepts', () => {
    expect(LonLatText.safeParse('121.0415,29.1747').success).toBe(true);
    expect(LonLatText.safeParse('121.0415 29.1747').success).toBe(false);
    expect(LonLatText.safeParse('200,29').success).toBe(false);
  });
});
