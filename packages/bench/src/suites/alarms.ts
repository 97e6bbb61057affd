import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mulberry32 } from '@cockpit/domain/random';
import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { openGeography } from '../../../../apps/bff/src/geo/open';
import { type EngineState, evaluate } from '../../../../apps/bff/src/health/engine';
import { indicatorObservations } from '../../../../apps/bff/src/health/observe';
import { builtinRules } from '../../../../apps/bff/src/health/rules.seed';
import { collectValues } from '../../../../apps/bff/src/history/collect';
import { createLogger } from '../../../../apps/bff/src/lib/logger';
import { createServices } from '../../../../apps/bff/src/services';
import { openStore } from '../../../../apps/bff/src/store/sqlite';
import { SYSTEMS, type SystemId } from '../../../../apps/bff/src/upstreams/systems';
import type { AlarmRule, StoredAlarm } from '../../../contracts/src/alarms';
import { alternate, type Row } from '../harness';
import { percentile } from '../stats';

/**
 * Alarms (#16).
 *
 * 1. Rule evaluation on one refresh: the indicator refresh (every active indicator × 411 regions through
 *    the cockpits' own builders, against the real simulator) plus the evaluation of 1,000 stored rules over
 *    its values (observations + one engine pass over in-memory state), against the refresh alone. Runs
 *    alternate; medians. Goal ≤ 1.1×. The rules are the built-in ones plus generated threshold and
 *    business rules over random indicators, scopes and conditions (pending 5 min, so the measured passes
 *    track state without firing thousands of alarms; firing is one batched write, not part of a pass's cost).
 * 2. Alarm history queries over 100,000 stored alarms (real store: libSQL file, WAL, migrations): p95 of a
 *    mix of list queries (newest first, by state, by township, by severity and source, the next page by
 *    cursor), against the same mix over 1,000 alarms (how it scales).
 */
const HISTORY_ALARMS = Number(process.env.BENCH_ALARMS_STORED ?? 100_000);
const QUERIES = 200;
const RULES = 1000;

function generatedRules(base: AlarmRule[], indicatorIds: string[], regionCodes: string[]): AlarmRule[] {
  const rand = mulberry32(16);
  const out = [...base];
  for (let i = 0; out.length < RULES; i++) {
    const indicatorId = indicatorIds[Math.floor(rand() * indicatorIds.length)]!;
    out.push({
      ...base[0]!,
      id: `bench.${i}`,
      kind: 'business',
      indicatorId,
      check: null,
      condition: { op: rand() < 0.5 ? '>' : '<', value: rand() * 100 },
      pendingSeconds: 300,
      clearSeconds: 300,
      regionScope: rand() < 0.3 ? '331023' : regionCodes[Math.floor(rand() * regionCodes.length)]!,
      level: null,
      builtin: false,
    });
  }
  return out;
}

async function evaluationRows(runs: number): Promise<Row[]> {
  const sim = await startSimulator({
    port: 0,
    seed: 20211,
    speed: 0,
    startAt: new Date('2026-10-03T04:00:00Z'),
  });
  const hierarchy = openGeography();
  const services = createServices({
    hierarchy,
    logger: createLogger('silent'),
    baseUrls: Object.fromEntries(SYSTEMS.map((s) => [s, sim.url])) as Record<SystemId, string>,
    rollupAlarms: false,
  });
  try {
    const defs = services.indicators.list({ status: 'active' });
    const byId = new Map(defs.map((d) => [d.id, d]));
    const history = defs.map((d) => ({ id: d.id, unit: d.unit, theme: d.theme, levels: d.levels }));
    const townships = [...hierarchy.regions.values()]
      .filter((r) => r.level === 'township')
      .map((r) => r.code);
    const rules = generatedRules(
      builtinRules(defs, new Date().toISOString()),
      defs.map((d) => d.id),
      townships,
    );
    const ruleMap = new Map(rules.map((r) => [r.id, r]));
    const state: EngineState = { tracks: new Map(), latest: new Map() };
    const refresh = () => collectValues(services.snapshots, hierarchy, history, Date.now());
    await refresh(); // the datasets' first loads are not a refresh's cost
    let evalMs: number[] = [];
    let observed = 0;
    const r = await alternate(
      runs,
      async () => {
        const t0 = performance.now();
        const values = await refresh();
        const t1 = performance.now();
        const { covered, observations } = indicatorObservations(rules, values, (id) => byId.get(id));
        evaluate({ now: Date.now(), rules: ruleMap, covered, observations, state, silences: [] });
        observed = observations.length;
        evalMs.push(performance.now() - t1);
        return performance.now() - t0;
      },
      async () => {
        const t0 = performance.now();
        await refresh();
        return performance.now() - t0;
      },
    );
    evalMs = evalMs.sort((a, b) => a - b);
    return [
      {
        suite: 'alarms',
        figure: `one refresh + evaluating ${rules.length.toLocaleString('en')} rules over ${hierarchy.regions.size} regions`,
        unit: 'ms',
        subject: r.subject,
        baseline: r.baseline,
        ratio: r.subject / r.baseline,
        target: '≤ 1.1×',
        pass: r.subject / r.baseline <= 1.1,
        note: `baseline: the refresh alone; evaluation itself median ${evalMs[evalMs.length >> 1]!.toFixed(1)} ms, ${observed} observations per pass`,
      },
    ];
  } finally {
    await sim.close();
  }
}

function alarmsFor(n: number, regionCodes: string[]): StoredAlarm[] {
  const rand = mulberry32(99);
  const states = [
    'firing',
    'acknowledged',
    'dispatched',
    'resolved',
    'resolved',
    'resolved',
    'resolved',
  ] as const;
  const sources = ['parking-platform', 'emergency-120', 'env-monitor', 'county-services', 'bff'];
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  const out: StoredAlarm[] = [];
  for (let i = 0; i < n; i++) {
    const at = new Date(t0 + i * 60_000).toISOString();
    const state = states[Math.floor(rand() * states.length)]!;
    out.push({
      id: `bench-${i.toString().padStart(7, '0')}`,
      ruleId: `rule.${i % 300}`,
      severity: (['info', 'warning', 'critical'] as const)[i % 3]!,
      // Only the newest ones may be open (one open alarm per rule × region × entity).
      state: i < n - 500 ? 'resolved' : state,
      regionCode: regionCodes[Math.floor(rand() * regionCodes.length)]!,
      source: sources[i % sources.length]!,
      entityId: `e${i}`,
      firstFiredAt: at,
      lastChangedAt: at,
      summary: `bench alarm ${i}`,
      fireCount: 1,
      groupKey: null,
      acknowledgedBy: null,
      departmentId: null,
      note: null,
      cause: null,
      escalatedTo: null,
    });
  }
  return out;
}

async function historyRows(): Promise<Row[]> {
  const hierarchy = openGeography();
  const codes = [...hierarchy.regions.values()].filter((r) => r.level !== 'county').map((r) => r.code);
  const townships = codes.filter((c) => c.length === 9);
  const measure = async (n: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-alarms-'));
    const store = await openStore(dir);
    try {
      await store.alarms.insertAlarms(alarmsFor(n, codes));
      const rand = mulberry32(7);
      const times: number[] = [];
      for (let q = 0; q < QUERIES; q++) {
        const kind = q % 5;
        const town = townships[Math.floor(rand() * townships.length)]!;
        const t0 = performance.now();
        const page = await store.alarms.listAlarms({
          scopes: [kind === 2 ? town : '331023'],
          limit: 100,
          ...(kind === 1 ? { state: 'firing' as const } : {}),
          ...(kind === 3 ? { severity: 'critical', source: 'env-monitor' } : {}),
        });
        if (kind === 4 && page.length > 0) {
          const last = page.at(-1)!;
          await store.alarms.listAlarms({
            scopes: ['331023'],
            limit: 100,
            after: { firstFiredAt: last.firstFiredAt, id: last.id },
          });
        }
        times.push(performance.now() - t0);
      }
      return { p95: percentile(times, 95), p50: percentile(times, 50) };
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const big = await measure(HISTORY_ALARMS);
  const small = await measure(1000);
  return [
    {
      suite: 'alarms',
      figure: `alarm history query p95 over ${HISTORY_ALARMS.toLocaleString('en')} stored alarms`,
      unit: 'ms',
      subject: big.p95,
      baseline: small.p95,
      ratio: big.p95 / small.p95,
      note: `baseline: the same ${QUERIES} queries over 1,000 alarms; p50 ${big.p50.toFixed(2)} ms (1,000: ${small.p50.toFixed(2)} ms); mix: newest, firing, township scope, severity+source, next page`,
    },
  ];
}

export async function alarmsSuite(opts: { runs: number }): Promise<Row[]> {
  return [...(await evaluationRows(opts.runs)), ...(await historyRows())];
}
