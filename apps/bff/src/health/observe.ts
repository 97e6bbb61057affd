import {
  type AlarmCondition,
  type AlarmRule,
  COUNTY_CODE,
  type EcoWaterSection,
  type FindingCheck,
  type IndicatorDefinition,
  type UpstreamHealth,
} from '@cockpit/contracts';
import { suddenJumps } from '@cockpit/domain/anomaly';
import { WATER_CLASSES } from '@cockpit/domain/eco';
import { checkScreens, type GuideScreen, type LotStatus } from '@cockpit/domain/parking';
import type { FindingInput } from '../store/alarms';
import type { HourlyRecord, HourlyValue } from '../store/history';
import type { Incident } from '../upstreams/emergency-120/adapter';
import type { AirObservation } from '../upstreams/env-monitor/adapter';
import type { ParkingLotState } from '../upstreams/parking-platform/adapter';
import { meets, type Observation } from './engine';
import { BUSINESS_RULES, CHECK_RULES } from './rules.seed';

/**
 * What one refresh observed, turned into engine observations and findings. Pure: inputs in, arrays out.
 */

export const upstreamGroup = (system: string) => `upstream:${system}`;

export type UpstreamCounters = {
  droppedRecords: number;
  recordsSeen: number;
  calls: number;
  failedCalls: number;
};
export type DatasetState = { id: string; system: string; status: 'ok' | 'stale' | 'error' };

/** Breaker, error rate, dropped records (drift) and late datasets per system: one alarm per system and cause. */
export function platformObservations(
  upstreams: readonly (UpstreamHealth & Partial<UpstreamCounters>)[],
  previous: ReadonlyMap<string, UpstreamCounters>,
  datasets: readonly DatasetState[],
): { covered: Set<string>; observations: Observation[] } {
  const covered = new Set<string>([
    CHECK_RULES.upstreamDown,
    CHECK_RULES.upstreamErrors,
    CHECK_RULES.drift,
    CHECK_RULES.late,
  ]);
  const observations: Observation[] = [];
  const at = (
    ruleId: string,
    u: UpstreamHealth,
    active: boolean | null,
    summary: string,
    value: number | null,
  ) =>
    observations.push({
      ruleId,
      regionCode: COUNTY_CODE,
      entityId: u.system,
      active,
      source: u.system,
      summary,
      groupKey: upstreamGroup(u.system),
      value,
    });
  for (const u of upstreams) {
    const down = u.breaker !== 'closed';
    if (down)
      at(
        CHECK_RULES.upstreamDown,
        u,
        true,
        `${u.system} 不可用：熔断器${u.breaker === 'open' ? '断开' : '半开'}，近一分钟失败率 ${pct(u.errorRate)}`,
        u.errorRate,
      );
    const prev = previous.get(u.system);
    // The error share of the calls since the previous pass (the minute's rate lags a recovery by a minute).
    const calls = (u.calls ?? 0) - (prev?.calls ?? 0);
    const failed = (u.failedCalls ?? 0) - (prev?.failedCalls ?? 0);
    if (prev && calls > 0 && failed / calls >= 0.3)
      // While the system is down, the outage alarm stands for the errors too (grouped by cause).
      at(
        CHECK_RULES.upstreamErrors,
        u,
        down ? null : true,
        `${u.system} 调用失败率 ${pct(failed / calls)}（${failed}/${calls} 次）`,
        failed / calls,
      );
    if (prev) {
      const dropped = u.droppedRecords - prev.droppedRecords;
      const seen = (u.recordsSeen ?? 0) - prev.recordsSeen;
      if (dropped > 0) {
        const share = seen > 0 ? Math.min(1, dropped / seen) : null;
        at(
          CHECK_RULES.drift,
          u,
          true,
          `${u.system} 本轮丢弃 ${dropped} 条不合规记录${share === null ? '' : `（占 ${pct(share)}）`}：疑似接口结构变化`,
          share,
        );
      }
    }
    const late = datasets.filter((d) => d.system === u.system && d.status !== 'ok');
    // Data that is late because the calls fail belongs to the outage or error alarm (one cause, one alarm).
    const failing = down || failed > 0;
    if (late.length > 0)
      at(
        CHECK_RULES.late,
        u,
        failing ? null : true,
        `${u.system} 数据超过新鲜度目标未更新：${late.map((d) => d.id).join('、')}`,
        late.length,
      );
  }
  return { covered, observations };
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The condition of a rule: its own, or (threshold rules) the indicator's stored band read with its direction. */
export function conditionOf(rule: AlarmRule, def: IndicatorDefinition | undefined): AlarmCondition | null {
  if (rule.condition) return rule.condition;
  if (!def || rule.kind !== 'threshold') return null;
  const band = rule.id.endsWith('.alarm') ? def.thresholds.alarm : def.thresholds.warning;
  if (band === null) return null;
  return { op: def.direction === 'higherIsWorse' ? '>=' : '<=', value: band };
}

/**
 * Indicator rules (threshold and indicator-based business rules) over one collection of indicator values
 * (every indicator × region). Values are grouped by indicator once; each rule then walks only its
 * indicator's regions, so 1,000 rules over 411 regions stay a few hundred thousand comparisons.
 * A value that is not `ok` (its upstream is failing) is unknown: the outage is its own grouped alarm.
 * It runs on every refresh and makes tens of thousands of observations: the grouping is kept from one
 * refresh to the next while the values come in the same layout (`layoutOf`), a rule's summary is one
 * function for all of its observations, and the loops allocate nothing but the observations.
 */
export function indicatorObservations(
  rules: Iterable<AlarmRule>,
  values: readonly HourlyValue[],
  definition: (id: string) => IndicatorDefinition | undefined,
): { covered: Set<string>; observations: Observation[] } {
  const layout = layoutOf(values);
  const covered = new Set<string>();
  const observations: Observation[] = [];
  for (const rule of rules) {
    if (!rule.enabled || rule.indicatorId === null) continue;
    const def = definition(rule.indicatorId);
    const condition = conditionOf(rule, def);
    if (!condition) continue;
    covered.add(rule.id);
    const codeLength =
      rule.level === 'township' ? 9 : rule.level === 'village' ? 12 : rule.level === 'county' ? 6 : 0;
    const positions = positionsInScope(layout, rule.indicatorId, rule.regionScope, codeLength);
    if (positions.length > 0) observeRule(observations, rule, def, condition, values, positions);
  }
  return { covered, observations };
}

/**
 * Where each indicator's values sit in a list of values: their positions by indicator, and within it by
 * township (a township's own value and its villages': a rule scoped to a township or village reads its
 * township's few dozen values, not the county's 411); and, once a rule asked, the positions within each
 * indicator × scope × level (shared by the rules that ask the same: hundreds share the county scope).
 */
type Layout = {
  indicatorIds: string[];
  regionCodes: string[];
  byIndicator: Map<string, { all: number[]; byTownship: Map<string, number[]> }>;
  inScope: Map<string, number[]>;
};

/** The last list's layout: each refresh lists the same indicators × regions in the same order. */
let lastLayout: Layout | undefined;

/** The layout of `values`: the last one when every position holds the same indicator and region again. */
function layoutOf(values: readonly HourlyValue[]): Layout {
  if (lastLayout && sameLayout(lastLayout, values)) return lastLayout;
  const layout: Layout = {
    indicatorIds: new Array(values.length),
    regionCodes: new Array(values.length),
    byIndicator: new Map(),
    inScope: new Map(),
  };
  // A refresh lists a region's values together: its township is sliced once per run of them.
  let code = '';
  let township = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    layout.indicatorIds[i] = v.indicatorId;
    layout.regionCodes[i] = v.regionCode;
    let entry = layout.byIndicator.get(v.indicatorId);
    if (!entry) {
      entry = { all: [], byTownship: new Map() };
      layout.byIndicator.set(v.indicatorId, entry);
    }
    entry.all.push(i);
    if (v.regionCode.length >= TOWNSHIP_CODE_LENGTH) {
      if (v.regionCode !== code) {
        code = v.regionCode;
        township = code.slice(0, TOWNSHIP_CODE_LENGTH);
      }
      const list = entry.byTownship.get(township);
      if (list) list.push(i);
      else entry.byTownship.set(township, [i]);
    }
  }
  lastLayout = layout;
  return layout;
}

function sameLayout(layout: Layout, values: readonly HourlyValue[]): boolean {
  if (layout.indicatorIds.length !== values.length) return false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v.indicatorId !== layout.indicatorIds[i] || v.regionCode !== layout.regionCodes[i]) return false;
  }
  return true;
}

/** The positions of an indicator's values within `scope` (a code prefix), of codes `codeLength` long (0: any). */
function positionsInScope(layout: Layout, indicatorId: string, scope: string, codeLength: number): number[] {
  const scopeKey = `${indicatorId}|${scope}|${codeLength}`;
  const known = layout.inScope.get(scopeKey);
  if (known) return known;
  const entry = layout.byIndicator.get(indicatorId);
  const candidates =
    scope.length >= TOWNSHIP_CODE_LENGTH
      ? entry?.byTownship.get(scope.slice(0, TOWNSHIP_CODE_LENGTH))
      : entry?.all;
  let positions: number[] = [];
  // A township's list holds exactly the codes that start with the township's code.
  if (candidates && scope.length === TOWNSHIP_CODE_LENGTH && codeLength === 0) positions = candidates;
  else
    for (const i of candidates ?? []) {
      const code = layout.regionCodes[i]!;
      if ((codeLength === 0 || code.length === codeLength) && code.startsWith(scope)) positions.push(i);
    }
  if (layout.inScope.size >= 100_000) layout.inScope.clear(); // rules come and go: stay bounded
  layout.inScope.set(scopeKey, positions);
  return positions;
}

/** One rule's observations over the values in its scope: active where the condition holds, unknown if not ok. */
function observeRule(
  out: Observation[],
  rule: AlarmRule,
  def: IndicatorDefinition | undefined,
  condition: AlarmCondition,
  values: readonly HourlyValue[],
  positions: readonly number[],
) {
  const source = def?.source.system ?? 'bff';
  const summary = indicatorSummary(rule, def, condition);
  for (let i = 0; i < positions.length; i++) {
    const v = values[positions[i]!]!;
    const ok = v.status === 'ok';
    if (ok && (v.value === null || !meets(condition, v.value))) continue;
    out.push({
      ruleId: rule.id,
      regionCode: v.regionCode,
      entityId: null,
      active: ok ? true : null,
      source,
      summary: ok ? summary : '',
      groupKey: null,
      value: v.value,
    });
  }
}

/** The words of an indicator rule's observation, made only when its alarm fires (most are pending or open). */
function indicatorSummary(
  rule: AlarmRule,
  def: IndicatorDefinition | undefined,
  condition: AlarmCondition,
): (o: Observation) => string {
  const unit = def?.unit === '%' ? 100 : 1;
  const { op, value: bound } = condition;
  return (o) =>
    `${def?.name.zh ?? rule.indicatorId} ${round(o.value! * unit)}${def?.unit ?? ''}（${op} ${round(bound * unit)}${def?.unit ?? ''}）`;
}

const round = (n: number) => Math.round(n * 100) / 100;
/** A township's code (331023105) is the first nine digits of each of its villages' codes. */
const TOWNSHIP_CODE_LENGTH = 9;

/** Entity-level business rules: a scenic lot nearly full, a trauma call not dispatched in time. */
export function entityObservations(
  rules: ReadonlyMap<string, AlarmRule>,
  data: { lots?: readonly ParkingLotState[] | undefined; incidents?: readonly Incident[] | undefined },
  now: number,
): { covered: Set<string>; observations: Observation[] } {
  const covered = new Set<string>();
  const observations: Observation[] = [];
  const lotRule = rules.get(BUSINESS_RULES.scenicLot);
  if (lotRule?.condition && data.lots) {
    covered.add(lotRule.id);
    for (const lot of data.lots) {
      if (
        lot.category !== 'scenic' ||
        lot.berthTotal <= 0 ||
        !lot.villageCode.startsWith(lotRule.regionScope)
      )
        continue;
      const share = lot.berthOccupied / lot.berthTotal;
      if (!meets(lotRule.condition, share)) continue;
      observations.push({
        ruleId: lotRule.id,
        regionCode: lot.villageCode,
        entityId: lot.lotId,
        active: true,
        source: 'parking-platform',
        summary: `${lot.name} 占用率 ${pct(share)}（${lot.berthOccupied}/${lot.berthTotal} 个泊位）`,
        groupKey: null,
        value: share,
      });
    }
  }
  const callRule = rules.get(BUSINESS_RULES.traumaDispatch);
  if (callRule?.condition && data.incidents) {
    covered.add(callRule.id);
    for (const i of data.incidents) {
      if (
        i.dispatchedAt !== null ||
        i.status !== 'pending' ||
        !i.villageCode.startsWith(callRule.regionScope)
      )
        continue;
      const waited = Math.round((now - i.calledAt) / 1000);
      if (!meets(callRule.condition, waited)) continue;
      observations.push({
        ruleId: callRule.id,
        regionCode: i.villageCode,
        entityId: i.incidentId,
        active: true,
        source: 'emergency-120',
        summary: `创伤呼救 ${i.incidentId} 已等待 ${Math.floor(waited / 60)} 分钟未派车`,
        groupKey: null,
        value: waited,
      });
    }
  }
  return { covered, observations };
}

const classNumber = (label: string | null) => WATER_CLASSES.find((c) => c.label === label)?.class ?? null;

/**
 * Water sections (地表水断面) below their target class (GB 3838): the value is how many classes the section's
 * current class lies below its target (the seeded rule fires on > 0; an edited condition, e.g. >= 2, asks
 * for more). A section without a current class is not judged.
 */
export function waterObservations(
  rule: AlarmRule | undefined,
  sections: readonly Pick<
    EcoWaterSection,
    'code' | 'name' | 'villageCode' | 'targetClass' | 'class' | 'label' | 'failing'
  >[],
): { covered: Set<string>; observations: Observation[] } {
  const covered = new Set<string>();
  const observations: Observation[] = [];
  if (!rule?.enabled || !rule.condition) return { covered, observations };
  covered.add(rule.id);
  for (const s of sections) {
    const target = classNumber(s.targetClass);
    if (s.class === null || target === null || !s.villageCode.startsWith(rule.regionScope)) continue;
    const below = s.class - target;
    if (!meets(rule.condition, below)) continue;
    const failing = s.failing.map((f) => `${f.label} ${f.value}`).join('、');
    observations.push({
      ruleId: rule.id,
      regionCode: s.villageCode,
      entityId: s.code,
      active: true,
      source: 'env-monitor',
      summary: `${s.name} 水质 ${s.label}类，低于目标 ${s.targetClass}类${failing ? `（超标：${failing}）` : ''}`,
      groupKey: null,
      value: below,
    });
  }
  return { covered, observations };
}

/**
 * Guidance screens (诱导屏) against their lots (disagreement between sources): per screen and arrow
 * direction, the free berths it displays against the lots' own, beyond max(5 berths, 10 % of the capacity
 * behind the arrow) (`checkScreens` of @cockpit/domain/parking; offline or silent screens are not compared).
 * The rule's pending period allows for the screen's refresh lag: only a disagreement that lasts fires. One
 * finding and one observation per screen.
 */
export function screenObservations(
  rule: AlarmRule | undefined,
  screens: readonly (GuideScreen & { villageCode: string })[],
  lots: readonly LotStatus[],
  nowMs: number,
): { covered: Set<string>; observations: Observation[]; findings: FindingDraft[] } {
  const covered = new Set<string>();
  const observations: Observation[] = [];
  const findings: FindingDraft[] = [];
  if (!rule?.enabled) return { covered, observations, findings };
  covered.add(rule.id);
  const checks = checkScreens(screens, lots, nowMs);
  for (const [i, screen] of screens.entries()) {
    if (!screen.villageCode.startsWith(rule.regionScope)) continue;
    const mismatches = checks[i]!.issues.filter((x) => x.code === 'MISMATCH');
    if (mismatches.length === 0) continue;
    const worst = Math.max(...mismatches.map((m) => Math.abs((m.displayed ?? 0) - (m.actual ?? 0))));
    const detail = `诱导屏 ${screen.name ?? screen.screenId} 与停车场不一致：${mismatches.map((m) => m.detail.zh).join('；')}`;
    findings.push({
      source: 'parking-platform',
      check: 'disagreement',
      ruleId: rule.id,
      entityId: screen.screenId,
      regionCode: screen.villageCode,
      value: worst,
      detail,
      record: {
        screenId: screen.screenId,
        targets: screen.targets,
        mismatches: mismatches.map(({ direction, displayed, actual, tolerance }) => ({
          direction,
          displayed,
          actual,
          tolerance,
        })),
      },
    });
    observations.push({
      ruleId: rule.id,
      regionCode: screen.villageCode,
      entityId: screen.screenId,
      active: true,
      source: 'parking-platform',
      summary: detail,
      groupKey: null,
      value: worst,
    });
  }
  return { covered, observations, findings };
}

/** Instrument ranges (μg/m³; CO mg/m³): a reading beyond them is not a measurement. */
export const AIR_RANGE = { pm25: 1000, pm10: 1000, so2: 2620, no2: 940, co: 62.5, o3_1h: 1000 } as const;
/** A timestamp more than this ahead of the BFF's clock is in the future. */
export const FUTURE_SLACK_MS = 5 * 60_000;
/** An entity whose own timestamp lags the freshest of its kind by more than this has gone silent. */
export const SILENT_AFTER_MS = { lot: 30 * 60_000, air: 3 * 3600_000 } as const;

type FindingDraft = Omit<FindingInput, 'at'>;

/**
 * Out-of-range and silent entities in the adapted data (异常业务数据): occupancy above 100 %, negative
 * counts, a concentration beyond the instrument's range, a timestamp in the future, an entity that stopped
 * reporting while the rest of its kind did not.
 */
export function dataFindings(
  data: { lots?: readonly ParkingLotState[] | undefined; air?: readonly AirObservation[] | undefined },
  now: number,
): FindingDraft[] {
  const out: FindingDraft[] = [];
  const add = (
    source: string,
    check: FindingCheck,
    entityId: string,
    regionCode: string,
    value: number | null,
    detail: string,
    record: unknown,
  ) =>
    out.push({
      source,
      check,
      ruleId: check === 'range' ? CHECK_RULES.range : null,
      entityId,
      regionCode,
      value,
      detail,
      record,
    });
  const lots = data.lots ?? [];
  // The freshest report of its kind that is not itself in the future (a future timestamp is its own finding).
  const newestOf = (times: number[]) =>
    Math.max(...times.filter((t) => Number.isFinite(t) && t <= now + FUTURE_SLACK_MS));
  const newestLot = newestOf(lots.map((l) => Date.parse(l.updatedAt)));
  for (const l of lots) {
    const rec = {
      lotId: l.lotId,
      berthTotal: l.berthTotal,
      berthFree: l.berthFree,
      berthOccupied: l.berthOccupied,
      updatedAt: l.updatedAt,
    };
    if (l.berthFree < 0 || l.berthOccupied < 0 || l.berthTotal < 0)
      add(
        'parking-platform',
        'range',
        l.lotId,
        l.villageCode,
        Math.min(l.berthFree, l.berthOccupied),
        `${l.name} 泊位数为负`,
        rec,
      );
    if (l.berthTotal > 0 && l.berthOccupied > l.berthTotal)
      add(
        'parking-platform',
        'range',
        l.lotId,
        l.villageCode,
        l.berthOccupied / l.berthTotal,
        `${l.name} 占用率超过 100%`,
        rec,
      );
    // The platform's reported total against the sum of its parts.
    if (
      l.berthTotal >= 0 &&
      l.berthFree >= 0 &&
      l.berthOccupied >= 0 &&
      l.berthFree + l.berthOccupied !== l.berthTotal
    )
      add(
        'parking-platform',
        'disagreement',
        l.lotId,
        l.villageCode,
        l.berthFree + l.berthOccupied - l.berthTotal,
        `${l.name} 空余 ${l.berthFree} + 占用 ${l.berthOccupied} ≠ 总泊位 ${l.berthTotal}`,
        rec,
      );
    const t = Date.parse(l.updatedAt);
    if (t > now + FUTURE_SLACK_MS)
      add(
        'parking-platform',
        'range',
        l.lotId,
        l.villageCode,
        null,
        `${l.name} 时间戳在未来（${l.updatedAt}）`,
        rec,
      );
    else if (Number.isFinite(newestLot) && newestLot - t > SILENT_AFTER_MS.lot)
      add(
        'parking-platform',
        'silent',
        l.lotId,
        l.villageCode,
        Math.round((newestLot - t) / 60_000),
        `${l.name} 已 ${Math.round((newestLot - t) / 60_000)} 分钟未上报`,
        rec,
      );
  }
  const air = data.air ?? [];
  const newestAir = newestOf(air.map((a) => Date.parse(a.at)));
  for (const a of air) {
    const rec = {
      stationCode: a.stationCode,
      at: a.at,
      pm25: a.pm25,
      pm10: a.pm10,
      so2: a.so2,
      no2: a.no2,
      co: a.co,
      o3_1h: a.o3_1h,
    };
    for (const [k, max] of Object.entries(AIR_RANGE) as [keyof typeof AIR_RANGE, number][]) {
      const v = a[k];
      if (v !== null && (v < 0 || v > max))
        add(
          'env-monitor',
          'range',
          a.stationCode,
          a.villageCode,
          v,
          `${a.name} ${k} = ${v} 超出仪器量程 0–${max}`,
          rec,
        );
    }
    const t = Date.parse(a.at);
    if (t > now + FUTURE_SLACK_MS)
      add(
        'env-monitor',
        'range',
        a.stationCode,
        a.villageCode,
        null,
        `${a.name} 时间戳在未来（${a.at}）`,
        rec,
      );
    else if (Number.isFinite(newestAir) && newestAir - t > SILENT_AFTER_MS.air)
      add(
        'env-monitor',
        'silent',
        a.stationCode,
        a.villageCode,
        Math.round((newestAir - t) / 60_000),
        `${a.name} 已 ${Math.round((newestAir - t) / 3600_000)} 小时未上报`,
        rec,
      );
  }
  return out;
}

/** A reading unchanged for longer than this, while its timestamp moves on, is a flatline (a stuck sensor). */
export const FLATLINE_AFTER_MS = { lot: 6 * 3600_000, air: 12 * 3600_000 } as const;

export type FlatlineMemory = Map<string, { value: string; since: number; lastAt: number }>;

/**
 * Flatlines: an entity whose reported values have not changed for FLATLINE_AFTER_MS of its own timestamps
 * (a lot's free berths, a station's pollutant readings). `memory` carries each entity's last value and
 * since when it holds across passes (mutated).
 */
export function flatlineFindings(
  memory: FlatlineMemory,
  data: { lots?: readonly ParkingLotState[] | undefined; air?: readonly AirObservation[] | undefined },
): FindingDraft[] {
  const out: FindingDraft[] = [];
  const track = (
    source: string,
    entityId: string,
    regionCode: string,
    value: string,
    at: number,
    afterMs: number,
    what: string,
  ) => {
    if (!Number.isFinite(at)) return;
    const key = `${source}|${entityId}`;
    const m = memory.get(key);
    if (!m || m.value !== value) {
      memory.set(key, { value, since: at, lastAt: at });
      return;
    }
    m.lastAt = Math.max(m.lastAt, at);
    const held = m.lastAt - m.since;
    if (held > afterMs)
      out.push({
        source,
        check: 'flatline',
        ruleId: null,
        entityId,
        regionCode,
        value: Math.round(held / 3600_000),
        detail: `${what} 连续 ${Math.round(held / 3600_000)} 小时数值不变（${value}）`,
        record: { entityId, value, since: new Date(m.since).toISOString() },
      });
  };
  for (const l of data.lots ?? [])
    track(
      'parking-platform',
      l.lotId,
      l.villageCode,
      `${l.berthFree}/${l.berthOccupied}`,
      Date.parse(l.updatedAt),
      FLATLINE_AFTER_MS.lot,
      l.name,
    );
  for (const a of data.air ?? [])
    track(
      'env-monitor',
      a.stationCode,
      a.villageCode,
      [a.pm25, a.pm10, a.so2, a.no2, a.co, a.o3_1h].join('/'),
      Date.parse(a.at),
      FLATLINE_AFTER_MS.air,
      a.name,
    );
  return out;
}

/** One range observation per system with range findings this pass (the findings hold the detail). */
export function rangeObservations(findings: readonly FindingDraft[]): Observation[] {
  const bySystem = new Map<string, number>();
  for (const f of findings)
    if (f.check === 'range') bySystem.set(f.source, (bySystem.get(f.source) ?? 0) + 1);
  return [...bySystem].map(([system, n]) => ({
    ruleId: CHECK_RULES.range,
    regionCode: COUNTY_CODE,
    entityId: system,
    active: true,
    source: system,
    summary: `${system} 本轮 ${n} 条数据超出物理范围（见异常数据）`,
    groupKey: null,
    value: n,
  }));
}

/** At most this many jump findings are stored per pass (the largest scores): the alarm names the count. */
export const MAX_JUMP_FINDINGS = 500;

/**
 * Sudden jumps (突变): each indicator × region's value of the hour against the same hour of the recent weeks
 * in the stored history, scored robustly (median and MAD, `@cockpit/domain/anomaly`). The jump rule's
 * condition is the score threshold (|score| meets it); only `ok` values are judged, on either side. One
 * finding per jumped series (the largest MAX_JUMP_FINDINGS), one observation per source system (the findings
 * hold the detail), as the range check does.
 */
export function jumpObservations(input: {
  rule: AlarmRule | undefined;
  hour: string;
  values: readonly HourlyValue[];
  past: readonly HourlyRecord[];
  definition: (id: string) => IndicatorDefinition | undefined;
}): { covered: Set<string>; observations: Observation[]; findings: FindingDraft[] } {
  const { rule, hour, values, past, definition } = input;
  const covered = new Set<string>();
  const observations: Observation[] = [];
  const findings: FindingDraft[] = [];
  if (!rule?.enabled || !rule.condition) return { covered, observations, findings };
  covered.add(rule.id);
  const condition = rule.condition;
  const key = (v: { indicatorId: string; regionCode: string }) => `${v.indicatorId}|${v.regionCode}`;
  const pastOf = new Map<string, number[]>();
  for (const p of past) {
    if (p.status !== 'ok' || p.value === null) continue;
    const list = pastOf.get(key(p));
    if (list) list.push(p.value);
    else pastOf.set(key(p), [p.value]);
  }
  const current = values.filter((v) => v.status === 'ok');
  const jumps = suddenJumps(
    current.map((v) => ({ key: v, value: v.value })),
    (v) => pastOf.get(key(v)) ?? [],
    0,
  ).filter((j) => meets(condition, Math.abs(j.score)));
  const bySystem = new Map<string, { n: number; top: number }>();
  for (const [i, j] of jumps.entries()) {
    const def = definition(j.key.indicatorId);
    const system = def?.source.system ?? 'bff';
    const s = bySystem.get(system) ?? { n: 0, top: 0 };
    s.n++;
    s.top = Math.max(s.top, Math.abs(j.score));
    bySystem.set(system, s);
    if (i >= MAX_JUMP_FINDINGS) continue;
    const scale = def?.unit === '%' ? 100 : 1;
    const shown = (n: number) => `${round(n * scale)}${def?.unit ?? ''}`;
    findings.push({
      source: system,
      check: 'jump',
      ruleId: rule.id,
      entityId: j.key.indicatorId,
      regionCode: j.key.regionCode,
      value: round(j.score),
      detail: `${def?.name.zh ?? j.key.indicatorId} ${shown(j.value)}，近 ${j.past.length} 周同一时段中位数 ${shown(j.median)}（稳健分数 ${round(j.score)}）`,
      record: { indicatorId: j.key.indicatorId, hour, value: j.value, sameHourOfRecentWeeks: j.past },
    });
  }
  for (const [system, s] of bySystem)
    observations.push({
      ruleId: rule.id,
      regionCode: COUNTY_CODE,
      entityId: system,
      active: true,
      source: system,
      summary: `${system} ${s.n} 个指标×地区数值突变（与近几周同一时段相比，最大稳健分数 ${round(s.top)}；见异常数据）`,
      groupKey: null,
      value: s.top,
    });
  return { covered, observations, findings };
}

/** Personal data never stored in a finding's raw record: keys that name a person, a plate or a phone. */
const PERSONAL_KEY = /plate|phone|mobile|tel|name_?of_?patient|patient|idcard|id_?no|address|车牌|电话|姓名/i;

/** Masks the values of personal keys (recursively), keeping the shape of the record. */
export function maskRecord(record: unknown, depth = 0): unknown {
  if (depth > 6 || record === null || typeof record !== 'object') return record;
  if (Array.isArray(record)) return record.slice(0, 50).map((r) => maskRecord(r, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record as Record<string, unknown>)) {
    if (PERSONAL_KEY.test(k) && v !== null && v !== undefined) {
      const text = String(v);
      out[k] =
        text.length <= 2 ? '**' : `${text[0]}${'*'.repeat(Math.min(8, text.length - 2))}${text.at(-1)}`;
    } else out[k] = maskRecord(v, depth + 1);
  }
  return out;
}
