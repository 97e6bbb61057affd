import type { IndicatorSeries, SeriesStep } from '@cockpit/contracts';
import { beijingDateOf } from '@cockpit/domain/eco';
import type { Hierarchy } from '../geo/hierarchy';
import { HttpError } from '../lib/errors';
import { HOURLY_RETENTION_DAYS } from '../store/history';
import { downsampleMean } from './downsample';
import type { HistoryService } from './service';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
/** A wall's trend chart is about 1,000 px wide: two points a pixel is plenty. */
export const DEFAULT_MAX_POINTS = 500;
const MAX_DAY_WINDOW_DAYS = 20 * 366;

export type SeriesQuery = {
  indicatorId: string;
  regionCode: string;
  from?: string | undefined;
  to?: string | undefined;
  step: SeriesStep;
  maxPoints?: number | undefined;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An instant from an ISO date-time, or a Beijing date (its midnight; `end`: its last hour / itself). */
function instant(name: string, raw: string, step: SeriesStep, end: boolean): number {
  if (DATE.test(raw)) {
    const ms = Date.parse(`${raw}T00:00:00+08:00`);
    if (Number.isNaN(ms) || beijingDateOf(ms) !== raw) throw bad(`${name} is not a calendar date: ${raw}`);
    return end && step === 'hour' ? ms + DAY_MS - HOUR_MS : ms;
  }
  // ISO 8601 with a zone (Z or ±hh:mm); anything else would depend on the server's time zone.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw))
    throw bad(
      `${name} must be an ISO 8601 date-time with a zone (e.g. 2026-11-01T00:00:00Z) or a date (2026-11-01)`,
    );
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw bad(`${name} is not a valid time: ${raw}`);
  return ms;
}

const bad = (message: string) => new HttpError(400, 'BAD_TIME_RANGE', message);

/**
 * A region's stored series of one indicator over a window: validated (unknown indicator, a level where it
 * does not exist, bad or reversed times, an hourly window past the retention), read from the hourly or
 * daily history, and downsampled by bucket mean to at most maxPoints.
 */
export async function indicatorSeries(
  history: HistoryService,
  hierarchy: Hierarchy,
  q: SeriesQuery,
  now: number,
): Promise<IndicatorSeries> {
  const indicator = history.indicators().find((i) => i.id === q.indicatorId);
  if (!indicator)
    throw new HttpError(400, 'UNKNOWN_INDICATOR', `No active indicator has the id ${q.indicatorId}`);
  const region = hierarchy.get(q.regionCode);
  if (!region) throw new HttpError(404, 'REGION_NOT_FOUND', `No region has the code ${q.regionCode}`);
  if (!indicator.levels.includes(region.level))
    throw new HttpError(
      400,
      'LEVEL_NOT_AVAILABLE',
      `${q.indicatorId} exists at ${indicator.levels.join(', ')}, not at the ${region.level} level of ${q.regionCode}`,
    );
  const stepMs = q.step === 'hour' ? HOUR_MS : DAY_MS;
  let toMs = q.to === undefined ? now : instant('to', q.to, q.step, true);
  let fromMs =
    q.from === undefined
      ? toMs - (q.step === 'hour' ? DAY_MS - HOUR_MS : 29 * DAY_MS)
      : instant('from', q.from, q.step, false);
  if (fromMs > toMs)
    throw bad(
      `from (${q.from ?? new Date(fromMs).toISOString()}) is after to (${q.to ?? new Date(toMs).toISOString()})`,
    );
  const maxDays = q.step === 'hour' ? HOURLY_RETENTION_DAYS : MAX_DAY_WINDOW_DAYS;
  if (toMs - fromMs > maxDays * DAY_MS)
    throw new HttpError(
      400,
      'WINDOW_TOO_LARGE',
      q.step === 'hour'
        ? `An hourly window is at most ${HOURLY_RETENTION_DAYS} days (the hourly history is kept that long); use step=day`
        : `A daily window is at most ${MAX_DAY_WINDOW_DAYS} days`,
    );
  const maxPoints = q.maxPoints ?? DEFAULT_MAX_POINTS;

  let points: { atMs: number; value: number | null }[];
  let backfilled: number;
  if (q.step === 'hour') {
    fromMs = Math.floor(fromMs / HOUR_MS) * HOUR_MS;
    toMs = Math.floor(toMs / HOUR_MS) * HOUR_MS;
    const rows = await history.hourly(
      q.indicatorId,
      q.regionCode,
      new Date(fromMs).toISOString(),
      new Date(toMs).toISOString(),
    );
    points = rows.map((r) => ({ atMs: Date.parse(r.hour), value: r.value }));
    backfilled = rows.filter((r) => r.backfilled).length;
  } else {
    const fromDay = beijingDateOf(fromMs);
    const toDay = beijingDateOf(toMs);
    fromMs = Date.parse(`${fromDay}T00:00:00+08:00`);
    toMs = Date.parse(`${toDay}T00:00:00+08:00`);
    const rows = await history.daily(q.indicatorId, q.regionCode, fromDay, toDay);
    points = rows.map((r) => ({ atMs: Date.parse(`${r.day}T00:00:00+08:00`), value: r.value }));
    backfilled = rows.filter((r) => r.backfilled).length;
  }
  const sampled = downsampleMean(points, { fromMs, toMs, stepMs, maxPoints });
  return {
    indicatorId: q.indicatorId,
    regionCode: q.regionCode,
    unit: indicator.unit,
    step: q.step,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    points: sampled.points.map((p) => [new Date(p.atMs).toISOString(), p.value] as [string, number | null]),
    downsampled:
      sampled.bucketMs === null
        ? null
        : { method: 'mean', bucketSeconds: sampled.bucketMs / 1000, maxPoints },
    backfilledPoints: backfilled,
  };
}
