import type { Layer } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { type LngLatBoundsLike, Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { COUNTY_BOUNDS, offlineStyle } from './basemap';
import { type LabelCandidate, type LabelObstacle, placeLabels } from './labels';

/**
 * The one map of the app: one MapLibre map and one deck.gl overlay, created once and reused by every
 * cockpit, region and carousel page. Cockpits contribute deck.gl layers by group id; the WebGL context
 * stays. The map lives in a detached element that MapStage adopts, so remounting the stage never
 * re-creates the map.
 */
export type MapRuntime = {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  element: HTMLDivElement;
  setLayers: (groupId: string, layers: readonly Layer[]) => void;
  clearLayers: (groupId: string) => void;
  /**
   * Labels and the data markers they must avoid, by group id. All groups go through one collision pass
   * (labels.ts) after every move and every change, and are drawn by one TextLayer on top of the data.
   */
  setLabels: (groupId: string, labels: readonly LabelCandidate[], markers?: readonly LabelObstacle[]) => void;
  clearLabels: (groupId: string) => void;
  /**
   * The view a screen returns to: the current region's bounds. When the map element changes size (layout
   * settling, rotation, a panel opening) the map fits them again unless the user moved the map since.
   */
  setHome: (bounds: LngLatBoundsLike, padding: number) => void;
};

export const LABEL_FONT =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';

let runtime: MapRuntime | undefined;

/**
 * How many screen pixels one CSS pixel of the map takes: 1 normally; on a wall, the scale of the design canvas
 * into the window (0.5 for a 3840×2160 canvas on a 1920×1080 screen). The map and its overlay draw at that
 * resolution instead of the canvas's own, which the compositor would only scale down: a 4K layout on a 1080p
 * screen draws a quarter of the pixels. At 1:1 (a real 4K wall) nothing changes.
 */
let renderScale = 1;
const pixelRatio = () => Math.max(0.25, window.devicePixelRatio * renderScale);

export function setMapRenderScale(scale: number): void {
  if (!(scale > 0) || scale === renderScale) return;
  renderScale = scale;
  if (!runtime) return;
  runtime.map.setPixelRatio(pixelRatio());
  runtime.overlay.setProps({ useDevicePixels: pixelRatio() });
}

export function getMapRuntime(): MapRuntime {
  if (runtime) return runtime;
  setWorkerUrl(new URL(workerUrl, window.location.href).href);

  const element = document.createElement('div');
  element.className = 'map-stage__map';
  element.dataset.testid = 'map';

  const map = new MapLibreMap({
    pixelRatio: pixelRatio(),
    container: element,
    style: offlineStyle(),
    bounds: COUNTY_BOUNDS,
    fitBoundsOptions: { padding: 40 },
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    maxPitch: 60,
    // Keep the drawing buffer so screenshots and pixel checks see what is on screen.
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
  });
  map.touchZoomRotate.disableRotation();

  const overlay = new MapboxOverlay({ interleaved: false, layers: [], useDevicePixels: pixelRatio() });
  map.addControl(overlay);

  const groups = new Map<string, readonly Layer[]>();
  const labelGroups = new Map<
    string,
    { labels: readonly LabelCandidate[]; markers: readonly LabelObstacle[] }
  >();
  let labelLayer: Layer | null = null;
  const push = () =>
    overlay.setProps({ layers: [...[...groups.values()].flat(), ...(labelLayer ? [labelLayer] : [])] });

  // One collision pass over every label group, in the map element's pixels (canvas pixels on a wall).
  const measureCanvas = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  const measure = (text: string, size: number) => {
    const key = `${size}|${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      if (measureCanvas) measureCanvas.font = `600 ${size}px ${LABEL_FONT}`;
      w = measureCanvas?.measureText(text).width ?? text.length * size;
      widths.set(key, w);
    }
    return w;
  };
  let placeFrame = 0;
  const place = () => {
    placeFrame = 0;
    const canvas = map.getCanvas();
    const labels = [...labelGroups.values()].flatMap((g) => g.labels);
    const markers = [...labelGroups.values()].flatMap((g) => g.markers);
    const placed = placeLabels(labels, markers, (p) => map.project(p), measure, {
      width: canvas.offsetWidth || canvas.width,
      height: canvas.offsetHeight || canvas.height,
    });
    labelLayer = new TextLayer<LabelCandidate>({
      id: 'map-labels',
      data: placed,
      getPosition: (d) => d.position,
      getText: (d) => d.text,
      getSize: (d) => d.size,
      sizeUnits: 'pixels',
      getPixelOffset: (d) => d.offset ?? [0, 0],
      getColor: (d) => d.color ?? [226, 238, 255, 255],
      outlineColor: [6, 16, 31, 255],
      outlineWidth: 4,
      fontFamily: LABEL_FONT,
      fontWeight: 600,
      fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
      characterSet: 'auto',
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      pickable: false,
    });
    push();
    if (!map.isMoving()) element.dataset.labelsReady = 'true';
  };
  const schedulePlace = () => {
    element.dataset.labelsReady = 'false';
    if (!placeFrame) placeFrame = requestAnimationFrame(place);
  };
  map.on('moveend', schedulePlace);
  map.on('resize', schedulePlace);

  // Home view: refit the current region when the element's size changes, unless the user moved the map.
  let home: { bounds: LngLatBoundsLike; padding: number } | null = null;
  let userMoved = false;
  map.on('movestart', (e) => {
    if ((e as { originalEvent?: unknown }).originalEvent) userMoved = true;
  });
  map.on('resize', () => {
    if (home && !userMoved)
      map.fitBounds(home.bounds, { padding: fitPadding(map, home.padding), duration: 0 });
  });

  // Read-only handle for browser tests and on-site diagnostics (e.g. checking the map from devtools).
  (window as unknown as { __cockpitMap?: MapLibreMap }).__cockpitMap = map;

  runtime = {
    map,
    overlay,
    element,
    setLayers: (groupId, layers) => {
      groups.set(groupId, layers);
      push();
    },
    clearLayers: (groupId) => {
      if (groups.delete(groupId)) push();
    },
    setLabels: (groupId, labels, markers = []) => {
      labelGroups.set(groupId, { labels, markers });
      schedulePlace();
    },
    clearLabels: (groupId) => {
      if (labelGroups.delete(groupId)) schedulePlace();
    },
    setHome: (bounds, padding) => {
      home = { bounds, padding };
      userMoved = false;
    },
  };
  return runtime;
}

/** Padding for fitBounds that never exceeds a quarter of the map's smaller side (tiny maps still fit). */
export function fitPadding(map: MapLibreMap, padding: number): number {
  const c = map.getCanvas();
  const side = Math.min(c.offsetWidth || c.width, c.offsetHeight || c.height);
  return Math.max(0, Math.min(padding, Math.floor(side / 4)));
}
