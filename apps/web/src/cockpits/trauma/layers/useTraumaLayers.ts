import type {
  ActiveTransport,
  GreenChannelSignal,
  HospitalReadiness,
  TraumaSnapshot,
} from '@cockpit/contracts';
import type { Layer } from '@deck.gl/core';
import { TripsLayer } from '@deck.gl/geo-layers';
import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { useEffect, useMemo, useRef } from 'react';
import type { ScreenProfile } from '../../../app/screen';
import { prefersReducedMotion } from '../../../lib/motion';
import type { LabelCandidate, LabelObstacle } from '../../../map/labels';
import { getMapRuntime } from '../../../map/runtime';
import {
  AMBULANCE_COLORS,
  bandColor,
  nextTracks,
  pathTimestamps,
  positionOf,
  READINESS_COLORS,
  SIGNAL_COLORS,
  type Track,
} from '../model';
import { snapToPath } from './focus';

const GROUP = 'trauma';
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';
const TRIP_LOOP = 1000;
/** One pass of the light along a route, ms of real time. */
const TRIP_PERIOD_MS = 3000;
/** Redraw at most every this many ms (30 fps is smooth for vehicles; spares the wall's GPU). */
const FRAME_MS = 33;
/** The same under reduced motion: one step a second. */
const STILL_FRAME_MS = 1000;

type Options = {
  snapshot: TraumaSnapshot | undefined;
  showCoverage: boolean;
  focusId: string | null;
  profile: ScreenProfile;
  onPick: (incidentId: string) => void;
};

type SignalDot = GreenChannelSignal & { incidentId: string };
type Trip = { incidentId: string; path: [number, number][]; timestamps: number[]; focused: boolean };
type AmbulanceDot = {
  id: string;
  lon: number;
  lat: number;
  headingDeg: number;
  color: [number, number, number, number];
};

/**
 * The trauma map: routes with a light running along them (TripsLayer), intersections coloured by
 * pre-emption state, hospitals by readiness, ambulances moving smoothly between GPS fixes (one rAF loop,
 * stopped on unmount), and the isochrone villages behind a toggle. Everything is removed on unmount.
 */
export function useTraumaLayers({ snapshot, showCoverage, focusId, profile, onPick }: Options) {
  const k = profile === 'wall' ? 2.2 : profile === 'tablet' ? 1.2 : 1;
  const tracks = useRef(new Map<string, Track>());
  const lastArrival = useRef<number | null>(null);
  const interval = useRef(2000);
  const pick = useRef(onPick);
  pick.current = onPick;

  // New fixes: each ambulance glides from where it is drawn to its new fix over about one refresh interval.
  const ambulances = snapshot?.ambulances;
  useEffect(() => {
    if (!ambulances) return;
    const now = performance.now();
    if (lastArrival.current !== null) {
      interval.current = Math.min(10_000, Math.max(500, now - lastArrival.current));
    }
    lastArrival.current = now;
    tracks.current = nextTracks(tracks.current, ambulances, now, interval.current);
  }, [ambulances]);

  // The route each ambulance is driving now (to the scene or to hospital).
  const transports = snapshot?.transports;
  const routeOf = useMemo(
    () =>
      new Map(
        (transports ?? [])
          .filter((t) => t.ambulanceId && t.route && (t.phase === 'to_scene' || t.phase === 'to_hospital'))
          .map((t) => [t.ambulanceId!, t.route!.path] as const),
      ),
    [transports],
  );

  const statusOf = useMemo(
    () => new Map((ambulances ?? []).map((a) => [a.ambulanceId, a.status])),
    [ambulances],
  );

  const staticLayers = useMemo((): Layer[] => {
    if (!snapshot) return [];
    const transports = snapshot.transports;
    const layers: Layer[] = [];
    if (showCoverage) {
      layers.push(
        new ScatterplotLayer<TraumaSnapshot['coverage']['villages'][number]>({
          id: 'trauma-coverage',
          data: snapshot.coverage.villages,
          getPosition: (v) => [v.lon, v.lat],
          getFillColor: (v) => bandColor(v.band),
          getLineColor: (v) => (v.gap ? [255, 77, 79, 255] : [6, 16, 31, 200]),
          getRadius: (v) => (v.gap ? 7 : 5) * k,
          radiusUnits: 'pixels',
          stroked: true,
          getLineWidth: (v) => (v.gap ? 2.5 : 1) * k,
          lineWidthUnits: 'pixels',
        }),
      );
    }
    const routed = transports.filter(
      (t): t is ActiveTransport & { route: NonNullable<ActiveTransport['route']> } => Boolean(t.route),
    );
    layers.push(
      new PathLayer<(typeof routed)[number]>({
        id: 'trauma-routes',
        data: routed,
        getPath: (t) => t.route.path,
        getColor: (t) => (t.incidentId === focusId ? [255, 107, 129, 230] : [255, 107, 129, 130]),
        getWidth: (t) => (t.incidentId === focusId ? 8 : 5) * k,
        widthUnits: 'pixels',
        capRounded: true,
        jointRounded: true,
        pickable: true,
        onClick: (info) => {
          if (info.object) pick.current(info.object.incidentId);
        },
        updateTriggers: { getColor: focusId, getWidth: [focusId, k] },
      }),
    );
    const signals: SignalDot[] = transports.flatMap((t) =>
      t.signals.map((s) => ({ ...s, incidentId: t.incidentId })),
    );
    layers.push(
      new ScatterplotLayer<SignalDot>({
        id: 'trauma-signals',
        data: signals,
        getPosition: (s) => [s.lon, s.lat],
        getFillColor: (s) => SIGNAL_COLORS[s.state],
        getLineColor: [6, 16, 31, 255],
        stroked: true,
        getRadius: (s) => (s.state === 'released' ? 5 : 8) * k,
        radiusUnits: 'pixels',
        getLineWidth: 2 * k,
        lineWidthUnits: 'pixels',
      }),
    );
    layers.push(
      new ScatterplotLayer<ActiveTransport>({
        id: 'trauma-scenes',
        data: transports,
        getPosition: (t) => t.scene,
        getFillColor: (t) =>
          t.severity === 'critical' || t.severity === 'severe' ? [255, 77, 79, 255] : [245, 165, 36, 255],
        getLineColor: [255, 255, 255, 255],
        stroked: true,
        getRadius: 9 * k,
        radiusUnits: 'pixels',
        getLineWidth: 2 * k,
        lineWidthUnits: 'pixels',
        pickable: true,
        onClick: (info) => {
          if (info.object) pick.current(info.object.incidentId);
        },
      }),
    );
    layers.push(
      new ScatterplotLayer<HospitalReadiness>({
        id: 'trauma-hospitals',
        data: snapshot.hospitals,
        getPosition: (h) => [h.lon, h.lat],
        getFillColor: (h) => READINESS_COLORS[h.readiness],
        getLineColor: [255, 255, 255, 255],
        stroked: true,
        getRadius: (h) => (h.kind === 'hospital' ? 11 : h.receivesAmbulances ? 8 : 6) * k,
        radiusUnits: 'pixels',
        getLineWidth: 2 * k,
        lineWidthUnits: 'pixels',
      }),
    );
    return layers;
  }, [snapshot, showCoverage, focusId, k]);

  // Hospital names go through the map's one label pass: they avoid each other, region names and every marker.
  useEffect(() => {
    const rt = getMapRuntime();
    if (!snapshot) return;
    const size = Math.max(13 * k, profile === 'wall' ? 28 : 0);
    const labels: LabelCandidate[] = snapshot.hospitals
      .filter((h) => h.receivesAmbulances)
      .map((h) => ({
        id: `hospital:${h.hospitalId}`,
        text: h.name,
        position: [h.lon, h.lat],
        size,
        priority: h.kind === 'hospital' ? 100 : 90,
        offset: [0, -(size * 0.6 + 12 * k)],
        markerId: `hospital:${h.hospitalId}`,
      }));
    const markers: LabelObstacle[] = [
      ...snapshot.hospitals.map((h) => ({
        id: `hospital:${h.hospitalId}`,
        position: [h.lon, h.lat] as [number, number],
        radius: (h.kind === 'hospital' ? 11 : 8) * k,
      })),
      ...snapshot.transports.map((t) => ({
        id: `scene:${t.incidentId}`,
        position: [t.scene[0], t.scene[1]] as [number, number],
        radius: 9 * k,
      })),
      ...snapshot.transports.flatMap((t) =>
        t.signals.map((s) => ({
          id: `signal:${t.incidentId}:${s.id}`,
          position: [s.lon, s.lat] as [number, number],
          radius: 8 * k,
        })),
      ),
    ];
    rt.setLabels(GROUP, labels, markers);
  }, [snapshot, k, profile]);
  useEffect(() => () => getMapRuntime().clearLabels(GROUP), []);

  const trips = useMemo(
    (): Trip[] =>
      (snapshot?.transports ?? [])
        .filter((t) => t.route && (t.phase === 'to_scene' || t.phase === 'to_hospital'))
        .map((t) => ({
          incidentId: t.incidentId,
          path: t.route!.path,
          timestamps: pathTimestamps(t.route!.path, TRIP_LOOP),
          focused: t.incidentId === focusId,
        })),
    [snapshot, focusId],
  );

  // One rAF loop draws the moving parts; it is cancelled when the inputs change or the cockpit unmounts.
  useEffect(() => {
    const rt = getMapRuntime();
    // Reduced motion: whole routes without the running light, ambulances moved once a second.
    const still = prefersReducedMotion();
    const frameMs = still ? STILL_FRAME_MS : FRAME_MS;
    let raf = 0;
    let lastDraw = Number.NEGATIVE_INFINITY;
    let drawnStill = false;
    const frame = (now: number) => {
      raf = requestAnimationFrame(frame);
      if (now - lastDraw < frameMs) return;
      // Nothing moves (no route under way, every ambulance at its latest fix): draw once, then idle.
      let moving = trips.length > 0 && !still;
      for (const track of tracks.current.values()) if (now <= track.to.atMs + frameMs) moving = true;
      if (!moving && drawnStill) return;
      drawnStill = !moving;
      lastDraw = now;
      const dots: AmbulanceDot[] = [];
      for (const [id, track] of tracks.current) {
        const drawn = positionOf(track, now);
        // Between fixes the glide is a straight line: keep the icon on its route.
        const path = routeOf.get(id);
        const [lon, lat] = path ? snapToPath(path, [drawn.lon, drawn.lat]) : [drawn.lon, drawn.lat];
        const p = { ...drawn, lon, lat };
        dots.push({ id, ...p, color: AMBULANCE_COLORS[statusOf.get(id) ?? 'idle'] });
      }
      rt.setLayers(GROUP, [
        ...staticLayers,
        new TripsLayer<Trip>({
          id: 'trauma-trips',
          data: trips,
          getPath: (d) => d.path,
          getTimestamps: (d) => d.timestamps,
          getColor: [255, 236, 240],
          getWidth: (d) => (d.focused ? 7 : 5) * k,
          widthUnits: 'pixels',
          capRounded: true,
          jointRounded: true,
          trailLength: still ? TRIP_LOOP : TRIP_LOOP * 0.25,
          currentTime: still ? TRIP_LOOP : ((now % TRIP_PERIOD_MS) / TRIP_PERIOD_MS) * TRIP_LOOP * 1.25,
          fadeTrail: !still,
          updateTriggers: { getWidth: k },
        }),
        new ScatterplotLayer<AmbulanceDot>({
          id: 'trauma-ambulances',
          data: dots,
          getPosition: (d) => [d.lon, d.lat],
          getFillColor: (d) => d.color,
          getLineColor: [6, 16, 31, 255],
          stroked: true,
          getRadius: 10 * k,
          radiusUnits: 'pixels',
          getLineWidth: 2 * k,
          lineWidthUnits: 'pixels',
        }),
        new TextLayer<AmbulanceDot>({
          id: 'trauma-ambulance-heading',
          data: dots,
          getPosition: (d) => [d.lon, d.lat],
          getText: () => '▲',
          getAngle: (d) => -d.headingDeg,
          getSize: 13 * k,
          sizeUnits: 'pixels',
          getColor: [6, 16, 31, 255],
          fontFamily: FONT,
          characterSet: 'auto',
          getTextAnchor: 'middle',
          getAlignmentBaseline: 'center',
        }),
      ]);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [staticLayers, trips, statusOf, routeOf, k]);

  useEffect(() => () => getMapRuntime().clearLayers(GROUP), []);
}
