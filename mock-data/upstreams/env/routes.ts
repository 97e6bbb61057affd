/**
 * 环境监测 (national-platform style): {"success":true,"result":[...]}, PascalCase fields, every value a string
 * (missing values "—"), times "yyyy-MM-dd HH:00:00" Beijing. Errors: HTTP 400 {"success":false,
 * "message":"...","result":null}. TimePoint marks the END of the averaging period.
 */
import { formatBeijing, HOUR, parseBeijing } from '../calendar';
import { unit } from '../random';
import { type Reply, type Route, reply } from '../router';
import { HISTORY_LIMIT_MS, type SimContext, type SystemModule } from '../system';
import {
  type AirFlag,
  type AirStation,
  type AirValues,
  airFlag,
  airHourly,
  aqiOf,
  buildEnvSites,
  isNight,
  noiseLeq,
  noiseLimit,
  stationWindAt,
  type WaterSection,
  type WaterValues,
  waterAt,
  waterClassOf,
} from './model';

const PREFIX = '/env-monitor';
export const WATER_PERIOD_MS = 4 * HOUR;

const ok = (result: unknown): Reply => reply(200, { success: true, result });
const bad = (message: string): Reply => reply(400, { success: false, message, result: null });

const fx = (x: number, digits: number) => x.toFixed(digits);

const COMPASS = [
  '北',
  '北东北',
  '东北',
  '东东北',
  '东',
  '东东南',
  '东南',
  '南东南',
  '南',
  '南西南',
  '西南',
  '西西南',
  '西',
  '西西北',
  '西北',
  '北西北',
];
export function compassName(deg: number): string {
  return COMPASS[Math.round(deg / 22.5) % 16] ?? '北';
}

/** start/end (Beijing "yyyy-MM-dd HH:mm:ss") → aligned time points, latest first-default. */
function timePoints(q: URLSearchParams, now: number, period: number, maxPoints: number): number[] | Reply {
  const latest = Math.floor(now / period) * period;
  const s = q.get('start');
  const e = q.get('end');
  if (!s && !e) return [latest];
  const end = e ? parseBeijing(e) : latest;
  const start = s ? parseBeijing(s) : (end ?? latest) - 24 * HOUR;
  if (start === undefined || end === undefined) return bad('时间格式错误,应为yyyy-MM-dd HH:mm:ss');
  if (start > end) return bad('开始时间不能晚于结束时间');
  if (start < now - HISTORY_LIMIT_MS) return bad('仅提供最近30天的数据');
  const out: number[] = [];
  for (let t = Math.ceil(start / period) * period; t <= Math.min(end, latest); t += period) out.push(t);
  if (out.length > maxPoints) return bad(`单次查询不能超过${maxPoints}个时次`);
  return out;
}

function pick<T extends { code: string }>(list: readonly T[], code: string | null): T[] | Reply {
  if (!code) return [...list];
  const found = list.filter((x) => x.code === code);
  return found.length > 0 ? found : bad(`站点编码不存在: ${code}`);
}

const POLLUTANTS: readonly { key: keyof AirValues | 'O3_8h'; digits: number }[] = [
  { key: 'PM2_5', digits: 0 },
  { key: 'PM10', digits: 0 },
  { key: 'SO2', digits: 0 },
  { key: 'NO2', digits: 0 },
  { key: 'CO', digits: 1 },
  { key: 'O3', digits: 0 },
  { key: 'O3_8h', digits: 0 },
];

function airRow(seed: number, s: AirStation, tp: number) {
  const v = airHourly(seed, s, tp);
  const row: Record<string, string> = {
    StationCode: s.code,
    PositionName: s.name,
    Area: '天台县',
    Longitude: fx(s.lon, 6),
    Latitude: fx(s.lat, 6),
    VillageCode: s.villageCode,
    TownCode: s.townCode,
    TimePoint: formatBeijing(tp),
  };
  const valid: Partial<AirValues> = {};
  for (const { key, digits } of POLLUTANTS) {
    const flag: AirFlag = airFlag(seed, s, tp, key);
    const value = v[key];
    row[key] = flag === '—' ? '—' : fx(value, digits);
    row[`${key}_Flag`] = flag;
    if (flag === '' && key !== 'O3_8h') valid[key] = Number(fx(value, digits));
  }
  const a = aqiOf(valid);
  row.AQI = Object.keys(valid).length === 0 ? '—' : String(a.aqi);
  row.PrimaryPollutant = Object.keys(valid).length === 0 ? '—' : a.primary;
  row.Quality = Object.keys(valid).length === 0 ? '—' : a.quality;
  return row;
}

const WATER_PARAMS: readonly { key: keyof WaterValues; digits: number }[] = [
  { key: 'pH', digits: 2 },
  { key: 'DO', digits: 2 },
  { key: 'CODMn', digits: 2 },
  { key: 'NH3N', digits: 3 },
  { key: 'TP', digits: 3 },
  { key: 'TN', digits: 2 },
  { key: 'Chla', digits: 1 },
  { key: 'SD', digits: 2 },
];

function waterRow(seed: number, s: WaterSection, tp: number) {
  const v = waterAt(seed, s, tp);
  const row: Record<string, string> = {
    SectionCode: s.code,
    SectionName: s.name,
    RiverName: s.river,
    WaterBody: s.waterBody,
    TargetClass: s.targetClass,
    Longitude: fx(s.lon, 6),
    Latitude: fx(s.lat, 6),
    VillageCode: s.villageCode,
    TownCode: s.townCode,
    TimePoint: formatBeijing(tp),
  };
  const rounded: Partial<WaterValues> = {};
  for (const { key, digits } of WATER_PARAMS) {
    // nutrient analysers (TP, TN) occasionally miss a run
    const value = v[key];
    const missing =
      value === undefined || ((key === 'TP' || key === 'TN') && unitMissing(seed, s.code, key, tp));
    row[key] = missing ? '—' : fx(value, digits);
    if (!missing) rounded[key] = Number(fx(value, digits));
  }
  row.ActualClass = waterClassOf(rounded, s.waterBody);
  return row;
}

function unitMissing(seed: number, code: string, key: string, tp: number): boolean {
  return unit(seed, 'water-miss', code, key, tp) < 0.01; // deterministic ~1% gaps
}

export function envSystem(ctx: SimContext): SystemModule {
  const { seed, geo } = ctx;
  const sites = buildEnvSites(geo);
  const siteRow = (s: {
    code: string;
    name: string;
    lon: number;
    lat: number;
    villageCode: string;
    townCode: string;
  }) => ({
    Longitude: fx(s.lon, 6),
    Latitude: fx(s.lat, 6),
    VillageCode: s.villageCode,
    TownCode: s.townCode,
  });

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: `${PREFIX}/air/stations`,
      handler: () =>
        ok(
          sites.air.map((s) => ({
            StationCode: s.code,
            PositionName: s.name,
            Area: '天台县',
            StationType: s.kind,
            ...siteRow(s),
          })),
        ),
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/air/hourly`,
      handler: ({ query, now }) => {
        const stations = pick(sites.air, query.get('stationCode'));
        if (!Array.isArray(stations)) return stations;
        const tps = timePoints(query, now, HOUR, Math.floor(5000 / stations.length));
        if (!Array.isArray(tps)) return tps;
        return ok(tps.flatMap((tp) => stations.map((s) => airRow(seed, s, tp))));
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/air/realtime`,
      handler: ({ now }) => ok(sites.air.map((s) => airRow(seed, s, Math.floor(now / HOUR) * HOUR))),
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/wind/hourly`,
      handler: ({ query, now }) => {
        const stations = pick(sites.air, query.get('stationCode'));
        if (!Array.isArray(stations)) return stations;
        const tps = timePoints(query, now, HOUR, Math.floor(5000 / stations.length));
        if (!Array.isArray(tps)) return tps;
        return ok(
          tps.flatMap((tp) =>
            stations.map((s) => {
              const w = stationWindAt(seed, s, tp - HOUR / 2);
              return {
                StationCode: s.code,
                PositionName: s.name,
                ...siteRow(s),
                TimePoint: formatBeijing(tp),
                WindDirection: fx(w.dirDeg, 0),
                WindDirectionName: compassName(w.dirDeg),
                WindSpeed: fx(w.speedMs, 1),
              };
            }),
          ),
        );
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/water/stations`,
      handler: () =>
        ok(
          sites.water.map((s) => ({
            SectionCode: s.code,
            SectionName: s.name,
            RiverName: s.river,
            WaterBody: s.waterBody,
            TargetClass: s.targetClass,
            Frequency: '4h',
            ...siteRow(s),
          })),
        ),
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/water/data`,
      handler: ({ query, now }) => {
        const sections = pick(sites.water, query.get('sectionCode'));
        if (!Array.isArray(sections)) return sections;
        const tps = timePoints(query, now, WATER_PERIOD_MS, 2000);
        if (!Array.isArray(tps)) return tps;
        return ok(tps.flatMap((tp) => sections.map((s) => waterRow(seed, s, tp))));
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/noise/points`,
      handler: () =>
        ok(
          sites.noise.map((p) => ({
            PointCode: p.code,
            PointName: p.name,
            FunctionalZone: p.zone,
            ...siteRow(p),
          })),
        ),
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/noise/hourly`,
      handler: ({ query, now }) => {
        const points = pick(sites.noise, query.get('pointCode'));
        if (!Array.isArray(points)) return points;
        const tps = timePoints(query, now, HOUR, Math.floor(8000 / points.length));
        if (!Array.isArray(tps)) return tps;
        return ok(
          tps.flatMap((tp) =>
            points.map((p) => {
              const leq = noiseLeq(seed, p, tp);
              const limit = noiseLimit(p, tp);
              return {
                PointCode: p.code,
                PointName: p.name,
                FunctionalZone: p.zone,
                ...siteRow(p),
                TimePoint: formatBeijing(tp),
                Period: isNight(tp - HOUR / 2) ? '夜间' : '昼间',
                Leq: fx(leq, 1),
                L10: fx(leq + 2.6, 1),
                L50: fx(leq - 1.8, 1),
                L90: fx(leq - 5.9, 1),
                Lmax: fx(leq + 13.5, 1),
                Limit: String(limit),
                Exceed: Number(fx(leq, 1)) > limit ? '1' : '0',
              };
            }),
          ),
        );
      },
    },
  ];

  return {
    id: 'env-monitor',
    prefix: PREFIX,
    routes,
    errorBody: (status, message) => ({
      success: false,
      message: status >= 500 ? '服务器内部错误' : message,
      result: null,
    }),
  };
}
