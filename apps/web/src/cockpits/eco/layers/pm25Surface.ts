import type { EcoSurface } from '@cockpit/contracts';
import { computeAqi } from '@cockpit/domain/eco';

/** Canvas pixels per grid cell: bilinear smoothing between cell centres at this resolution. */
export const PX_PER_CELL = 8;

/**
 * PM2.5 at a point of the grid, in cell units (0,0 = centre of the north-west cell): bilinear between the
 * four surrounding cell centres, ignoring null cells (outside the county); null when all four are null.
 */
export function sampleSurface(surface: EcoSurface, col: number, row: number): number | null {
  const c0 = Math.max(0, Math.min(surface.cols - 1, Math.floor(col)));
  const r0 = Math.max(0, Math.min(surface.rows - 1, Math.floor(row)));
  const c1 = Math.min(surface.cols - 1, c0 + 1);
  const r1 = Math.min(surface.rows - 1, r0 + 1);
  const fx = Math.max(0, Math.min(1, col - c0));
  const fy = Math.max(0, Math.min(1, row - r0));
  let sum = 0;
  let weight = 0;
  const add = (c: number, r: number, w: number) => {
    const v = surface.values[r * surface.cols + c];
    if (v === null || v === undefined || w === 0) return;
    sum += v * w;
    weight += w;
  };
  add(c0, r0, (1 - fx) * (1 - fy));
  add(c1, r0, fx * (1 - fy));
  add(c0, r1, (1 - fx) * fy);
  add(c1, r1, fx * fy);
  return weight > 0 ? sum / weight : null;
}

/**
 * Opacity by AQI: clean air is barely tinted, so a county where every station reads 良 is a light veil, not
 * a muddy wash; the tint grows with the level, and the data markers stay readable through it.
 */
export function surfaceAlpha(aqi: number): number {
  if (aqi <= 50) return 0.05;
  if (aqi <= 100) return 0.05 + ((aqi - 50) / 50) * 0.05;
  if (aqi <= 200) return 0.2 + ((aqi - 100) / 100) * 0.15;
  return 0.42;
}

const rgb = (hex: string): [number, number, number] => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

/** RGBA of a PM2.5 concentration: the official colour of its AQI level (HJ 633 24 h row), with surfaceAlpha. */
export function surfaceColor(pm25: number, cache = new Map<number, [number, number, number, number]>()) {
  const key = Math.round(pm25);
  let out = cache.get(key);
  if (!out) {
    const { aqi, color } = computeAqi({ pm25: Math.max(0, key) }, { period: 'hour' });
    out = [...rgb(color), Math.round(surfaceAlpha(aqi) * 255)];
    cache.set(key, out);
  }
  return out;
}

/**
 * Paints the smoothed surface and clips it to the region's polygons (lon/lat rings), so nothing spills past
 * the border. Returns the canvas to hand to a BitmapLayer whose bounds are the surface's bbox.
 */
export function paintSurface(surface: EcoSurface, rings: readonly (readonly [number, number][])[]) {
  const width = surface.cols * PX_PER_CELL;
  const height = surface.rows * PX_PER_CELL;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  const image = ctx.createImageData(width, height);
  const cache = new Map<number, [number, number, number, number]>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = sampleSurface(surface, (x + 0.5) / PX_PER_CELL - 0.5, (y + 0.5) / PX_PER_CELL - 0.5);
      if (v === null) continue;
      const [r, g, b, a] = surfaceColor(v, cache);
      const i = (y * width + x) * 4;
      image.data[i] = r;
      image.data[i + 1] = g;
      image.data[i + 2] = b;
      image.data[i + 3] = a;
    }
  }
  ctx.putImageData(image, 0, 0);
  if (rings.length > 0) {
    const [west, south, east, north] = surface.bbox;
    const toX = (lon: number) => ((lon - west) / (east - west)) * width;
    const toY = (lat: number) => ((north - lat) / (north - south)) * height;
    ctx.globalCompositeOperation = 'destination-in';
    ctx.beginPath();
    for (const ring of rings) {
      ring.forEach(([lon, lat], i) => {
        if (i === 0) ctx.moveTo(toX(lon), toY(lat));
        else ctx.lineTo(toX(lon), toY(lat));
      });
      ctx.closePath();
    }
    ctx.fillStyle = '#000';
    ctx.fill('evenodd');
  }
  return canvas;
}
