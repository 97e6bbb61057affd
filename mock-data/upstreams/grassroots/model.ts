/**
 * 基层治理综合信息平台 (县社会治理中心, "一中心四平台一网格") ground truth, pure in (seed, entity, t):
 * grids and their grid workers, patrols, events with their lifecycle 上报 → 受理 → 流转 → 办结 → 评价 and
 * escalations 村 → 镇 → 县矛调中心, yearly village basics, homestays, 浙农码 scans, convenience service
 * points, perception devices and flood-control points. Every figure and every name is simulated; event
 * positions are placed near the village position (village positions are approximate).
 */

import { beijingMidnight, beijingParts, DAY, dayInfo, HOUR, MINUTE } from '../calendar';
import { rainAt } from '../env/model';
import { type Geo, offsetKm, round6, type Village } from '../geo';
import { clamp, hash32, intBetween, pick, pickWeighted, poisson, rng, unit, valueNoise } from '../random';

export const EVENT_TYPES = [
  '矛盾纠纷',
  '安全隐患',
  '环境卫生',
  '民生诉求',
  '信访',
  '消防',
  '防汛',
  '其他',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const STAGES = ['上报', '受理', '流转', '办结', '评价'] as const;
export type Stage = (typeof STAGES)[number];
export type Level = '村级' | '镇级' | '县级';
export type Severity = '一般' | '较重' | '严重';

/** Handling deadline by type, hours from report (a simulation rule, not a regulation). */
export const DEADLINE_HOURS: Record<EventType, number> = {
  矛盾纠纷: 72,
  安全隐患: 48,
  环境卫生: 24,
  民生诉求: 120,
  信访: 360,
  消防: 12,
  防汛: 6,
  其他: 72,
};

const TYPE_WEIGHTS: Record<EventType, number> = {
  矛盾纠纷: 20,
  安全隐患: 14,
  环境卫生: 22,
  民生诉求: 20,
  信访: 5,
  消防: 5,
  防汛: 2,
  其他: 8,
};

const SURNAMES = '陈王张许汤范庞褚徐周李金叶齐奚杨胡林吴郑朱曹丁潘夏裘'.split('');
const GIVEN = '建国海明丽华伟芳军红英平志勇秀兰杰文斌燕春晓玲德辉刚'.split('');

export function syntheticName(...parts: (string | number)[]): string {
  const len = unit(...parts, 'len') < 0.7 ? 2 : 1;
  let name = pick(SURNAMES, ...parts, 's');
  for (let i = 0; i < len; i++) name += pick(GIVEN, ...parts, 'g', i);
  return name;
}

export function syntheticPhone(...parts: (string | number)[]): string {
  return `1${pick(['35', '38', '39', '58', '77', '88'], ...parts, 'p')}${String(hash32(...parts, 'n') % 1e8).padStart(8, '0')}`;
}

const isSubdistrict = (v: Village) => v.townCode.slice(6, 7) === '0';

// ------------------------------------------------------------------ grids (网格)
export interface Grid {
  gridId: string;
  name: string;
  villageCode: string;
  townCode: string;
  workerName: string;
  workerPhone: string;
}

export function buildGrids(seed: number, geo: Geo): Grid[] {
  const out: Grid[] = [];
  for (const v of geo.villages) {
    const n = isSubdistrict(v)
      ? intBetween(3, 6, seed, 'grids', v.code)
      : intBetween(1, 4, seed, 'grids', v.code);
    for (let i = 1; i <= n; i++) {
      const gridId = `${v.code}${String(i).padStart(2, '0')}`;
      out.push({
        gridId,
        name: `${v.name}第${i}网格`,
        villageCode: v.code,
        townCode: v.townCode,
        workerName: syntheticName(seed, 'worker', gridId),
        workerPhone: syntheticPhone(seed, 'worker', gridId),
      });
    }
  }
  return out;
}

/** A grid worker's patrol on one Beijing day, as of t (today's counts grow through the day). */
export function patrolOn(seed: number, grid: Grid, dayStart: number, t: number) {
  const info = dayInfo(dayStart + HOUR);
  const offProb = info.kind === 'workday' ? 0.08 : 0.3;
  const r = rng(seed, 'patrol', grid.gridId, info.dayIndex);
  const off = r() < offProb;
  const hoursIn = clamp((Math.min(t, dayStart + DAY) - (dayStart + 7 * HOUR)) / (12 * HOUR), 0, 1);
  if (off) return { checkIns: 0, patrolKm: 0, visits: 0 };
  const checkIns = 1 + Math.floor(r() * 4);
  const km = 2 + r() * 10;
  const visits = 2 + Math.floor(r() * 14);
  return {
    checkIns: Math.floor(checkIns * hoursIn + (hoursIn > 0 ? 0.99 : 0)),
    patrolKm: Math.round(km * hoursIn * 10) / 10,
    visits: Math.floor(visits * hoursIn),
  };
}

// ------------------------------------------------------------------ events (事件)
export interface StageMark {
  stage: Stage;
  at: number;
}
export interface EscalationMark {
  from: Level;
  to: Level;
  at: number;
}
export interface GrassEvent {
  eventId: string;
  type: EventType;
  severity: Severity;
  villageCode: string;
  townCode: string;
  gridId: string;
  lon: number;
  lat: number;
  reportedAt: number;
  reporterKind: '网格员' | '群众';
  reporterName: string;
  reporterPhone: string;
  description: string;
  deadlineHours: number;
  /** The whole planned lifecycle (a view at time t keeps the marks ≤ t). */
  marks: StageMark[];
  escalations: EscalationMark[];
  satisfaction: number | null;
}

/** 集市 (market days): each township's market falls on the days of the month ending in its two digits. */
export function isMarketDay(seed: number, townCode: string, t: number): boolean {
  const cycle = hash32(seed, 'market', townCode) % 5; // 逢一六, 逢二七, 逢三八, 逢四九, 逢五十
  const d = beijingParts(t).day % 10;
  return d === (cycle + 1) % 10 || d === (cycle + 6) % 10;
}

/** Typhoon season (台风季) in the simulation: July to September. */
export const isTyphoonSeason = (t: number) => {
  const m = beijingParts(t).month;
  return m >= 7 && m <= 9;
};

const DESCRIPTIONS: Record<EventType, readonly string[]> = {
  矛盾纠纷: ['邻里宅基地界址纠纷', '土地流转租金纠纷', '婚姻家庭矛盾', '劳资欠薪纠纷'],
  安全隐患: ['道路护栏缺损', '危旧房屋开裂', '电线私拉乱接', '山塘堤坝渗漏'],
  环境卫生: ['垃圾桶满溢未清运', '河道漂浮物', '乱堆乱放', '污水外溢'],
  民生诉求: ['路灯不亮', '自来水压力不足', '医保办理咨询', '公交站点增设'],
  信访: ['征迁补偿信访', '历史遗留问题信访', '集体经济分配信访'],
  消防: ['消防通道堵塞', '灭火器过期', '电动车楼道充电'],
  防汛: ['山体滑坡隐患', '河道水位上涨', '排水沟堵塞'],
  其他: ['流浪犬扰民', '违规广告牌', '其他事项'],
};

const LEVEL_UP: Record<Level, Level | null> = { 村级: '镇级', 镇级: '县级', 县级: null };

/** The events reported in one village on one Beijing day (the whole day, each with its planned lifecycle). */
export function villageEventsOnDay(
  seed: number,
  v: Village,
  grids: readonly Grid[],
  dayIndex: number,
): GrassEvent[] {
  const dayStart = beijingMidnight(dayIndex * DAY);
  const info = dayInfo(dayStart + HOUR);
  const typhoon = isTyphoonSeason(dayStart + HOUR);
  const base = (isSubdistrict(v) ? 0.55 : 0.3) * (0.7 + 0.6 * unit(seed, 'ev-base', v.code));
  const factor =
    (isMarketDay(seed, v.townCode, dayStart + HOUR) ? 1.5 : 1) *
    (info.kind === 'workday' ? 1 : 0.85) *
    (typhoon ? 1.25 : 1);
  const r = rng(seed, 'events', v.code, dayIndex);
  const n = poisson(base * factor, r);
  const weights = EVENT_TYPES.map(
    (ty) => [ty, TYPE_WEIGHTS[ty] * (ty === '防汛' && typhoon ? 6 : 1)] as const,
  );
  const out: GrassEvent[] = [];
  for (let i = 0; i < n; i++) {
    const type = pickWeighted(weights, r());
    const sevU = r() + (type === '信访' || type === '消防' ? 0.15 : 0);
    const severity: Severity = sevU > 0.92 ? '严重' : sevU > 0.62 ? '较重' : '一般';
    const grid = grids[Math.floor(r() * grids.length)]!;
    const hour = r() < 0.9 ? 7 + r() * 13 : r() * 24;
    const reportedAt = dayStart + Math.floor((hour * HOUR) / MINUTE) * MINUTE;
    const [lon, lat] = offsetKm([v.lon, v.lat], (r() - 0.5) * 1.2, (r() - 0.5) * 1.2);
    const eventId = `SJ${v.code}${String(dayIndex).padStart(6, '0')}${String(i).padStart(2, '0')}`;
    const byWorker = r() < 0.55;
    const deadlineHours = DEADLINE_HOURS[type];
    const accepted = reportedAt + Math.round((5 + r() * 55) * MINUTE);
    const transferred = accepted + Math.round((0.5 + r() * 5.5) * HOUR);
    const stuck = r() < 0.05;
    const late = r() < 0.12;
    const f = late ? 1.05 + r() * 2 : 0.15 + 0.8 * r() ** 1.5;
    const closed = Math.max(transferred + 10 * MINUTE, reportedAt + Math.round(deadlineHours * f * HOUR));
    const rated = closed + Math.round((2 + r() * 46) * HOUR);
    const marks: StageMark[] = [
      { stage: '上报', at: reportedAt },
      { stage: '受理', at: accepted },
      { stage: '流转', at: transferred },
    ];
    if (!stuck) marks.push({ stage: '办结', at: closed }, { stage: '评价', at: rated });
    // Escalations: disputes and petitions most, serious cases more.
    const escalations: EscalationMark[] = [];
    const upP = (type === '矛盾纠纷' ? 0.22 : type === '信访' ? 0.45 : 0.08) * (severity === '严重' ? 2 : 1);
    let level: Level = '村级';
    let at = accepted;
    while (LEVEL_UP[level] && r() < upP * (level === '村级' ? 1 : 1.3)) {
      at += Math.round((1 + r() * 20) * HOUR);
      if (!stuck && at >= closed) break;
      escalations.push({ from: level, to: LEVEL_UP[level]!, at });
      level = LEVEL_UP[level]!;
    }
    out.push({
      eventId,
      type,
      severity,
      villageCode: v.code,
      townCode: v.townCode,
      gridId: grid.gridId,
      lon: round6(lon),
      lat: round6(lat),
      reportedAt,
      reporterKind: byWorker ? '网格员' : '群众',
      reporterName: byWorker ? grid.workerName : syntheticName(seed, 'resident', eventId),
      reporterPhone: byWorker ? grid.workerPhone : syntheticPhone(seed, 'resident', eventId),
      description: `${v.name}${pick(DESCRIPTIONS[type], seed, 'desc', eventId)}`,
      deadlineHours,
      marks,
      escalations,
      satisfaction: stuck
        ? null
        : pickWeighted(
            [
              [5, 55],
              [4, 30],
              [3, 10],
              [2, 4],
              [1, 1],
            ] as const,
            r(),
          ),
    });
  }
  return out;
}

/** The events of the county, cached by Beijing day (pure; the cache holds at most ~40 days). */
export function eventModel(seed: number, geo: Geo, grids: readonly Grid[]) {
  const gridsByVillage = new Map<string, Grid[]>();
  for (const g of grids) {
    const list = gridsByVillage.get(g.villageCode);
    if (list) list.push(g);
    else gridsByVillage.set(g.villageCode, [g]);
  }
  const cache = new Map<number, GrassEvent[]>();
  const day = (dayIndex: number) => {
    let hit = cache.get(dayIndex);
    if (!hit) {
      hit = geo.villages.flatMap((v) =>
        villageEventsOnDay(seed, v, gridsByVillage.get(v.code) ?? [], dayIndex),
      );
      cache.set(dayIndex, hit);
      if (cache.size > 40) cache.delete(Math.min(...cache.keys()));
    }
    return hit;
  };
  return {
    /** Events reported in [from, to], sorted by report time. */
    reportedBetween(from: number, to: number): GrassEvent[] {
      const out: GrassEvent[] = [];
      for (let d = Math.floor((from + 8 * HOUR) / DAY); d <= Math.floor((to + 8 * HOUR) / DAY); d++) {
        for (const e of day(d)) if (e.reportedAt >= from && e.reportedAt <= to) out.push(e);
      }
      return out.sort((a, b) => a.reportedAt - b.reportedAt || (a.eventId < b.eventId ? -1 : 1));
    },
  };
}

// ------------------------------------------------------------------ village basics (yearly)
export function villageBasics(seed: number, v: Village, year: number) {
  const sub = isSubdistrict(v);
  const reg0 = sub ? intBetween(2500, 9000, seed, 'pop', v.code) : intBetween(600, 3800, seed, 'pop', v.code);
  const drift = 1 + (year - 2024) * (sub ? 0.012 : -0.008) + 0.01 * (unit(seed, 'pop', v.code, year) - 0.5);
  const registered = Math.round(reg0 * drift);
  const resident = Math.round(
    registered * (sub ? 1.05 + 0.2 * unit(seed, 'res', v.code) : 0.6 + 0.3 * unit(seed, 'res', v.code)),
  );
  const households = Math.round(registered / (2.6 + 0.5 * unit(seed, 'hh', v.code)));
  const aged = Math.round(registered * ((sub ? 0.18 : 0.26) + 0.08 * unit(seed, 'aged', v.code, year)));
  const alone = Math.round(aged * (0.05 + 0.08 * unit(seed, 'alone', v.code, year)));
  const lowIncome = Math.round(households * (0.008 + 0.025 * unit(seed, 'dbh', v.code, year)));
  const income0 = (sub ? 80 : 20) + 260 * unit(seed, 'inc', v.code) ** 2;
  const growth = 1.04 + 0.08 * unit(seed, 'incg', v.code);
  const income = income0 * growth ** (year - 2021) * (0.92 + 0.16 * unit(seed, 'inc', v.code, year));
  const area = (sub ? 1.5 : 3) + 14 * unit(seed, 'area', v.code);
  return {
    registered,
    resident,
    households,
    aged,
    alone,
    lowIncome,
    incomeWanYuan: Math.round(income * 10) / 10,
    areaKm2: Math.round(area * 100) / 100,
  };
}

// ------------------------------------------------------------------ homestays (民宿)
const SCENIC_TOWNS = new Set(['331023102', '331023101', '331023001', '331023104', '331023200']);

export function homestaysOf(seed: number, v: Village) {
  const count = SCENIC_TOWNS.has(v.townCode)
    ? intBetween(2, 18, seed, 'ms', v.code)
    : Math.max(0, intBetween(-3, 5, seed, 'ms', v.code));
  let beds = 0;
  for (let i = 0; i < count; i++) beds += intBetween(4, 14, seed, 'beds', v.code, i);
  return { count, beds };
}

/** Share of beds occupied on the Beijing day of t. */
export function homestayOccupancy(seed: number, v: Village, t: number): number {
  const info = dayInfo(t);
  const base =
    0.25 +
    (info.kind === 'weekend' ? 0.25 : 0) +
    (info.holiday ? 0.35 * info.holiday.scenicIntensity + 0.1 : 0) +
    (info.summer ? 0.12 : 0) +
    (SCENIC_TOWNS.has(v.townCode) ? 0.08 : -0.05);
  return clamp(base + 0.12 * valueNoise(seed, `ms-occ:${v.code}`, t, 2 * DAY), 0.03, 0.98);
}

// ------------------------------------------------------------------ 浙农码 scans
export const FARM_PRODUCTS = [
  { code: 'TTHC', name: '天台黄茶', base: 60, teaSeason: true },
  { code: 'TTWY', name: '天台乌药', base: 25, teaSeason: false },
  { code: 'HDYW', name: '华顶云雾茶', base: 45, teaSeason: true },
  { code: 'TTMJ', name: '天台山蜜橘', base: 30, teaSeason: false },
  { code: 'TTHT', name: '天台红糖', base: 15, teaSeason: false },
] as const;

/** Scans of one product in one township over the Beijing day of `dayStart`, as of t. */
export function farmScans(
  seed: number,
  townCode: string,
  product: (typeof FARM_PRODUCTS)[number],
  dayStart: number,
  t: number,
): number {
  const m = beijingParts(dayStart + HOUR).month;
  const season = product.teaSeason ? (m >= 3 && m <= 5 ? 2.2 : 0.8) : m >= 10 || m <= 1 ? 1.8 : 0.9;
  const townW = 0.3 + 1.4 * unit(seed, 'farm', townCode, product.code);
  const full =
    product.base * season * townW * (0.8 + 0.4 * unit(seed, 'farm', townCode, product.code, dayStart));
  const frac = clamp((Math.min(t, dayStart + DAY) - dayStart - 6 * HOUR) / (16 * HOUR), 0, 1);
  return Math.floor(full * frac);
}

// ------------------------------------------------------------------ convenience service points (便民服务点)
export interface ServicePoint {
  pointId: string;
  name: string;
  villageCode: string;
  lon: number;
  lat: number;
}

export function buildServicePoints(geo: Geo): ServicePoint[] {
  return geo.villages.flatMap((v) =>
    Array.from({ length: isSubdistrict(v) ? 2 : 1 }, (_, i) => {
      const [lon, lat] = offsetKm([v.lon, v.lat], 0.1 * i, 0.05);
      return {
        pointId: `BM${v.code}${i + 1}`,
        name: `${v.name}便民服务点${i ? i + 1 : ''}`,
        villageCode: v.code,
        lon: round6(lon),
        lat: round6(lat),
      };
    }),
  );
}

export function servicePointState(seed: number, p: ServicePoint, t: number): '营业中' | '休息' | '暂停服务' {
  const info = dayInfo(t);
  if (unit(seed, 'bm-closed', p.pointId, info.dayIndex) < 0.03) return '暂停服务';
  const h = beijingParts(t).hour + beijingParts(t).minute / 60;
  if (info.kind !== 'workday')
    return h >= 9 && h < 12 && unit(seed, 'bm-wk', p.pointId) < 0.5 ? '营业中' : '休息';
  return h >= 8.5 && h < 17.5 ? '营业中' : '休息';
}

// ------------------------------------------------------------------ perception devices (感知设备)
export const DEVICE_KINDS = ['视频监控', '水位计', '烟感', '其他'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export function deviceCounts(seed: number, v: Village): Record<DeviceKind, number> {
  return {
    视频监控: intBetween(3, 15, seed, 'dev-cam', v.code),
    水位计: intBetween(0, 2, seed, 'dev-wg', v.code),
    烟感: intBetween(4, 20, seed, 'dev-smoke', v.code),
    其他: intBetween(0, 4, seed, 'dev-other', v.code),
  };
}

/** Devices of a kind online at t (each device has offline spells; a few villages have poor coverage). */
export function devicesOnline(seed: number, v: Village, kind: DeviceKind, total: number, t: number): number {
  const poor = unit(seed, 'dev-poor', v.code) < 0.08;
  let online = 0;
  for (let i = 0; i < total; i++) {
    const n = valueNoise(seed, `dev:${v.code}:${kind}:${i}`, t, 6 * HOUR);
    if (n < (poor ? 0.55 : 0.85)) online++;
  }
  return online;
}

// ------------------------------------------------------------------ flood control (防汛)
export interface FloodPointSpec {
  pointId: string;
  name: string;
  kind: '值守点' | '水库' | '河道';
  villageCode: string;
  lon: number;
  lat: number;
  /** gauges: normal level and warning level, m */
  baseLevelM: number | null;
  warningLevelM: number | null;
}

export function buildFloodPoints(seed: number, geo: Geo): FloodPointSpec[] {
  const out: FloodPointSpec[] = [];
  for (const t of geo.townships) {
    const v = geo.nearestVillage(t.seat[0], t.seat[1]);
    out.push({
      pointId: `FX${t.code}`,
      name: `${t.name}防汛值班室`,
      kind: '值守点',
      villageCode: v.code,
      lon: round6(t.seat[0]),
      lat: round6(t.seat[1]),
      baseLevelM: null,
      warningLevelM: null,
    });
  }
  for (const v of geo.villages) {
    const u = unit(seed, 'flood', v.code);
    if (u < 0.2) {
      out.push({
        pointId: `FZ${v.code}`,
        name: `${v.name}防汛值守点`,
        kind: '值守点',
        villageCode: v.code,
        lon: v.lon,
        lat: v.lat,
        baseLevelM: null,
        warningLevelM: null,
      });
    } else if (u < 0.26) {
      const base = 2 + 6 * unit(seed, 'flood-lvl', v.code);
      const kind = unit(seed, 'flood-kind', v.code) < 0.4 ? '水库' : '河道';
      const [lon, lat] = offsetKm([v.lon, v.lat], 0.3, -0.2);
      out.push({
        pointId: `SW${v.code}`,
        name: kind === '水库' ? `${v.name}山塘水库水位站` : `${v.name}河道水位站`,
        kind,
        villageCode: v.code,
        lon: round6(lon),
        lat: round6(lat),
        baseLevelM: Math.round(base * 100) / 100,
        warningLevelM: Math.round((base + 1.2 + 1.5 * unit(seed, 'flood-warn', v.code)) * 100) / 100,
      });
    }
  }
  return out;
}

/** A gauge's level: its normal level plus the response to the county rain of the last 24 h. */
export function waterLevelAt(seed: number, p: FloodPointSpec, t: number): number | null {
  if (p.baseLevelM === null) return null;
  let rain = 0;
  for (let h = 0; h < 24; h++) rain += rainAt(seed, t - h * HOUR) * (1 - h / 30);
  const gain = (p.kind === '水库' ? 0.025 : 0.04) * (0.7 + 0.6 * unit(seed, 'flood-gain', p.pointId));
  const level = p.baseLevelM + rain * gain + 0.15 * valueNoise(seed, `lvl:${p.pointId}`, t, 12 * HOUR);
  return Math.round(level * 100) / 100;
}

export function dutyManned(seed: number, p: FloodPointSpec, t: number): boolean {
  const h = beijingParts(t).hour;
  const night = h < 7 || h >= 20;
  const u = valueNoise(seed, `duty:${p.pointId}`, t, 3 * HOUR);
  return u < (night ? 0.5 : 0.75);
}
