import type { GrassrootsSnapshot } from '@cockpit/contracts';

type GrassrootsEventPoint = GrassrootsSnapshot['eventPoints'][number];

import { BitmapLayer, ScatterplotLayer } from '@deck.gl/layers';
import { useEffect, useMemo } from 'react';
import { useStable } from '../../lib/useStable';
import { getMapRuntime } from '../../map/runtime';
import { useUi } from '../../stores/ui';
import { useGrassrootsUi } from './store';
import { EVENT_TYPE_COLORS, heatGrid, paddedBbox, pointsInWindow } from './transform';

const GROUP = 'grassroots';
const HEAT_CELLS = 96;
const ALARM: [number, number, number, number] = [255, 77, 79, 255];
const DARK: [number, number, number, number] = [6, 16, 31, 255];

const rgba = (hex: string, a = 255): [number, number, number, number] => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, a];
};
const TYPE_RGBA = Object.fromEntries(
  Object.entries(EVENT_TYPE_COLORS).map(([k, v]) => [k, rgba(v, 235)]),
) as Record<GrassrootsEventPoint['type'], [number, number, number, number]>;

/** Heat colour of a 0..1 density: transparent → amber → red, more opaque as it grows. */
export function heatColor(v: number): [number, number, number, number] {
  if (v < 0.04) return [0, 0, 0, 0];
  const r = 255;
  const g = Math.round(200 - 150 * v);
  const b = Math.round(60 - 40 * v);
  return [r, g, b, Math.round(40 + 150 * v)];
}

/** Paints the density grid on a canvas (one pixel per cell; the bitmap layer smooths it). */
function paintHeat(grid: NonNullable<ReturnType<typeof heatGrid>>): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = grid.cols;
  canvas.height = grid.rows;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  const image = ctx.createImageData(grid.cols, grid.rows);
  grid.values.forEach((v, i) => {
    image.data.set(heatColor(v), i * 4);
  });
  ctx.putImageData(image, 0, 0);
  return canvas;
}

/**
 * The grassroots layers on the one shared map: the heat of the chosen window (events weighted by severity),
 * the event points by type (red ring: overdue) and the flood points (duty points and gauges; red: unmanned or
 * above warning). Everything is removed on unmount.
 */
export function useGrassrootsLayers(snapshot: GrassrootsSnapshot | undefined) {
  const window = useGrassrootsUi((s) => s.window);
  const hidden = useGrassrootsUi((s) => s.hidden);
  const wall = useUi((s) => s.profile) === 'wall';
  // Live snapshots arrive every few seconds; the layers are rebuilt (and the heat repainted) only when what
  // they draw changed, so a wall in software GL is not kept busy redrawing the same picture.
  const points = useStable(snapshot?.eventPoints, (ps) =>
    ps.map((p) => `${p.id}${p.stage}${p.overdue ? 1 : 0}`).join(),
  );
  const floodPoints = useStable(snapshot?.flood?.points, (ps) =>
    ps.map((p) => `${p.id}${p.manned}${p.aboveWarning}`).join(),
  );
  const nowMs = snapshot ? Date.parse(snapshot.asOf ?? snapshot.generatedAt) : 0;
  // The window moves with the data's hour, not with every snapshot.
  const nowHour = Math.floor(nowMs / 3_600_000) * 3_600_000 + 3_599_999;
  const shown = useMemo(
    () => (points ? pointsInWindow(points, nowHour, window, hidden) : []),
    [points, nowHour, window, hidden],
  );
  const heat = useMemo(() => {
    const bbox = points ? paddedBbox(points) : null;
    const grid = bbox ? heatGrid(shown, bbox, HEAT_CELLS, HEAT_CELLS, 2) : null;
    return grid ? { canvas: paintHeat(grid), bounds: grid.bbox } : null;
  }, [points, shown]);
  const ready = snapshot !== undefined;

  useEffect(() => {
    if (!ready) return;
    const radius = wall ? 12 : 6;
    const flood = floodPoints ?? [];
    getMapRuntime().setLayers(GROUP, [
      ...(heat
        ? [
            new BitmapLayer({
              id: 'grassroots-heat',
              image: heat.canvas,
              bounds: heat.bounds,
              pickable: false,
              textureParameters: { minFilter: 'linear', magFilter: 'linear' },
            }),
          ]
        : []),
      new ScatterplotLayer<GrassrootsEventPoint>({
        id: 'grassroots-events',
        data: shown,
        getPosition: (p) => [p.lon, p.lat],
        getFillColor: (p) => TYPE_RGBA[p.type] ?? DARK,
        getLineColor: (p) => (p.overdue ? ALARM : DARK),
        getRadius: (p) => (p.severity === 'high' ? radius * 1.4 : radius),
        radiusUnits: 'pixels',
        lineWidthUnits: 'pixels',
        getLineWidth: (p) => (p.overdue ? (wall ? 5 : 3) : 1),
        stroked: true,
        pickable: false,
      }),
      new ScatterplotLayer<(typeof flood)[number]>({
        id: 'grassroots-flood',
        data: flood,
        getPosition: (p) => [p.lon, p.lat],
        getFillColor: (p) => (p.aboveWarning || p.manned === false ? ALARM : rgba('#36c3f0')),
        getLineColor: [255, 255, 255, 255],
        getRadius: radius * 1.3,
        radiusUnits: 'pixels',
        lineWidthUnits: 'pixels',
        getLineWidth: wall ? 4 : 2,
        stroked: true,
        pickable: false,
      }),
    ]);
    // Flood points are few: their names go through the map's one label pass (avoiding each other and markers).
    const size = wall ? 26 : 13;
    getMapRuntime().setLabels(
      GROUP,
      flood.map((p) => ({
        id: `flood:${p.id}`,
        text: p.name,
        position: [p.lon, p.lat] as [number, number],
        size,
        priority: p.aboveWarning || p.manned === false ? 90 : 60,
        offset: [0, -(radius * 1.3 + size * 0.75)] as [number, number],
        markerId: `flood:${p.id}`,
      })),
      flood.map((p) => ({
        id: `flood:${p.id}`,
        position: [p.lon, p.lat] as [number, number],
        radius: radius * 1.3,
      })),
    );
  }, [ready, floodPoints, shown, heat, wall]);

  useEffect(
    () => () => {
      getMapRuntime().clearLayers(GROUP);
      getMapRuntime().clearLabels(GROUP);
    },
    [],
  );
}
