/**
 * The parking demand surface: a kernel density of demand (occupied berths, or the berths forecast to be taken
 * in 30 minutes) around each lot, computed once per data change on the CPU and drawn as one image.
 *
 * deck.gl's HeatmapLayer re-aggregates on the GPU on every redraw; on a wall without a GPU (software GL) one
 * frame of it took seconds, so the whole screen froze. This surface costs a few milliseconds per update and
 * nothing per frame. Its kernel is in metres, so the picture does not change meaning with the zoom.
 */
export type DemandPoint = { lon: number; lat: number; weight: number };

export type DemandSurface = {
  /** [west, south, east, north] of the grid, degrees. */
  bbox: [number, number, number, number];
  cols: number;
  rows: number;
  /** Density per cell, row 0 at the north edge, normalised to 0…1 (1 = the densest cell). */
  values: Float32Array;
  /** The kernel's bandwidth, metres. */
  bandwidthM: number;
};

/**
 * Gaussian bandwidth of the kernel, metres: a twenty-fifth of the lots' spread, at least 400 m (about a
 * five-minute walk) and at most 1.5 km, so a town's demand reads at county scale and a street's in a village.
 */
export function demandBandwidthM(spreadM: number): number {
  return Math.min(1500, Math.max(400, spreadM / 25));
}
const M_PER_DEG_LAT = 111_320;
/** The kernel is cut at 3σ (contributions below 1 % of the peak). */
const CUTOFF_SIGMAS = 3;

/** Kernel density of the points on a grid covering them with a margin of 3 bandwidths; null when none weigh. */
export function demandSurface(points: readonly DemandPoint[]): DemandSurface | null {
  const weighted = points.filter((p) => p.weight > 0 && Number.isFinite(p.lon) && Number.isFinite(p.lat));
  if (weighted.length === 0) return null;
  const lat0 = weighted.reduce((s, p) => s + p.lat, 0) / weighted.length;
  const mPerDegLon = M_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180);
  const spreadM = Math.max(
    (Math.max(...weighted.map((p) => p.lon)) - Math.min(...weighted.map((p) => p.lon))) * mPerDegLon,
    (Math.max(...weighted.map((p) => p.lat)) - Math.min(...weighted.map((p) => p.lat))) * M_PER_DEG_LAT,
  );
  const bandwidthM = demandBandwidthM(spreadM);
  const cellM = bandwidthM / 5;
  const marginM = CUTOFF_SIGMAS * bandwidthM;
  const west = Math.min(...weighted.map((p) => p.lon)) - marginM / mPerDegLon;
  const east = Math.max(...weighted.map((p) => p.lon)) + marginM / mPerDegLon;
  const south = Math.min(...weighted.map((p) => p.lat)) - marginM / M_PER_DEG_LAT;
  const north = Math.max(...weighted.map((p) => p.lat)) + marginM / M_PER_DEG_LAT;
  const cols = Math.max(1, Math.ceil(((east - west) * mPerDegLon) / cellM));
  const rows = Math.max(1, Math.ceil(((north - south) * M_PER_DEG_LAT) / cellM));
  const values = new Float32Array(cols * rows);
  const reach = Math.ceil(marginM / cellM);
  const twoSigma2 = 2 * (bandwidthM / cellM) ** 2;
  for (const p of weighted) {
    // Cell coordinates of the point (fractional), columns eastward, rows southward from the north edge.
    const cx = ((p.lon - west) * mPerDegLon) / cellM;
    const cy = ((north - p.lat) * M_PER_DEG_LAT) / cellM;
    const x0 = Math.max(0, Math.floor(cx - reach));
    const x1 = Math.min(cols - 1, Math.ceil(cx + reach));
    const y0 = Math.max(0, Math.floor(cy - reach));
    const y1 = Math.min(rows - 1, Math.ceil(cy + reach));
    for (let y = y0; y <= y1; y++) {
      const dy = y + 0.5 - cy;
      for (let x = x0; x <= x1; x++) {
        const dx = x + 0.5 - cx;
        const d2 = dx * dx + dy * dy;
        if (d2 > reach * reach) continue;
        values[y * cols + x]! += p.weight * Math.exp(-d2 / twoSigma2);
      }
    }
  }
  let max = 0;
  for (const v of values) if (v > max) max = v;
  if (max > 0) for (let i = 0; i < values.length; i++) values[i]! /= max;
  return { bbox: [west, south, east, north], cols, rows, values, bandwidthM };
}

/** Sequential, colour-blind-safe ramp (viridis-like, not the status colours), low → high. */
const RAMP: [number, number, number][] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [190, 220, 60],
  [253, 231, 37],
];
/** Below this share of the densest cell the surface is transparent, so quiet areas stay clean. */
export const DEMAND_FLOOR = 0.05;
/** Opacity of the densest cell (the map and the lots stay readable through it). */
const MAX_ALPHA = 0.55;

/** RGBA of a normalised density, or null below the floor. */
export function demandColor(v: number): [number, number, number, number] | null {
  if (!(v >= DEMAND_FLOOR)) return null;
  const t = Math.min(1, (v - DEMAND_FLOOR) / (1 - DEMAND_FLOOR));
  const pos = t * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = RAMP[i]!;
  const b = RAMP[i + 1]!;
  const mix = (k: 0 | 1 | 2) => Math.round(a[k] + (b[k] - a[k]) * f);
  return [mix(0), mix(1), mix(2), Math.round(255 * MAX_ALPHA * Math.min(1, 0.35 + 0.65 * t))];
}

/** The surface as a canvas for a BitmapLayer whose bounds are its bbox. */
export function paintDemand(surface: DemandSurface): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = surface.cols;
  canvas.height = surface.rows;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  const image = ctx.createImageData(surface.cols, surface.rows);
  surface.values.forEach((v, i) => {
    const c = demandColor(v);
    if (!c) return;
    image.data.set(c, i * 4);
  });
  ctx.putImageData(image, 0, 0);
  return canvas;
}
