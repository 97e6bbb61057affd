import type { ParkingLotDetail } from '@cockpit/contracts';
import { COUNTY_CODE } from '@cockpit/contracts';
import type { LonLat } from '@cockpit/domain/routing';
import { booleanPointInPolygon, point } from '@turf/turf';
import { guard } from '../../auth/access';
import type { Dataset } from '../../indicators/dataset-cache';
import { createRouter } from '../../lib/create-router';
import { HttpError } from '../../lib/errors';
import { lonLatParam } from '../../lib/lonlat-param';
import type { Services } from '../../services';
import { guidance } from '../../snapshots/parking/guidance';
import { parkingDatasets, parkingReads, predictContext } from '../../snapshots/parking/parking.builder';
import {
  liveBufferOf,
  lotView,
  predictLot,
  screensDataTime,
  screenViews,
} from '../../snapshots/parking/parking.model';
import { getGuidance, getLotDetail } from './parking.routes';

const DAY_MS = 86_400_000;
const STEP_MS = 15 * 60_000;

/** The parking cockpit's own endpoints (beyond its snapshot). */
export function parkingRouter(services: Services) {
  const ctx = services.snapshots.context;
  const ds = () => parkingDatasets(ctx);
  const readAll = async () => {
    const d = ds();
    return parkingReads(d, await services.snapshots.read(Object.values(d) as Dataset<unknown>[]));
  };
  const county = ctx.hierarchy.get(COUNTY_CODE);
  const inCounty = (p: LonLat) => (county ? booleanPointInPolygon(point(p), county.feature) : true);

  /** A lot's village (its region for scope checks); undefined for an unknown lot (404 from the handler). */
  const lotRegion = async (lotId: string) => {
    const lot = (await readAll()).lots.value?.find((l) => l.lotId === lotId);
    return lot ? [lot.villageCode] : undefined;
  };
  const lotAccess = guard({
    permission: 'cockpit:view',
    region: { from: 'lookup', regions: (c) => lotRegion(c.req.param('lotId') ?? '') },
  });

  return createRouter()
    .openapi(getGuidance, async (c) => {
      const q = c.req.valid('query');
      const to = lonLatParam(q.to, 'to');
      const from = q.from === undefined ? undefined : lonLatParam(q.from, 'from');
      for (const [name, p] of [
        ['to', to],
        ['from', from],
      ] as const)
        if (p && !inCounty(p))
          throw new HttpError(400, 'OUTSIDE_COUNTY', `${name} (${p[0]}, ${p[1]}) lies outside 天台县`);
      const reads = await readAll();
      const result = guidance({
        lots: reads.lots.value ?? [],
        predict: predictContext(reads, Date.now(), liveBufferOf(ctx.datasets.lots)),
        graph: ctx.network().graph,
        to,
        from,
      });
      return c.json(result, 200);
    })
    .openapi({ ...getLotDetail, middleware: [lotAccess] }, async (c) => {
      const { lotId } = c.req.valid('param');
      const reads = await readAll();
      const lots = reads.lots.value ?? [];
      const lot = lots.find((l) => l.lotId === lotId);
      if (!lot) throw new HttpError(404, 'LOT_NOT_FOUND', `No lot has the id ${lotId}`);
      const predict = predictContext(reads, Date.now(), liveBufferOf(ctx.datasets.lots));
      const live = predict.live?.samples(lotId) ?? [];
      const past = (reads.history.value?.lots.get(lotId)?.samples ?? []).filter(
        (s) => s.at >= predict.nowMs - DAY_MS && s.at <= predict.nowMs,
      );
      // After the (hourly) history ends, the live readings: the latest of each 15-min step, then now.
      const steps = new Map<number, { at: number; occupied: number }>();
      for (const s of live)
        if (s.at > (past.at(-1)?.at ?? 0) && s.at <= predict.nowMs) steps.set(Math.ceil(s.at / STEP_MS), s);
      const history = [
        ...past.map((s) => ({ at: s.at, occupied: s.occupied })),
        ...[...steps.values()].sort((a, b) => a.at - b.at),
      ].map((s) => ({
        at: new Date(s.at).toISOString(),
        occupied: s.occupied,
        free: lot.berthTotal - s.occupied,
      }));
      const screens = (reads.screens.value ?? []).filter((s) => s.targets.some((t) => t.lotId === lotId));
      const recentRecords = (reads.records.value?.records ?? [])
        .filter((r) => r.lotId === lotId)
        .sort((a, b) => (a.inAt < b.inAt ? 1 : -1))
        .slice(0, 10)
        .map((r) => ({
          recordId: r.recordId,
          plate: r.plateMasked,
          ...(r.revealRef ? { revealRef: r.revealRef } : {}),
          inAt: r.inAt,
          outAt: r.outAt,
        }));
      const body: ParkingLotDetail = {
        lot: lotView(lot, predict),
        history,
        forecast: predictLot(lot, predict, [15, 30, 45, 60, 90, 120]),
        screens: screenViews(screens, lots, screensDataTime(reads.screens.value ?? [], predict.nowMs)),
        recentRecords,
      };
      return c.json(body, 200);
    });
}
