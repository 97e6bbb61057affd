/**
 * The parking cockpit's endpoints beyond its snapshot, as a service the thin route handlers call: guidance to
 * a destination, and one lot's detail. Both read the same datasets as the snapshot (through the shared cache)
 * and use the same prediction context; neither writes any state.
 */
import type { ParkingGuidanceResponse, ParkingLotDetail } from '@cockpit/contracts';
import { COUNTY_CODE } from '@cockpit/contracts';
import type { LonLat } from '@cockpit/domain/routing';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Dataset } from '../../indicators/dataset-cache';
import { HttpError } from '../../lib/errors';
import type { SnapshotService } from '../service';
import { guidance } from './guidance';
import { type ParkingReads, parkingDatasets, parkingReads, predictContext } from './parking.builder';
import { liveBufferOf, lotView, predictLot, screensDataTime, screenViews } from './parking.model';

const DAY_MS = 86_400_000;
const STEP_MS = 15 * 60_000;

export function parkingService(snapshots: SnapshotService) {
  const ctx = snapshots.context;
  const readAll = async (): Promise<ParkingReads> => {
    const d = parkingDatasets(ctx);
    return parkingReads(d, await snapshots.read(Object.values(d) as Dataset<unknown>[]));
  };
  const county = ctx.hierarchy.get(COUNTY_CODE);
  const inCounty = (p: LonLat) => (county ? booleanPointInPolygon(point(p), county.feature) : true);
  const predictOf = (reads: ParkingReads) =>
    predictContext(reads, Date.now(), liveBufferOf(ctx.datasets.lots));

  return {
    /** A lot's village (its region for scope checks); undefined for an unknown lot. */
    async lotRegion(lotId: string): Promise<string[] | undefined> {
      const lot = (await readAll()).lots.value?.find((l) => l.lotId === lotId);
      return lot ? [lot.villageCode] : undefined;
    },

    /** The three best lots for a destination; 400 OUTSIDE_COUNTY for a point outside 天台县. */
    async guidance(to: LonLat, from: LonLat | undefined): Promise<ParkingGuidanceResponse> {
      for (const [name, p] of [
        ['to', to],
        ['from', from],
      ] as const)
        if (p && !inCounty(p))
          throw new HttpError(400, 'OUTSIDE_COUNTY', `${name} (${p[0]}, ${p[1]}) lies outside 天台县`);
      const reads = await readAll();
      return guidance({
        lots: reads.lots.value ?? [],
        predict: predictOf(reads),
        graph: ctx.network().graph,
        to,
        from,
      });
    },

    /** One lot: live state and prediction, the last 24 h, its guide screens and latest entries; 404 if unknown. */
    async lotDetail(lotId: string): Promise<ParkingLotDetail> {
      const reads = await readAll();
      const lots = reads.lots.value ?? [];
      const lot = lots.find((l) => l.lotId === lotId);
      if (!lot) throw new HttpError(404, 'LOT_NOT_FOUND', `No lot has the id ${lotId}`);
      const predict = predictOf(reads);
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
      return {
        lot: lotView(lot, predict),
        history,
        forecast: predictLot(lot, predict, [15, 30, 45, 60, 90, 120]),
        screens: screenViews(screens, lots, screensDataTime(reads.screens.value ?? [], predict.nowMs)),
        recentRecords,
      };
    },
  };
}

export type ParkingService = ReturnType<typeof parkingService>;
