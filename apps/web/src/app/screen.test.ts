import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CANVAS,
  detectProfile,
  fitCanvas,
  isUltraWide,
  layoutProfileOf,
  parseCanvas,
  ultraWideMapWidth,
  ultraWideRows,
} from './screen';

describe('parseCanvas', () => {
  it.each([
    ['1920x1080', { width: 1920, height: 1080 }],
    ['5760x1080', { width: 5760, height: 1080 }],
    ['7680X2160', { width: 7680, height: 2160 }],
    [' 3840×2160 ', { width: 3840, height: 2160 }],
  ])('reads %s', (value, expected) => {
    expect(parseCanvas(value)).toEqual(expected);
  });

  it.each([null, '', 'big', '10x10', '99999x1080', '1920x', '1920x1080x2'])('falls back on %s', (value) => {
    expect(parseCanvas(value)).toEqual(DEFAULT_CANVAS);
  });
});

describe('detectProfile', () => {
  const base = { requested: null, coarsePointer: false, viewportWidth: 1440, viewportHeight: 900 };
  it('honours ?screen=', () => {
    expect(detectProfile({ ...base, requested: 'wall' })).toBe('wall');
    expect(detectProfile({ ...base, coarsePointer: true, requested: 'desk' })).toBe('desk');
  });
  it('ignores an unknown ?screen= value', () => {
    expect(detectProfile({ ...base, requested: 'tv' })).toBe('desk');
  });
  it('detects touch devices as tablets', () => {
    expect(detectProfile({ ...base, coarsePointer: true, viewportWidth: 1024, viewportHeight: 1366 })).toBe(
      'tablet',
    );
  });
  it('detects a large landscape viewport as a wall', () => {
    expect(detectProfile({ ...base, viewportWidth: 3840, viewportHeight: 2160 })).toBe('wall');
    expect(detectProfile({ ...base, viewportWidth: 2560, viewportHeight: 3000 })).toBe('desk');
  });
});

describe('fitCanvas', () => {
  it('scales 3840×2160 to a 1920×1080 window with no letterbox', () => {
    expect(fitCanvas({ width: 3840, height: 2160 }, 1920, 1080)).toEqual({
      scale: 0.5,
      offsetX: 0,
      offsetY: 0,
    });
  });
  it('letterboxes an ultra-wide canvas top and bottom', () => {
    const fit = fitCanvas({ width: 5760, height: 1080 }, 1920, 1080);
    expect(fit.scale).toBeCloseTo(1 / 3);
    expect(fit.offsetX).toBe(0);
    expect(fit.offsetY).toBe(360);
  });
  it('pillarboxes a 16:9 canvas on a 4:3 window', () => {
    const fit = fitCanvas({ width: 1920, height: 1080 }, 1024, 1024);
    expect(fit.scale).toBeCloseTo(1024 / 1920);
    expect(fit.offsetX).toBe(0);
    expect(fit.offsetY).toBe(Math.round((1024 - 1080 * (1024 / 1920)) / 2));
  });
});

describe('ultra-wide walls', () => {
  it('gives 5760×1080, 3840×1080 and 7680×2160 their own arrangement, not 16:9 or 16:10', () => {
    expect(isUltraWide({ width: 5760, height: 1080 })).toBe(true);
    expect(isUltraWide({ width: 3840, height: 1080 })).toBe(true);
    expect(isUltraWide({ width: 7680, height: 2160 })).toBe(true);
    expect(isUltraWide({ width: 3840, height: 2160 })).toBe(false);
    expect(isUltraWide({ width: 1920, height: 1200 })).toBe(false);
  });
  it('sizes the map to the county (about 1.3 : 1) at the height below the header', () => {
    const width = ultraWideMapWidth({ width: 5760, height: 1080 });
    const mapHeight = 1080 - Math.round(1080 * 0.16);
    expect(width / mapHeight).toBeCloseTo(1.3, 1);
    expect(width).toBeLessThan(5760 * 0.3);
    expect(ultraWideMapWidth({ width: 7680, height: 2160 })).toBe(Math.round((2160 - 220) * 1.3));
  });
});

describe('ultraWideRows', () => {
  it('puts each panel in a full-height column on 5760×1080, two rows on 3840×1080 and 7680×2160', () => {
    expect(ultraWideRows({ width: 5760, height: 1080 })).toBe(1);
    expect(ultraWideRows({ width: 3840, height: 1080 })).toBe(2);
    expect(ultraWideRows({ width: 7680, height: 2160 })).toBe(2);
  });
});

describe('layoutProfileOf', () => {
  const view = { width: 1440, height: 900 };
  it.each([
    [3840, 2160, 'wall'],
    [1920, 1080, 'wall'],
    [5760, 1080, 'ultrawide'],
    [3840, 1080, 'wide'],
    [7680, 2160, 'wall8k'],
  ] as const)('maps a %i×%i wall canvas', (width, height, expected) => {
    expect(layoutProfileOf('wall', { width, height }, view)).toBe(expected);
  });
  it('maps a tablet by its orientation, and a desk to desk', () => {
    expect(layoutProfileOf('tablet', DEFAULT_CANVAS, { width: 820, height: 1180 })).toBe('tablet-portrait');
    expect(layoutProfileOf('tablet', DEFAULT_CANVAS, { width: 1180, height: 820 })).toBe('tablet-landscape');
    expect(layoutProfileOf('desk', { width: 5760, height: 1080 }, view)).toBe('desk');
  });
});
