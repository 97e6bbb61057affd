/**
 * Parking: the free-berth prediction against the simulator's truth, and the guidance latency.
 *
 * Prediction: for every lot, origins every 30 min over 2026-09-26 … 2026-10-09 (a workday week, the National
 * Day Golden Week and the make-up workdays). At each origin the model sees what the BFF sees: a profile
 * built from the last 28 days of 15-min history (rebuilt once a simulated day — the BFF rebuilds hourly, so
 * this is slightly pessimistic), the history samples of the last 2 h and the live reading. Truth =
 * `occupiedAt(seed, lot, t + h)`. Two baselines: persistence ("free stays as now") and seasonal-naive (the
 * same 15-min slot on the last earlier day of the same day kind, a week back first); ratio = model MAE ÷
 * baseline MAE (below 1 is better). The full-call precision is the share of "will be full" calls (free
 * ≤ max(2, 3 % of capacity)) that were right, the recall the share of full cases that were called.
 * Evaluated twice: on exact truth, and on what the platform serves (the last report, frozen during the
 * simulator's silent-sensor spells) — the truth scored against is always the exact occupancy.
 *
 * Guidance latency: GET /api/v1/parking/guidance for 200 destinations near the lots (sequential, over HTTP
 * against the built BFF), alternated with the same number of GET /api/v1/regions/331023 (a cheap JSON route
 * of the same server) as baseline; p50 and p95 are medians over the runs.
 */
import { officialDayKind } from '@cockpit/domain/calendar';
import {
  buildProfile,
  evaluatePredictions,
  type OccupancySample,
  type PredictionPair,
  type Profile,
  predictFree,
} from '@cockpit/domain/parking';
import { loadGeo } from '@cockpit/mock-data/upstreams/geo';
import { buildLots, occupiedAt, reportedAt } from '@cockpit/mock-data/upstreams/parking/model';
import { alternate, type Row } from '../harness';
import { percentile } from '../stats';

const SEED = 20211;
const MIN = 60_000;
const DAY = 86_400_000;
const STEP = 15 * MIN;
const HISTORY_DAYS = 28;
const HORIZONS = [15, 30, 60] as const;
const EVAL_FROM = Date.parse('2026-09-25T16:00:00Z'); // 2026-09-26 00:00 Beijing
const EVAL_DAYS = 14;
const ORIGIN_STEP = 30 * MIN;

const calendar = officialDayKind;

type Lot = ReturnType<typeof buildLots>[number];
export type EvalData = 'exact' | 'silent-sensors';

/**
 * What the predictor (and the baselines) see of a lot at t: the exact truth, or what the platform serves —
 * the last sensor report, frozen during the simulator's silent-sensor spells (`reportedAt`).
 */
function observe(lot: Lot, data: EvalData): (t: number) => OccupancySample {
  return data === 'exact'
    ? (t) => ({ at: t, occupied: occupiedAt(SEED, lot, t) })
    : (t) => {
        const r = reportedAt(SEED, lot, t);
        return { at: r.updateTime, occupied: r.berthOccupied };
      };
}

/**
 * Seasonal-naive: the occupancy seen at the same 15-min slot on the most recent earlier day of the same day
 * kind, looking back 7 days first ("same slot, same day kind, last week"), else the nearest earlier day of
 * that kind within 28 days, else 7 days back whatever its kind.
 */
function seasonalNaive(seen: (t: number) => OccupancySample, target: number): number {
  const slot = Math.floor(target / STEP) * STEP;
  const kind = calendar(target);
  const back = [7, ...Array.from({ length: 28 }, (_, i) => i + 1).filter((d) => d !== 7)];
  for (const d of back) {
    const t = slot - d * DAY;
    if (calendar(t) === kind) return seen(t).occupied;
  }
  return seen(slot - 7 * DAY).occupied;
}

export function evaluatePrediction(data: EvalData = 'exact') {
  const lots = buildLots(loadGeo());
  const model: PredictionPair[] = [];
  const persistence: PredictionPair[] = [];
  const seasonal: PredictionPair[] = [];
  for (const lot of lots) {
    const occ = (t: number) => occupiedAt(SEED, lot, t);
    const seen = observe(lot, data);
    for (let d = 0; d < EVAL_DAYS; d++) {
      const dayStart = EVAL_FROM + d * DAY;
      const history: OccupancySample[] = [];
      for (let t = dayStart - HISTORY_DAYS * DAY; t < dayStart; t += STEP) history.push(seen(t));
      const profile: Profile = buildProfile(history, calendar);
      for (let t = dayStart; t < dayStart + DAY; t += ORIGIN_STEP) {
        const recent: OccupancySample[] = [];
        for (let s = Math.ceil((t - 120 * MIN) / STEP) * STEP; s < t; s += STEP) recent.push(seen(s));
        const now = seen(t);
        recent.push(now);
        // A frozen report repeats: keep one sample per report time.
        const unique = recent.filter((x, i) => i === 0 || x.at !== recent[i - 1]!.at);
        const preds = predictFree(profile, unique, t, HORIZONS, lot.berthTotal, calendar);
        for (const p of preds) {
          const target = t + p.horizonMin * MIN;
          const actualFree = lot.berthTotal - occ(target);
          const pair = (predictedFree: number) => ({
            horizonMin: p.horizonMin,
            predictedFree,
            actualFree,
            capacity: lot.berthTotal,
          });
          model.push(pair(p.free));
          persistence.push(pair(lot.berthTotal - now.occupied));
          seasonal.push(pair(lot.berthTotal - seasonalNaive(seen, target)));
        }
      }
    }
  }
  return {
    data,
    model: evaluatePredictions(model),
    persistence: evaluatePredictions(persistence),
    seasonal: evaluatePredictions(seasonal),
    pairs: model.length,
  };
}

/** Deterministic destinations near the lots (inside the county). */
function destinations(lots: ReturnType<typeof buildLots>, n: number): string[] {
  let x = 12345;
  const rnd = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const lot = lots[Math.floor(rnd() * lots.length)]!;
    out.push(
      `${(lot.lon + (rnd() - 0.5) * 0.012).toFixed(5)},${(lot.lat + (rnd() - 0.5) * 0.012).toFixed(5)}`,
    );
  }
  return out;
}

async function timed(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return performance.now() - t0;
}

export async function parkingPredictionSuite(ctx?: { bffUrl: string; runs: number }): Promise<Row[]> {
  const t0 = performance.now();
  const rows: Row[] = [];
  for (const data of ['exact', 'silent-sensors'] as const) {
    const ev = evaluatePrediction(data);
    const label = data === 'exact' ? 'exact truth' : "the platform's view, with silent-sensor spells";
    for (const h of HORIZONS) {
      const m = ev.model.maeByHorizon[h] ?? Number.NaN;
      for (const [name, base] of [
        ['persistence', ev.persistence],
        ['seasonal-naive', ev.seasonal],
      ] as const) {
        const b = base.maeByHorizon[h] ?? Number.NaN;
        rows.push({
          suite: 'parking',
          figure: `prediction MAE +${h} min vs ${name} (${data})`,
          unit: '个',
          subject: m,
          baseline: b,
          ratio: m / b,
          target: '< 1×',
          pass: m < b,
          note: `free berths; ${label}; ${ev.model.countByHorizon[h]} pairs, 48 lots, 14 days`,
        });
      }
    }
    const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
    const mp = ev.model.fullCallPrecision;
    const pp = ev.persistence.fullCallPrecision;
    const mr = ev.model.fullCallRecall;
    const pr = ev.persistence.fullCallRecall;
    if (mp !== null)
      rows.push({
        suite: 'parking',
        figure: `"will be full" precision (${data})`,
        unit: '%',
        subject: mp * 100,
        baseline: pp === null ? null : pp * 100,
        ratio: pp ? mp / pp : null,
        target: '> persistence',
        pass: pp === null || mp > pp,
        note: `baseline persistence; seasonal-naive ${pct(ev.seasonal.fullCallPrecision)}`,
      });
    if (mr !== null)
      rows.push({
        suite: 'parking',
        figure: `"will be full" recall (${data})`,
        unit: '%',
        subject: mr * 100,
        baseline: pr === null ? null : pr * 100,
        ratio: pr ? mr / pr : null,
        target: '≥ persistence',
        pass: pr === null || mr >= pr,
        note: `baseline persistence; seasonal-naive ${pct(ev.seasonal.fullCallRecall)}; eval ${((performance.now() - t0) / 1000).toFixed(0)} s so far`,
      });
  }

  if (ctx) {
    const lots = buildLots(loadGeo());
    const guide = (d: string) => `${ctx.bffUrl}/api/v1/parking/guidance?to=${d}`;
    const base = `${ctx.bffUrl}/api/v1/regions/331023`;
    // Warm-up (the first call loads the 28-day histories), and keep the destinations inside the county.
    const dests: string[] = [];
    for (const d of destinations(lots, 240)) {
      if (dests.length === 200) break;
      if ((await fetch(guide(d)).then((r) => r.arrayBuffer().then(() => r.status))) === 200) dests.push(d);
    }
    await timed(base);
    const p50: { s: number[]; b: number[] } = { s: [], b: [] };
    const p95: { s: number[]; b: number[] } = { s: [], b: [] };
    await alternate(
      Math.max(3, ctx.runs),
      async () => {
        const times: number[] = [];
        for (const d of dests) times.push(await timed(guide(d)));
        p50.s.push(percentile(times, 50));
        p95.s.push(percentile(times, 95));
        return 0;
      },
      async () => {
        const times: number[] = [];
        for (let i = 0; i < dests.length; i++) times.push(await timed(base));
        p50.b.push(percentile(times, 50));
        p95.b.push(percentile(times, 95));
        return 0;
      },
    );
    const med = (xs: number[]) => percentile(xs, 50);
    for (const [name, v] of [
      ['p50', p50],
      ['p95', p95],
    ] as const) {
      const s = med(v.s);
      const b = med(v.b);
      rows.push({
        suite: 'parking',
        figure: `guidance latency ${name}`,
        unit: 'ms',
        subject: s,
        baseline: b,
        ratio: s / b,
        note: `HTTP, ${dests.length} destinations × ${Math.max(3, ctx.runs)} runs; baseline GET /api/v1/regions/331023`,
      });
    }
  }
  return rows;
}
