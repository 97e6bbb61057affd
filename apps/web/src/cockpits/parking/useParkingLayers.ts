import type { ParkingGuidanceResponse, ParkingSnapshot } from '@cockpit/contracts';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { BitmapLayer, IconLayer, PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { useEffect, useMemo, useRef } from 'react';
import { useStable } from '../../lib/useStable';
import { getMapRuntime } from '../../map/runtime';
import { useUi } from '../../stores/ui';
import type { LonLat } from './api/parking.api';
import { demandSurface, paintDemand } from './demandSurface';
import { LEVEL_RGB, lotRadiusM, ROUTE_RGB, screenRgb } from './transform';

const GROUP = 'parking';
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';

/** A guidance screen: a white LED panel on a post (masked icon, coloured per state). Inline: no remote icons. */
const SCREEN_ICON = {
  id: 'screen',
  url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect x="6" y="8" width="52" height="32" rx="4" fill="#fff"/><rect x="29" y="40" width="6" height="20" fill="#fff"/></svg>',
  )}`,
  width: 64,
  height: 64,
  anchorY: 60,
  mask: true,
};

type Lot = ParkingSnapshot['lots'][number];
type Screen = ParkingSnapshot['screens'][number];
type Rec = ParkingGuidanceResponse['recommendations'][number];
const NONE: never[] = [];

type Options = {
  snapshot: ParkingSnapshot | undefined;
  guidance: ParkingGuidanceResponse | undefined;
  destination: LonLat | null;
  selectedLotId: string | null;
  onLotClick: (lotId: string) => void;
};

/** The parking layers on the one shared map: demand heat, lots, screens, routes and the destination. */
export function useParkingLayers({ snapshot, guidance, destination, selectedLotId, onLotClick }: Options) {
  const profile = useUi((s) => s.profile);
  const clickRef = useRef(onLotClick);
  clickRef.current = onLotClick;

  // The demand surface is painted once per change of the demand, never per frame.
  const demandKey = JSON.stringify(snapshot?.demand ?? []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the demand's content, not the snapshot object
  const demand = useMemo(() => {
    const surface = demandSurface(snapshot?.demand ?? []);
    return surface ? { canvas: paintDemand(surface), bbox: surface.bbox } : null;
  }, [demandKey]);

  // Live pushes re-create the snapshot every second; the layers are rebuilt only when what they draw changed
  // (a lot's place, size or level, a screen's state, the routes), not on every push.
  const lots =
    useStable(snapshot?.lots, (ls) =>
      ls.map((l) => `${l.lotId}:${l.lon},${l.lat}:${l.berthTotal}:${l.level}`).join(),
    ) ?? NONE;
  const screens =
    useStable(snapshot?.screens, (ss) =>
      ss.map((s) => `${s.screenId}:${s.lon},${s.lat}:${screenRgb(s)}`).join(),
    ) ?? NONE;
  const recs =
    useStable(guidance?.recommendations, (rs) =>
      rs.map((r) => `${r.rank}:${r.lon},${r.lat}:${r.path.join(';')}`).join(),
    ) ?? NONE;

  useEffect(() => {
    const runtime = getMapRuntime();
    const k = profile === 'wall' ? 2 : 1;
    const layers: Layer[] = [
      ...(demand
        ? [
            new BitmapLayer({
              id: 'parking-demand',
              image: demand.canvas,
              bounds: demand.bbox,
              pickable: false,
            }),
          ]
        : []),
      new ScatterplotLayer<Lot>({
        id: 'parking-lots',
        data: lots,
        pickable: true,
        getPosition: (l) => [l.lon, l.lat],
        getRadius: (l) => lotRadiusM(l.berthTotal),
        radiusUnits: 'meters',
        radiusMinPixels: 7 * k,
        radiusMaxPixels: 40 * k,
        getFillColor: (l) => [...LEVEL_RGB[l.level], 215],
        stroked: true,
        getLineColor: (l) => (l.lotId === selectedLotId ? [255, 255, 255, 255] : [6, 16, 31, 200]),
        getLineWidth: (l) => (l.lotId === selectedLotId ? 4 * k : 1 * k),
        lineWidthUnits: 'pixels',
        onClick: (info: PickingInfo<Lot>) => {
          if (info.object) clickRef.current(info.object.lotId);
          return true;
        },
        updateTriggers: { getLineColor: selectedLotId, getLineWidth: selectedLotId },
      }),
      new IconLayer<Screen>({
        id: 'parking-screens',
        data: screens,
        getPosition: (s) => [s.lon, s.lat],
        getIcon: () => SCREEN_ICON,
        getSize: 20 * k,
        sizeUnits: 'pixels',
        getColor: (s) => [...screenRgb(s), 255],
      }),
      new PathLayer<Rec>({
        id: 'parking-routes',
        data: [...recs].reverse(),
        getPath: (r) => r.path,
        getColor: (r) => [...(ROUTE_RGB[r.rank - 1] ?? ROUTE_RGB[0]!), r.rank === 1 ? 255 : 200],
        getWidth: (r) => (r.rank === 1 ? 8 : 5) * k,
        widthUnits: 'pixels',
        capRounded: true,
        jointRounded: true,
      }),
      new ScatterplotLayer<Rec>({
        id: 'parking-rec-lots',
        data: recs,
        getPosition: (r) => [r.lon, r.lat],
        getRadius: 14 * k,
        radiusUnits: 'pixels',
        getFillColor: (r) => [...(ROUTE_RGB[r.rank - 1] ?? ROUTE_RGB[0]!), 255],
        stroked: true,
        getLineColor: [255, 255, 255, 255],
        getLineWidth: 2 * k,
        lineWidthUnits: 'pixels',
      }),
      new TextLayer<Rec>({
        id: 'parking-rec-labels',
        data: recs,
        getPosition: (r) => [r.lon, r.lat],
        getText: (r) => String(r.rank),
        getSize: 18 * k,
        getColor: [255, 255, 255, 255],
        fontFamily: FONT,
        fontWeight: 700,
        characterSet: 'auto',
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'center',
      }),
      new ScatterplotLayer<LonLat>({
        id: 'parking-destination',
        data: destination ? [destination] : [],
        getPosition: (d) => d,
        getRadius: 12 * k,
        radiusUnits: 'pixels',
        getFillColor: [255, 255, 255, 255],
        stroked: true,
        getLineColor: [79, 141, 255, 255],
        getLineWidth: 5 * k,
        lineWidthUnits: 'pixels',
      }),
    ];
    runtime.setLayers(GROUP, layers);
    // Lots and guidance screens are data: the map's labels (regions, context) keep off them.
    runtime.setLabels(
      GROUP,
      [],
      [
        ...lots.map((l) => ({
          id: `lot:${l.lotId}`,
          position: [l.lon, l.lat] as [number, number],
          radius: 7 * k,
          radiusM: lotRadiusM(l.berthTotal),
          maxRadius: 40 * k,
        })),
        ...screens.map((sc) => ({
          id: `screen:${sc.screenId}`,
          position: [sc.lon, sc.lat] as [number, number],
          radius: 10 * k,
        })),
      ],
    );
  }, [lots, screens, recs, demand, destination, selectedLotId, profile]);

  // Removed on unmount only (not on every data change), so the layers never flicker.
  useEffect(
    () => () => {
      getMapRuntime().clearLayers(GROUP);
      getMapRuntime().clearLabels(GROUP);
    },
    [],
  );

  // When the routes of a new destination arrive, show them whole (one purposeful move).
  const fittedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!guidance || guidance.recommendations.length === 0) return;
    const key = guidance.to.join(',');
    if (fittedFor.current === key) return;
    fittedFor.current = key;
    const pts = [guidance.to, ...guidance.recommendations.flatMap((r) => r.path)];
    const lons = pts.map((p) => p[0]);
    const lats = pts.map((p) => p[1]);
    const { map } = getMapRuntime();
    map.fitBounds(
      [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ],
      { padding: profile === 'wall' ? 160 : 60, duration: 800, maxZoom: 15 },
    );
  }, [guidance, profile]);
  useEffect(() => {
    if (!destination) fittedFor.current = null;
  }, [destination]);
}
