import type { RegionDetail } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { useEffect } from 'react';
import { useUi } from '../stores/ui';
import { CONTEXT_COLORS } from './basemap';
import { visibleContext } from './contextGroups';
import type { LabelCandidate, Rgba } from './labels';
import { mapContextQuery } from './regions.api';
import { getMapRuntime } from './runtime';

const SRC = 'map-context';
const LABEL_GROUP = 'map-context';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const LAYERS = [
  'context-arterial',
  'context-expressway',
  'context-stream',
  'context-river',
  'context-points',
];

type Props = { id: string; kind: string; name: string };

/**
 * Quiet context under the data: 始丰溪 and the streams from the monitored reservoirs, the expressway and
 * arterials, reservoirs, township seats and landmarks (all approximate, from /api/v1/geo/context.geojson).
 * Lines and dots are MapLibre layers between the region fills and their outlines; names go through the
 * map's one label collision pass at lower priority than data labels.
 */
export function useContextLayers(detail: RegionDetail | undefined) {
  const context = useQuery(mapContextQuery());
  const profile = useUi((s) => s.profile);
  const hidden = useUi((s) => s.hiddenMapGroups);
  const k = profile === 'wall' ? 2 : 1;

  useEffect(() => {
    const { map } = getMapRuntime();
    const install = () => {
      if (map.getSource(SRC)) return;
      map.addSource(SRC, { type: 'geojson', data: EMPTY });
      const before = map.getLayer('children-line') ? 'children-line' : undefined;
      const line = (id: string, kind: string, paint: Record<string, unknown>) =>
        map.addLayer(
          {
            id,
            type: 'line',
            source: SRC,
            filter: ['==', ['get', 'kind'], kind],
            paint,
            layout: { 'line-cap': 'round', 'line-join': 'round' },
          } as never,
          before,
        );
      line('context-arterial', 'arterial', {
        'line-color': CONTEXT_COLORS.arterial,
        'line-width': 1.2 * k,
        'line-opacity': 0.55,
      });
      line('context-expressway', 'expressway', {
        'line-color': CONTEXT_COLORS.expressway,
        'line-width': 2.5 * k,
        'line-opacity': 0.7,
      });
      line('context-stream', 'stream', {
        'line-color': CONTEXT_COLORS.water,
        'line-width': 1.5 * k,
        'line-opacity': 0.7,
        'line-dasharray': [2, 1.5],
      });
      line('context-river', 'river', {
        'line-color': CONTEXT_COLORS.water,
        'line-width': 3.5 * k,
        'line-opacity': 0.85,
      });
      map.addLayer(
        {
          id: 'context-points',
          type: 'circle',
          source: SRC,
          filter: ['match', ['get', 'kind'], ['reservoir', 'seat', 'landmark'], true, false],
          paint: {
            'circle-radius': ['match', ['get', 'kind'], 'reservoir', 6 * k, 'landmark', 4 * k, 2.5 * k],
            'circle-color': [
              'match',
              ['get', 'kind'],
              'reservoir',
              CONTEXT_COLORS.water,
              'landmark',
              CONTEXT_COLORS.landmark,
              CONTEXT_COLORS.seat,
            ],
            'circle-opacity': 0.85,
            'circle-stroke-color': '#06101f',
            'circle-stroke-width': 1 * k,
          },
        },
        before,
      );
    };
    if (map.isStyleLoaded()) install();
    else map.once('load', install);
    return () => {
      map.off('load', install);
      for (const id of LAYERS) if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(SRC)) map.removeSource(SRC);
    };
  }, [k]);

  useEffect(() => {
    if (!context.data) return;
    const data = visibleContext(context.data, hidden);
    const { map, setLabels, clearLabels } = getMapRuntime();
    const apply = () => (map.getSource(SRC) as GeoJSONSource | undefined)?.setData(data);
    if (map.getSource(SRC)) apply();
    else map.once('load', apply);
    setLabels(
      LABEL_GROUP,
      contextLabels(data, detail, profile === 'wall' ? 26 : profile === 'tablet' ? 13 : 12),
    );
    return () => {
      map.off('load', apply);
      clearLabels(LABEL_GROUP);
    };
  }, [context.data, detail, profile, hidden]);
}

const MUTED: Rgba = [169, 187, 214, 255];
const WATER: Rgba = [120, 180, 235, 255];
const LANDMARK: Rgba = [235, 215, 160, 255];

/**
 * Names of the context features. Seats are named only below the county (at county level the region label
 * already names each township); the river is named once, at the middle of its line.
 */
export function contextLabels(
  data: FeatureCollection,
  detail: Pick<RegionDetail, 'level'> | undefined,
  size: number,
): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  const dy = Math.round(size * 0.9);
  for (const f of data.features) {
    const p = f.properties as Props;
    if (f.geometry.type === 'Point') {
      const position = (f.geometry as Point).coordinates as [number, number];
      if (p.kind === 'landmark')
        out.push({ id: p.id, text: p.name, position, size, priority: 70, offset: [0, -dy], color: LANDMARK });
      else if (p.kind === 'reservoir')
        out.push({ id: p.id, text: p.name, position, size, priority: 45, offset: [0, dy], color: WATER });
      else if (p.kind === 'seat' && detail && detail.level !== 'county')
        out.push({ id: p.id, text: p.name, position, size, priority: 40, offset: [0, -dy], color: MUTED });
    } else if (p.kind === 'river') {
      const coords = (f.geometry as LineString).coordinates;
      const mid = coords[Math.floor(coords.length / 2)] as [number, number];
      out.push({ id: p.id, text: p.name, position: mid, size, priority: 30, offset: [0, dy], color: WATER });
    }
  }
  return out;
}
