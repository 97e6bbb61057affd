/**
 * Parking: the free-berth prediction against the simulator's truth, and the guidance latency.
 *
 * Prediction: for every lot, origins every 30 min over 2026-09-26 … 2026-10-09 (a workday week, the National
 * Day Golden Week and the make-up workdays). At each origin the model sees what the BFF sees: a profile
 * built from the last 28 days of 15-min history (rebuilt once a simulated day — the BFF rebuilds hourly, so
 * this is slightly pessimistic), the history samples of the last 2 h and the live reading. Truth =
 * `occupiedAt(seed, lot, t + h)`. Baseline = persistence ("free stays as now"); ratio = model MAE ÷
 * persistence MAE (below 1 is better). The full-call precision is the share of "will be full" calls (free
 * ≤ max(2, 3 % of capacity)) that were right.
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
import { buildLots, occupiedAt } from '@cockpit/mock-data/upstreams/parking/model';
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

export function evaluatePrediction() {
  const lots = buildLots(loadGeo());
  const model: PredictionPair[] = [];
  const persistence: PredictionPair[] = [];
  for (const lot of lots) {
    const occ = (t: number) => occupiedAt(SEED, lot, t);
    for (let d = 0; d < EVAL_DAYS; d++) {
      const dayStart = EVAL_FROM + d * DAY;
      const history: OccupancySample[] = [];
      for (let t = dayStart - HISTORY_DAYS * DAY; t < dayStart; t += STEP)
        history.push({ at: t, occupied: occ(t) });
      const profile: Profile = buildProfile(history, calendar);
      for (let t = dayStart; t < dayStart + DAY; t += ORIGIN_STEP) {
        const recent: OccupancySample[] = [];
        for (let s = Math.ceil((t - 120 * MIN) / STEP) * STEP; s < t; s += STEP)
          recent.push({ at: s, occupied: occ(s) });
        const now = occ(t);
        recent.push({ at: t, occupied: now });
        const preds = predictFree(profile, recent, t, HORIZONS, lot.berthTotal, calendar);
        for (const p of preds) {
          const actualFree = lot.berthTotal - occ(t + p.horizonMin * MIN);
          model.push({
            horizonMin: p.horizonMin,
            predictedFree: p.free,
            actualFree,
            capacity: lot.berthTotal,
          });
          persistence.push({
            horizonMin: p.horizonMin,
            predictedFree: lot.berthTotal - now,
            actualFree,
            capacity: lot.berthTotal,
          });
        }
      }
    }
  }
  return {
    model: evaluatePredictions(model),
    persistence: evaluatePredictions(persistence),
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
  const ev = evaluatePrediction();
  const evalS = (performance.now() - t0) / 1000;
  const rows: Row[] = HORIZONS.map((h) => {
    const m = ev.model.maeByHorizon[h] ?? Number.NaN;
    const p = ev.persistence.maeByHorizon[h] ?? Number.NaN;
    return {
      suite: 'parking',
      figure: `prediction MAE +${h} min`,
      unit: '个',
      subject: m,
      baseline: p,
      ratio: m / p,
      target: '< 1×',
      pass: m < p,
      note: `free berths; baseline persistence; ${ev.model.countByHorizon[h]} pairs, 48 lots, 14 days`,
    };
  });
  const mp = ev.model.fullCallPrecision;
  const pp = ev.persistence.fullCallPrecision;
  if (mp !== null)
    rows.push({
      suite: 'parking',
      figure: '"will be full" calls right',
      unit: '%',
      subject: mp * 100,
      baseline: pp === null ? null : pp * 100,
      ratio: pp ? mp / pp : null,
      note: `precision; recall ${((ev.model.fullCallRecall ?? 0) * 100).toFixed(1)} % (persistence ${((ev.persistence.fullCallRecall ?? 0) * 100).toFixed(1)} %); eval ${evalS.toFixed(0)} s`,
    });

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
