import type { EcoSnapshot } from '@cockpit/contracts';
import { BitmapLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo } from 'react';
import { useStable } from '../../../lib/useStable';
import { boundaryQuery } from '../../../map/regions.api';
import { getMapRuntime } from '../../../map/runtime';
import { useUi } from '../../../stores/ui';
import { hexToRgba } from '../panels/transform';
import { type EcoMapMode, useEcoUi } from '../store';
import { paintSurface } from './pm25Surface';

const GROUP = 'eco';
const GREY: [number, number, number, number] = [140, 150, 165, 255];
const OK = hexToRgba('#2ecc71');
const ALARM = hexToRgba('#ff4d4f');

type Site = {
  code: string;
  name: string;
  lon: number;
  lat: number;
  fill: [number, number, number, number];
  text: string;
  alert: boolean;
};

/** Sites of the current mode with their colour (official AQI / water class colours; status colours for noise). */
export function ecoSites(snapshot: EcoSnapshot, mode: EcoMapMode): Site[] {
  if (mode === 'air')
    return snapshot.air.stations.map((s) => ({
      code: s.code,
      name: s.name,
      lon: s.lon,
      lat: s.lat,
      fill: s.reading ? hexToRgba(s.reading.color) : GREY,
      text: `${s.name} ${s.reading?.aqi ?? '—'}`,
      alert: (s.reading?.aqi ?? 0) > 100,
    }));
  if (mode === 'water')
    return snapshot.water.sections.map((s) => ({
      code: s.code,
      name: s.name,
      lon: s.lon,
      lat: s.lat,
      fill: s.color ? hexToRgba(s.color) : GREY,
      text: `${s.name} ${s.label ?? '—'}`,
      alert: s.compliant === false,
    }));
  return snapshot.noise.points.map((p) => ({
    code: p.code,
    name: p.name,
    lon: p.lon,
    lat: p.lat,
    fill: p.compliant === null ? GREY : p.compliant && p.night?.compliant !== false ? OK : ALARM,
    text: `${p.name} ${p.leq ?? '—'} dB(A)`,
    alert: p.compliant === false || p.night?.compliant === false,
  }));
}

/** River segments between consecutive 始丰溪 sections (west → east), each in its downstream section's class colour. */
export function riverSegments(snapshot: EcoSnapshot) {
  const river = snapshot.water.sections.filter((s) => s.waterbody === 'river').sort((a, b) => a.lon - b.lon);
  return river.slice(1).map((s, i) => ({
    code: s.code,
    path: [
      [river[i]!.lon, river[i]!.lat],
      [s.lon, s.lat],
    ] as [number, number][],
    color: s.color ? hexToRgba(s.color) : GREY,
  }));
}

/** The eco layers on the one shared map; removed on unmount. */
export function useEcoLayers(snapshot: EcoSnapshot | undefined) {
  const mode = useEcoUi((s) => s.mode);
  const select = useEcoUi((s) => s.select);
  const selected = useEcoUi((s) => s.selected);
  const wall = useUi((s) => s.profile) === 'wall';
  // The PM2.5 surface: smoothed, on the official AQI colours, clipped to the region's own boundary.
  const regionCode = snapshot?.regionCode;
  const boundary = useQuery({ ...boundaryQuery(regionCode ?? ''), enabled: Boolean(regionCode) });
  // Live pushes re-create the snapshot every second; the surface is repainted and the layers rebuilt only when
  // what they draw changed (a reading, a colour, the surface), not on every push.
  const surface = useStable(snapshot?.air.surface ?? undefined, (v) => JSON.stringify(v));
  const surfaceImage = useMemo(() => {
    if (!surface || !boundary.data) return null;
    return { canvas: paintSurface(surface, ringsOf(boundary.data)), bounds: surface.bbox };
  }, [surface, boundary.data]);
  const sites = useStable(snapshot ? ecoSites(snapshot, mode) : undefined, (v) => JSON.stringify(v));
  const river = useStable(snapshot && mode === 'water' ? riverSegments(snapshot) : undefined, (v) =>
    JSON.stringify(v),
  );

  useEffect(() => {
    const runtime = getMapRuntime();
    if (!sites) return;
    const radius = wall ? 22 : 11;
    const layers = [
      ...(mode === 'air' && surfaceImage
        ? [
            new BitmapLayer({
              id: 'eco-pm25-surface',
              image: surfaceImage.canvas,
              bounds: surfaceImage.bounds,
              pickable: false,
            }),
          ]
        : []),
      ...(river
        ? [
            new PathLayer({
              id: 'eco-river',
              data: river,
              getPath: (d: ReturnType<typeof riverSegments>[number]) => d.path,
              getColor: (d: ReturnType<typeof riverSegments>[number]) => d.color,
              getWidth: wall ? 14 : 7,
              widthUnits: 'pixels',
              capRounded: true,
            }),
          ]
        : []),
      new ScatterplotLayer<Site>({
        id: 'eco-sites',
        data: sites,
        getPosition: (s) => [s.lon, s.lat],
        getFillColor: (s) => s.fill,
        getLineColor: (s) =>
          s.code === selected ? [255, 255, 255, 255] : s.alert ? ALARM : [6, 16, 31, 255],
        getRadius: (s) => (s.code === selected ? radius * 1.4 : radius),
        radiusUnits: 'pixels',
        lineWidthUnits: 'pixels',
        getLineWidth: wall ? 5 : 3,
        stroked: true,
        pickable: true,
        onClick: (info) => {
          if (info.object) select(info.object.code);
        },
        updateTriggers: { getLineColor: selected, getRadius: selected },
      }),
    ];
    runtime.setLayers(GROUP, layers);
    // Site names and readings go through the map's one label pass (they avoid each other and every marker).
    const size = wall ? 30 : 15;
    runtime.setLabels(
      GROUP,
      sites.map((s) => ({
        id: `site:${s.code}`,
        text: s.text,
        position: [s.lon, s.lat],
        size,
        priority: s.alert ? 110 : 100,
        offset: [0, -(radius + size * 0.75)],
        markerId: `site:${s.code}`,
      })),
      sites.map((s) => ({ id: `site:${s.code}`, position: [s.lon, s.lat], radius })),
    );
  }, [sites, river, mode, surfaceImage, wall, selected, select]);

  useEffect(
    () => () => {
      getMapRuntime().clearLayers(GROUP);
      getMapRuntime().clearLabels(GROUP);
    },
    [],
  );
}

/** The exterior and hole rings of every polygon of a boundary FeatureCollection. */
function ringsOf(fc: FeatureCollection): [number, number][][] {
  return fc.features.flatMap((f) => {
    const g = f.geometry;
    if (g.type === 'Polygon') return g.coordinates as [number, number][][];
    if (g.type === 'MultiPolygon') return g.coordinates.flat() as [number, number][][];
    return [];
  });
}
