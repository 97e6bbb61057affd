import type { ProfileId } from '@cockpit/contracts';

/** How the app lays itself out: a fixed scaled canvas on a wall, touch-first on a tablet, a page on a desk. */
export type ScreenProfile = 'wall' | 'tablet' | 'desk';

export type Canvas = { width: number; height: number };

export const DEFAULT_CANVAS: Canvas = { width: 3840, height: 2160 };
const MIN_CANVAS_SIDE = 640;
const MAX_CANVAS_SIDE = 16384;

/** Parses `?canvas=WxH` (e.g. 1920x1080, 5760x1080). Anything else falls back to 3840×2160. */
export function parseCanvas(value: string | null): Canvas {
  const match = value?.trim().match(/^(\d{3,5})[x×*](\d{3,5})$/i);
  if (!match) return DEFAULT_CANVAS;
  const width = Number(match[1]);
  const height = Number(match[2]);
  const ok = (n: number) => n >= MIN_CANVAS_SIDE && n <= MAX_CANVAS_SIDE;
  return ok(width) && ok(height) ? { width, height } : DEFAULT_CANVAS;
}

export type Environment = {
  /** `?screen=` value, if any. */
  requested: string | null;
  /** `(pointer: coarse)` and no fine pointer: a touch device. */
  coarsePointer: boolean;
  viewportWidth: number;
  viewportHeight: number;
};

/**
 * The profile to use: `?screen=wall|tablet|desk` wins; otherwise a touch-only device is a tablet, a very
 * large landscape viewport (≥ 2560 px wide) is a wall, and everything else is a desk.
 */
export function detectProfile(env: Environment): ScreenProfile {
  if (env.requested === 'wall' || env.requested === 'tablet' || env.requested === 'desk')
    return env.requested;
  if (env.coarsePointer) return 'tablet';
  if (env.viewportWidth >= 2560 && env.viewportWidth > env.viewportHeight) return 'wall';
  return 'desk';
}

export type Fit = { scale: number; offsetX: number; offsetY: number };

/** Uniform scale that fits the canvas in the window, centred: the rest is letterbox. */
export function fitCanvas(canvas: Canvas, windowWidth: number, windowHeight: number): Fit {
  const scale = Math.min(windowWidth / canvas.width, windowHeight / canvas.height);
  return {
    scale,
    offsetX: Math.round((windowWidth - canvas.width * scale) / 2),
    offsetY: Math.round((windowHeight - canvas.height * scale) / 2),
  };
}

/** A wall canvas much wider than 16:9 (5760×1080, 3840×1080, 7680×2160) gets its own arrangement. */
export function isUltraWide(canvas: Canvas): boolean {
  return canvas.width / canvas.height >= 2.2;
}

/** Tiantai's extent is about 1.3 times as wide as it is tall (0.575° × cos 29° by 0.393°). */
const COUNTY_ASPECT = 1.3;

/**
 * Width of the map column on an ultra-wide wall: the county's shape at the height the header leaves, so the
 * county fills the map instead of a fifth of it; never more than 45 % of the canvas.
 */
export function ultraWideMapWidth(canvas: Canvas): number {
  const header = Math.min(220, Math.round(canvas.height * 0.16));
  return Math.round(Math.min((canvas.height - header) * COUNTY_ASPECT, canvas.width * 0.45));
}

/**
 * Rows of panels on each side of an ultra-wide wall: one row (each panel a full-height column) when a side
 * is wide enough for four columns of at least 520 px, as on 5760×1080; otherwise two rows of two columns
 * (3840×1080, and 7680×2160 whose height gives two rows room).
 */
export function ultraWideRows(canvas: Canvas): 1 | 2 {
  if (canvas.height >= 1600) return 2;
  const side = (canvas.width - ultraWideMapWidth(canvas)) / 2;
  return side >= 4 * 520 ? 1 : 2;
}

/**
 * The layout profile (packages/contracts PROFILES) of a screen: a wall canvas by its shape and size — 16:9
 * and narrower is `wall`; ultra-wide canvases are `wall8k` when they are tall enough for two rows of panels
 * (7680×2160), `ultrawide` when at least 4.5 times as wide as tall (5760×1080), otherwise `wide` (3840×1080);
 * a tablet by its orientation; everything else is `desk`.
 */
export function layoutProfileOf(
  profile: ScreenProfile,
  canvas: Canvas,
  viewport: { width: number; height: number },
): ProfileId {
  if (profile === 'tablet') return viewport.height > viewport.width ? 'tablet-portrait' : 'tablet-landscape';
  if (profile === 'desk') return 'desk';
  if (!isUltraWide(canvas)) return 'wall';
  if (canvas.height >= 1600) return 'wall8k';
  return canvas.width / canvas.height >= 4.5 ? 'ultrawide' : 'wide';
}
