import { type Kysely, sql } from 'kysely';
import type { DB } from './schema';

/**
 * Indicator history: one value per indicator × region × hour (kept HOURLY_RETENTION_DAYS) and per
 * indicator × region × Beijing day (kept for ever). Queries only; the writer and backfill live in
 * history/ and call these.
 */

export const HOURLY_RETENTION_DAYS = 400;
const DAY_MS = 24 * 3600_000;

export type HistoryStatus = 'ok' | 'stale' | 'error';
export type DailyQuality = 'complete' | 'partial' | 'empty';

/** One hourly value. `hour` is the start of the hour, any ISO 8601 UTC form (normalised to `…T08:00Z`). */
export type HourlyValue = {
  indicatorId: string;
  regionCode: string;
  value: number | null;
  status: HistoryStatus;
};
export type HourlyRecord = HourlyValue & { hour: string; backfilled: boolean };

export type DailyRecord = {
  indicatorId: string;
  regionCode: string;
  /** Beijing date `YYYY-MM-DD`. */
  day: string;
  value: number | null;
  min: number | null;
  max: number | null;
  hours: number;
  quality: DailyQuality;
  backfilled: boolean;
};

export interface HistoryStore {
  /**
   * Stores one hour of values (every indicator × region) in one transaction with one prepared statement,
   * replacing what that hour held (a live sample beats a backfilled one), and prunes the hours older than
   * HOURLY_RETENTION_DAYS before it.
   */
  writeHour(hour: string, values: readonly HourlyValue[]): Promise<void>;
  /** Backfilled hours (each row its own hour): inserted where the hour is empty, never replacing a row. */
  backfillHours(rows: readonly (HourlyValue & { hour: string })[]): Promise<number>;
  /** Daily rows, upserted (a day is recomputed while it is still filling up). */
  writeDays(rows: readonly DailyRecord[]): Promise<void>;
  /**
   * Makes the daily rows of the given Beijing days from the stored hours (mean, min, max, hours; for
   * `lastOf` ids the day's last value, for counters that restart at midnight). Ids in `skip` keep their
   * own daily rules (e.g. the HJ 633 daily AQI) and are left alone.
   */
  aggregateDays(
    days: readonly string[],
    opts: { lastOf: readonly string[]; skip: readonly string[] },
  ): Promise<void>;
  hourly(indicatorId: string, regionCode: string, fromHour: string, toHour: string): Promise<HourlyRecord[]>;
  daily(indicatorId: string, regionCode: string, fromDay: string, toDay: string): Promise<DailyRecord[]>;
  /** Every stored value (each indicator × region) of the given hours: one seek per hour (the sudden-jump check). */
  valuesOfHours(hours: readonly string[]): Promise<HourlyRecord[]>;
  /** Row counts, for health and tests. */
  counts(): Promise<{ hourly: number; daily: number; backfilledHourly: number; backfilledDaily: number }>;
}

/** `2026-12-01T08:00Z`: the stored form of an hour (sorts as text, ISO 8601). */
export function hourKey(iso: string | number): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${iso}`);
  return `${new Date(Math.floor(ms / 3600_000) * 3600_000).toISOString().slice(0, 13)}:00Z`;
}

/** The UTC hours [from, to) of a Beijing day `YYYY-MM-DD`. */
export function beijingDayHours(day: string): { from: string; to: string } {
  const start = Date.parse(`${day}T00:00:00+08:00`);
  return { from: hourKey(start), to: hourKey(start + DAY_MS) };
}

/** Rows per statement: SQLite's JSON functions take the batch as one text parameter. */
const CHUNK = 20_000;

type HourlyRow = {
  hour: string;
  indicator_id: string;
  region_code: string;
  value: number | null;
  status: string;
  backfilled: number;
};

const hourlyRecord = (r: HourlyRow): HourlyRecord => ({
  indicatorId: r.indicator_id,
  regionCode: r.region_code,
  hour: r.hour,
  value: r.value,
  status: r.status as HistoryStatus,
  backfilled: r.backfilled !== 0,
});

type Serialise = <T>(fn: () => Promise<T>) => Promise<T>;

/** The history queries over the store's database; writes go through the store's one serial writer. */
export function historyStore(db: Kysely<DB>, serialise: Serialise): HistoryStore {
  const tx = <T>(fn: (q: Kysely<DB>) => Promise<T>) =>
    serialise(() => db.transaction().execute((trx) => fn(trx as unknown as Kysely<DB>)));

  return {
    writeHour: (hour, values) => {
      const key = hourKey(hour);
      const cutoff = hourKey(Date.parse(key) - HOURLY_RETENTION_DAYS * DAY_MS);
      return tx(async (q) => {
        for (let i = 0; i < values.length; i += CHUNK) {
          const batch = JSON.stringify(
            values.slice(i, i + CHUNK).map((v) => [v.indicatorId, v.regionCode, v.value, v.status]),
          );
          // One statement per chunk: the rows travel as one JSON array and are unpacked by SQLite itself.
          await sql`INSERT INTO indicator_history_hourly (indicator_id, region_code, hour, value, status, backfilled)
            SELECT j.value ->> 0, j.value ->> 1, ${key}, j.value ->> 2, j.value ->> 3, 0 FROM json_each(${batch}) AS j WHERE true
            ON CONFLICT (hour, indicator_id, region_code) DO UPDATE SET
              value = excluded.value, status = excluded.status, backfilled = 0`.execute(q);
        }
        // Retention: the index on hour makes this a seek; it removes at most the hours that just fell out.
        await q.deleteFrom('indicator_history_hourly').where('hour', '<', cutoff).execute();
      });
    },

    backfillHours: (rows) => {
      if (rows.length === 0) return Promise.resolve(0);
      return tx(async (q) => {
        let inserted = 0;
        for (let i = 0; i < rows.length; i += CHUNK) {
          const batch = JSON.stringify(
            rows
              .slice(i, i + CHUNK)
              .map((v) => [v.indicatorId, v.regionCode, hourKey(v.hour), v.value, v.status]),
          );
          const r =
            await sql`INSERT INTO indicator_history_hourly (indicator_id, region_code, hour, value, status, backfilled)
            SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, 1 FROM json_each(${batch}) AS j WHERE true
            ON CONFLICT (hour, indicator_id, region_code) DO NOTHING`.execute(q);
          inserted += Number(r.numAffectedRows ?? 0);
        }
        return inserted;
      });
    },

    writeDays: (rows) => {
      if (rows.length === 0) return Promise.resolve();
      return tx(async (q) => {
        for (let i = 0; i < rows.length; i += CHUNK) {
          const batch = JSON.stringify(
            rows
              .slice(i, i + CHUNK)
              .map((r) => [
                r.indicatorId,
                r.regionCode,
                r.day,
                r.value,
                r.min,
                r.max,
                r.hours,
                r.quality,
                r.backfilled ? 1 : 0,
              ]),
          );
          await sql`INSERT INTO indicator_history_daily (indicator_id, region_code, day, value, min, max, hours, quality, backfilled)
            SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5,
                   j.value ->> 6, j.value ->> 7, j.value ->> 8 FROM json_each(${batch}) AS j WHERE true
            ON CONFLICT (indicator_id, region_code, day) DO UPDATE SET
              value = excluded.value, min = excluded.min, max = excluded.max, hours = excluded.hours,
              quality = excluded.quality, backfilled = excluded.backfilled`.execute(q);
        }
      });
    },

    aggregateDays: (days, opts) =>
      tx(async (q) => {
        const lastOf = JSON.stringify(opts.lastOf);
        const skip = JSON.stringify(opts.skip);
        for (const day of days) {
          const { from, to } = beijingDayHours(day);
          // A day is complete with at least 20 hourly values (the share HJ 663 asks of a daily mean). One range
          // read of the day's hours; the last value of a series is one key seek on the hour it was found at.
          await sql`INSERT INTO indicator_history_daily (indicator_id, region_code, day, value, min, max, hours, quality, backfilled)
            SELECT g.indicator_id, g.region_code, ${day},
              CASE WHEN g.indicator_id IN (SELECT value FROM json_each(${lastOf})) THEN l.value ELSE g.mean END,
              g.low, g.high, g.n,
              CASE WHEN g.n >= 20 THEN 'complete' WHEN g.n > 0 THEN 'partial' ELSE 'empty' END,
              g.backfilled
            FROM (
              SELECT indicator_id, region_code, avg(value) AS mean, min(value) AS low, max(value) AS high,
                count(value) AS n, max(backfilled) AS backfilled,
                max(CASE WHEN value IS NOT NULL THEN hour END) AS last_hour
              FROM indicator_history_hourly
              WHERE hour >= ${from} AND hour < ${to}
                AND indicator_id NOT IN (SELECT value FROM json_each(${skip}))
              GROUP BY indicator_id, region_code
            ) AS g
            LEFT JOIN indicator_history_hourly l
              ON l.hour = g.last_hour AND l.indicator_id = g.indicator_id AND l.region_code = g.region_code
            WHERE true
            ON CONFLICT (indicator_id, region_code, day) DO UPDATE SET
              value = excluded.value, min = excluded.min, max = excluded.max, hours = excluded.hours,
              quality = excluded.quality, backfilled = excluded.backfilled`.execute(q);
        }
      }),

    hourly: async (indicatorId, regionCode, fromHour, toHour) => {
      // One primary-key seek per hour of the window (the table is clustered by hour, then series).
      const hours: string[] = [];
      for (let t = Date.parse(hourKey(fromHour)); t <= Date.parse(hourKey(toHour)); t += 3600_000)
        hours.push(hourKey(t));
      const rows = await sql<HourlyRow>`
        SELECT h.hour, h.indicator_id, h.region_code, h.value, h.status, h.backfilled
        FROM json_each(${JSON.stringify(hours)}) AS k
        CROSS JOIN indicator_history_hourly h
          ON h.hour = k.value AND h.indicator_id = ${indicatorId} AND h.region_code = ${regionCode}
        ORDER BY h.hour`.execute(db);
      return rows.rows.map(hourlyRecord);
    },

    daily: async (indicatorId, regionCode, fromDay, toDay) =>
      (
        await db
          .selectFrom('indicator_history_daily')
          .selectAll()
          .where('indicator_id', '=', indicatorId)
          .where('region_code', '=', regionCode)
          .where('day', '>=', fromDay)
          .where('day', '<=', toDay)
          .orderBy('day')
          .execute()
      ).map((r) => ({
        indicatorId: r.indicator_id,
        regionCode: r.region_code,
        day: r.day,
        value: r.value,
        min: r.min,
        max: r.max,
        hours: r.hours,
        quality: r.quality as DailyQuality,
        backfilled: r.backfilled !== 0,
      })),

    valuesOfHours: async (hours) => {
      if (hours.length === 0) return [];
      const rows = await sql<HourlyRow>`
        SELECT h.hour, h.indicator_id, h.region_code, h.value, h.status, h.backfilled
        FROM json_each(${JSON.stringify(hours.map((h) => hourKey(h)))}) AS k
        CROSS JOIN indicator_history_hourly h ON h.hour = k.value`.execute(db);
      return rows.rows.map(hourlyRecord);
    },

    counts: async () => {
      const one = async (
        table: 'indicator_history_hourly' | 'indicator_history_daily',
        backfilled: boolean,
      ) => {
        let query = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
        if (backfilled) query = query.where('backfilled', '=', 1);
        return Number((await query.executeTakeFirstOrThrow()).n);
      };
      return {
        hourly: await one('indicator_history_hourly', false),
        daily: await one('indicator_history_daily', false),
        backfilledHourly: await one('indicator_history_hourly', true),
        backfilledDaily: await one('indicator_history_daily', true),
      };
    },
  };
}
