import type { RegionDetail } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import type { ScreenProfile } from '../app/screen';
import { useUi } from '../stores/ui';
import { MAP_COLORS } from './basemap';
import { tapDecision } from './drill';
import type { LabelCandidate } from './labels';
import { boundaryQuery, childrenQuery } from './regions.api';
import { fitPadding, getMapRuntime } from './runtime';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const SRC_SCOPE = 'scope-boundary';
const SRC_CHILDREN = 'scope-children';
const LABEL_GROUP = 'region-labels';

type Options = {
  detail: RegionDetail | undefined;
  touch: boolean;
  onDrill: (code: string) => void;
  /** Touch: a tap selects a region (the shell offers 进入); null when the selection is dropped. */
  onSelect?: (code: string | null) => void;
};

/**
 * Draws the current region's boundary and its children (fill, outline, hover highlight, labels), and turns
 * clicks into drill-down. Labels are drawn by deck.gl's TextLayer with the local CJK font, so Chinese
 * renders offline with no glyph server. Everything it adds to the map it removes on unmount.
 */
export function useRegionLayers({ detail, touch, onDrill, onSelect }: Options) {
  const code = detail?.code;
  // A village has no children: its siblings are drawn instead, for context (and a tap moves to a sibling).
  const contextCode = detail?.level === 'village' ? detail.parentCode : code;
  const boundary = useQuery({ ...boundaryQuery(code ?? ''), enabled: Boolean(code) });
  const children = useQuery({ ...childrenQuery(contextCode ?? ''), enabled: Boolean(contextCode) });
  const setHovered = useUi((s) => s.setHoveredRegion);
  const profile = useUi((s) => s.profile);
  const onDrillRef = useRef(onDrill);
  onDrillRef.current = onDrill;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  // Sources and layers: added once, emptied on unmount.
  useEffect(() => {
    const { map } = getMapRuntime();
    const install = () => {
      if (map.getSource(SRC_SCOPE)) return;
      map.addSource(SRC_SCOPE, { type: 'geojson', data: EMPTY });
      map.addSource(SRC_CHILDREN, { type: 'geojson', data: EMPTY, promoteId: 'code' });
      map.addLayer({
        id: 'scope-fill',
        type: 'fill',
        source: SRC_SCOPE,
        paint: { 'fill-color': MAP_COLORS.countyFill, 'fill-opacity': 0.85 },
      });
      map.addLayer({
        id: 'children-fill',
        type: 'fill',
        source: SRC_CHILDREN,
        paint: {
          'fill-color': [
            'case',
            ['boolean', ['feature-state', 'hover'], false],
            MAP_COLORS.childFillHover,
            MAP_COLORS.childFill,
          ],
          'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.9, 0.55],
        },
      });
      map.addLayer({
        id: 'children-line',
        type: 'line',
        source: SRC_CHILDREN,
        paint: { 'line-color': MAP_COLORS.childLine, 'line-width': 1.5, 'line-opacity': 0.9 },
      });
      map.addLayer({
        id: 'scope-line',
        type: 'line',
        source: SRC_SCOPE,
        paint: { 'line-color': MAP_COLORS.regionLine, 'line-width': 4, 'line-blur': 1 },
      });
    };
    if (map.isStyleLoaded()) install();
    else map.once('load', install);
    return () => {
      map.off('load', install);
      for (const id of ['scope-line', 'children-line', 'children-fill', 'scope-fill']) {
        if (map.getLayer(id)) map.removeLayer(id);
      }
      for (const id of [SRC_CHILDREN, SRC_SCOPE]) if (map.getSource(id)) map.removeSource(id);
    };
  }, []);

  // Data: once the region's geometry is here, push it into the sources and fly to the region's bounds.
  // The map element carries data-ready-region when the region is drawn and the camera has arrived.
  useEffect(() => {
    if (!detail || !boundary.data || !children.data) return;
    const { map, element, setLabels, setHome } = getMapRuntime();
    const kids = children.data;
    const markReady = () => {
      element.dataset.readyRegion = detail.code;
    };
    const apply = () => {
      (map.getSource(SRC_SCOPE) as GeoJSONSource | undefined)?.setData(boundary.data);
      (map.getSource(SRC_CHILDREN) as GeoJSONSource | undefined)?.setData(kids);
      setLabels(LABEL_GROUP, regionLabels(kids.features, labelSize(profile, detail.level === 'county')));
      delete element.dataset.readyRegion;
      map.once('moveend', markReady);
      // Fly between regions so the move reads as a drill; on the first region just jump there.
      const first = element.dataset.shownRegion === undefined;
      element.dataset.shownRegion = detail.code;
      useUi.getState().setMapShownRegion(detail.code);
      const bounds = detail.level === 'village' ? widen(detail.bbox, 0.6) : detail.bbox;
      const padding = profile === 'wall' ? 80 : 40;
      setHome(bounds, padding);
      // Read-only, for browser tests: the bounds the map must show whole.
      (window as unknown as { __cockpitRegionBbox?: RegionDetail['bbox'] }).__cockpitRegionBbox = detail.bbox;
      map.fitBounds(bounds, {
        padding: fitPadding(map, padding),
        duration: first ? 0 : 900,
        essential: true,
      });
    };
    if (map.getSource(SRC_SCOPE)) apply();
    else map.once('load', apply);
    return () => {
      map.off('load', apply);
      map.off('moveend', markReady);
    };
  }, [detail, boundary.data, children.data, profile]);

  // Interaction: hover highlight and drill-down.
  useEffect(() => {
    const { map, overlay, clearLabels } = getMapRuntime();
    let hovered: string | null = null;
    let lastTap: string | null = null;
    const setHover = (next: string | null) => {
      if (hovered === next) return;
      if (hovered && map.getSource(SRC_CHILDREN)) {
        map.setFeatureState({ source: SRC_CHILDREN, id: hovered }, { hover: false });
      }
      hovered = next;
      if (next) map.setFeatureState({ source: SRC_CHILDREN, id: next }, { hover: true });
      map.getCanvas().style.cursor = next ? 'pointer' : '';
      setHovered(next);
    };
    const codeOf = (e: MapLayerMouseEvent) => {
      const value = e.features?.[0]?.properties?.code;
      return typeof value === 'string' ? value : null;
    };
    const onMove = (e: MapLayerMouseEvent) => setHover(codeOf(e));
    const onLeave = () => setHover(null);
    const onClick = (e: MapLayerMouseEvent) => {
      const code = codeOf(e);
      if (!code) return;
      // A cockpit asked for a point (e.g. a parking destination): this click is that point.
      const pick = useUi.getState().mapPick;
      if (pick) {
        pick([e.lngLat.lng, e.lngLat.lat]);
        return;
      }
      // A click on a cockpit's own object (a lot, a station, an ambulance) belongs to that object.
      if (overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 2 })) return;
      if (!touch) {
        onDrillRef.current(code);
        return;
      }
      // Touch: a tap selects (the shell shows a 进入 button); a second tap on the selected region enters it.
      const decision = tapDecision(lastTap, code);
      lastTap = decision.select;
      setHover(code);
      onSelectRef.current?.(code);
      if (decision.drill) onDrillRef.current(code);
    };
    map.doubleClickZoom.disable();
    map.on('mousemove', 'children-fill', onMove);
    map.on('mouseleave', 'children-fill', onLeave);
    map.on('click', 'children-fill', onClick);
    return () => {
      map.off('mousemove', 'children-fill', onMove);
      map.off('mouseleave', 'children-fill', onLeave);
      map.off('click', 'children-fill', onClick);
      clearLabels(LABEL_GROUP);
      setHover(null);
    };
  }, [touch, setHovered]);
}

/** The bbox grown by a share of its size on every side, so a village is seen among its neighbours. */
function widen([w, s, e, n]: RegionDetail['bbox'], share: number): RegionDetail['bbox'] {
  const dx = (e - w) * share;
  const dy = (n - s) * share;
  return [w - dx, s - dy, e + dx, n + dy];
}

/** Label size in CSS pixels of the layout: townships larger than villages, the wall larger than a desk. */
function labelSize(profile: ScreenProfile, townships: boolean): number {
  const sizes = { wall: [34, 24], tablet: [17, 13], desk: [16, 12] } as const;
  return sizes[profile][townships ? 0 : 1];
}

type Label = { code: string; name: string; labelPoint: [number, number] };

/** Region names for the shared collision pass (labels.ts): below data labels and landmarks, above water. */
function regionLabels(features: Feature[], size: number): LabelCandidate[] {
  return features.map((f) => {
    const props = (f.properties ?? {}) as Label;
    // When a marker or a higher label sits on the label point, the name may move a line up or down or aside.
    const d = Math.round(size * 1.3);
    const alternatives: [number, number][] = [
      [0, -d],
      [0, d],
      [size * 2, 0],
      [-size * 2, 0],
      [0, -2 * d],
      [0, 2 * d],
    ];
    return {
      id: `region:${props.code}`,
      text: props.name,
      position: props.labelPoint,
      size,
      priority: 50,
      alternatives,
    };
  });
}
