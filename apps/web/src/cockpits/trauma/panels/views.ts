import type {
  ActiveTransport,
  HospitalReadiness,
  IndicatorValue,
  Series,
  TraumaCasesOptions,
  TraumaCoverage,
  TraumaCoverageOptions,
  TraumaGreenChannelOptions,
  TraumaHospitalsOptions,
  TraumaKpisOptions,
  TraumaNearestOptions,
  TraumaSnapshot,
} from '@cockpit/contracts';
import type { z } from 'zod';

/** How long a new severe case stays highlighted at the front of the wall. */
export const ANNOUNCE_MS = 90_000;

/** The focus the trauma store holds: the case brought to the front and when a new severe case did so. */
export type TraumaFocus = { focusId: string | null; focusAt: number | null };

/** The case in front: the focused one while it is under way, else the most urgent (the snapshot's first). */
export function focusedTransport(
  snapshot: TraumaSnapshot | undefined,
  focusId: string | null,
): ActiveTransport | undefined {
  return snapshot?.transports.find((t) => t.incidentId === focusId) ?? snapshot?.transports[0];
}

/** Whether the case in front was brought there by a new severe case less than `ANNOUNCE_MS` ago. */
export function isAnnounced(
  transport: ActiveTransport | undefined,
  focus: TraumaFocus,
  nowMs: number,
): boolean {
  return Boolean(
    transport &&
      transport.incidentId === focus.focusId &&
      focus.focusAt !== null &&
      nowMs - focus.focusAt < ANNOUNCE_MS,
  );
}

export type GreenChannelView =
  | { state: 'loading' }
  | { state: 'none' }
  | {
      state: 'case';
      transport: ActiveTransport;
      announced: boolean;
      showReasons: boolean;
      /** The intersections in a column of their own beside the case. */
      columns: 1 | 2;
    };

/** trauma.green-channel: the case in front, whether it was just announced, and what the options show. */
export function greenChannelView(
  snapshot: TraumaSnapshot | undefined,
  options: z.infer<typeof TraumaGreenChannelOptions>,
  focus: TraumaFocus,
  nowMs: number,
): GreenChannelView {
  if (!snapshot) return { state: 'loading' };
  const transport = focusedTransport(snapshot, focus.focusId);
  if (!transport) return { state: 'none' };
  return {
    state: 'case',
    transport,
    announced: isAnnounced(transport, focus, nowMs),
    showReasons: options.showReasons,
    columns: options.columns,
  };
}

export type CasesView =
  | { state: 'loading' }
  | { state: 'ready'; total: number; cases: ActiveTransport[]; focusId: string | null };

/** trauma.cases: every active case (at most `maxCases` listed), and which one is in front. */
export function casesView(
  snapshot: TraumaSnapshot | undefined,
  options: z.infer<typeof TraumaCasesOptions>,
  focusId: string | null,
): CasesView {
  if (!snapshot) return { state: 'loading' };
  return {
    state: 'ready',
    total: snapshot.transports.length,
    cases: snapshot.transports.slice(0, options.maxCases),
    focusId: focusedTransport(snapshot, focusId)?.incidentId ?? null,
  };
}

/** trauma.hospitals: the hospitals on the board (only those receiving ambulances, by default). */
export function hospitalsView(
  snapshot: TraumaSnapshot | undefined,
  options: z.infer<typeof TraumaHospitalsOptions>,
): HospitalReadiness[] | null {
  if (!snapshot) return null;
  return options.receivingOnly ? snapshot.hospitals.filter((h) => h.receivesAmbulances) : snapshot.hospitals;
}

export type KpisView = {
  /** One entry per bound indicator id, in the options' order (undefined: not in the snapshot yet). */
  values: (IndicatorValue | undefined)[];
  present: IndicatorValue[];
  trend: Series | undefined;
};

/** trauma.kpis: the bound indicators' values and the trend series. */
export function kpisView(
  snapshot: TraumaSnapshot | undefined,
  options: z.infer<typeof TraumaKpisOptions>,
): KpisView {
  const values = options.indicatorIds.map((id) => snapshot?.indicators.find((i) => i.indicatorId === id));
  return {
    values,
    present: values.filter((v): v is IndicatorValue => v !== undefined),
    trend:
      options.trendSeriesId === null
        ? undefined
        : snapshot?.series.find((s) => s.indicatorId === options.trendSeriesId),
  };
}

export type CoverageView = {
  gaps: number;
  coveredShare: number | null;
  /** Townships with villages beyond 15 minutes, at most `maxTownships`. */
  townships: TraumaCoverage['townships'];
} | null;

/** trauma.coverage: villages beyond 15 minutes, in all and by township. */
export function coverageView(
  snapshot: TraumaSnapshot | undefined,
  options: z.infer<typeof TraumaCoverageOptions>,
): CoverageView {
  const c = snapshot?.coverage;
  if (!c) return null;
  return {
    gaps: c.gaps,
    coveredShare: c.coveredShare,
    townships: c.townships.filter((t) => t.gaps > 0).slice(0, options.maxTownships),
  };
}

export type NearestRow = { id: string; name: string; minutes: number | null; km: number };
export type NearestView =
  | { state: 'loading' }
  | { state: 'not-village' }
  | { state: 'ready'; stations: NearestRow[]; hospitals: NearestRow[] };

/**
 * trauma.nearest: what serves a village (it has no station or hospital of its own), nearest first by drive
 * time. Loading until the snapshot is here; a township or the county has its own facilities on the map, so
 * the panel says it applies to villages rather than listing nothing.
 */
export function nearestView(
  snapshot: TraumaSnapshot | undefined,
  options: z.infer<typeof TraumaNearestOptions>,
): NearestView {
  if (!snapshot) return { state: 'loading' };
  const n = snapshot.nearest;
  if (!n) return { state: 'not-village' };
  const row = (f: (typeof n.stations)[number]): NearestRow => ({
    id: f.id,
    name: f.name,
    minutes: f.driveMinutes === null ? null : Math.round(f.driveMinutes),
    km: f.straightKm,
  });
  return {
    state: 'ready',
    stations: n.stations.slice(0, options.limit).map(row),
    hospitals: n.hospitals.slice(0, options.limit).map(row),
  };
}
