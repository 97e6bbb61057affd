import type { Layer } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { COUNTY_BOUNDS, offlineStyle } from './basemap';

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
};

let runtime: MapRuntime | undefined;

export function getMapRuntime(): MapRuntime {
  if (runtime) return runtime;
  setWorkerUrl(new URL(workerUrl, window.location.href).href);

  const element = document.createElement('div');
  element.className = 'map-stage__map';
  element.dataset.testid = 'map';

  const map = new MapLibreMap({
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

  const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
  map.addControl(overlay);

  const groups = new Map<string, readonly Layer[]>();
  const push = () => overlay.setProps({ layers: [...groups.values()].flat() });

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
  };
  return runtime;
}
