/**
 * 基层治理综合信息平台 (a fifth style): a provincial-platform envelope with pinyin keys,
 * {"zhuangtai":"0000","xinxi":"成功","xiangyingShijian":"2026/07/15 12:00:00","shuju":{"zongshu":n,"jilu":[...]}},
 * record fields as pinyin initials (xzqhdm 行政区划代码, sjbh 事件编号, …; see README), enumerations as Chinese
 * labels, times "yyyy/MM/dd HH:mm:ss" Beijing, dates "yyyyMMdd", paging `ye`/`meiye`. Errors:
 * {"zhuangtai":"<http status>","xinxi":"…","shuju":null} with the same HTTP status.
 */
import { beijingMidnight, DAY, formatBeijing, parseBeijing } from '../calendar';
import { type Reply, type Route, reply } from '../router';
import { HISTORY_LIMIT_MS, intParam, type SimContext, type SystemModule } from '../system';
import {
  buildFloodPoints,
  buildGrids,
  buildServicePoints,
  DEVICE_KINDS,
  deviceCounts,
  devicesOnline,
  dutyManned,
  eventModel,
  FARM_PRODUCTS,
  farmScans,
  type GrassEvent,
  homestayOccupancy,
  homestaysOf,
  patrolOn,
  servicePointState,
  villageBasics,
  waterLevelAt,
} from './model';

const PREFIX = '/grassroots';
const API = `${PREFIX}/api/v1`;

/** "yyyy/MM/dd HH:mm:ss", Beijing. */
export const sjc = (t: number) => formatBeijing(t, 'yyyy-MM-dd HH:mm:ss').replaceAll('-', '/');
const rq = (t: number) => formatBeijing(t, 'yyyy-MM-dd HH:mm:ss').slice(0, 10).replaceAll('-', '');

/** Parses "yyyyMMdd" (Beijing) to that day's midnight. */
function parseRq(text: string | null): number | undefined {
  if (!text || !/^\d{8}$/.test(text)) return undefined;
  return parseBeijing(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)} 00:00:00`);
}
/** Parses "yyyyMMddHHmmss" (Beijing). */
function parseSj(text: string | null): number | undefined {
  if (!text || !/^\d{14}$/.test(text)) return undefined;
  const s = text;
  return parseBeijing(
    `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)} ${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}`,
  );
}

export function grassrootsSystem(ctx: SimContext): SystemModule {
  const { seed, geo } = ctx;
  const grids = buildGrids(seed, geo);
  const events = eventModel(seed, geo, grids);
  const servicePoints = buildServicePoints(geo);
  const floodPoints = buildFloodPoints(seed, geo);

  const ok = (now: number, shuju: unknown): Reply =>
    reply(200, { zhuangtai: '0000', xinxi: '成功', xiangyingShijian: sjc(now), shuju });
  const fail = (status: number, xinxi: string): Reply =>
    reply(status, { zhuangtai: String(status), xinxi, shuju: null });
  const list = (now: number, jilu: unknown[]) => ok(now, { zongshu: jilu.length, jilu });

  /** A date range ksrq..jsrq (yyyyMMdd, inclusive), within the last 31 days; default: today. */
  const dayRange = (q: URLSearchParams, now: number): number[] | string => {
    const today = beijingMidnight(now);
    const from = q.has('ksrq') ? parseRq(q.get('ksrq')) : today;
    const to = q.has('jsrq') ? parseRq(q.get('jsrq')) : (from ?? today);
    if (from === undefined || to === undefined) return 'ksrq/jsrq 格式应为 yyyyMMdd';
    if (from > to) return 'ksrq 不能晚于 jsrq';
    if (from < now - HISTORY_LIMIT_MS) return '仅保留最近 30 天数据';
    const days: number[] = [];
    for (let d = from; d <= Math.min(to, today); d += DAY) days.push(d);
    return days;
  };

  const eventRow = (e: GrassEvent, now: number) => {
    const marks = e.marks.filter((m) => m.at <= now);
    const esc = e.escalations.filter((x) => x.at <= now);
    const rated = marks.some((m) => m.stage === '评价');
    return {
      sjbh: e.eventId,
      sjlx: e.type,
      yzcd: e.severity,
      xzqhdm: e.villageCode,
      xzdm: e.townCode,
      wgbh: e.gridId,
      jd: e.lon,
      wd: e.lat,
      sbsj: sjc(e.reportedAt),
      sbrlx: e.reporterKind,
      sbrxm: e.reporterName,
      sbrdh: e.reporterPhone,
      sjms: e.description,
      czcj: esc.at(-1)?.to ?? '村级',
      clsx: e.deadlineHours,
      dqhj: marks.at(-1)!.stage,
      lcjl: marks.map((m) => ({ hj: m.stage, sj: sjc(m.at) })),
      sjjl: esc.map((x) => ({ yscj: x.from, mbcj: x.to, sj: sjc(x.at) })),
      myd: rated ? e.satisfaction : null,
    };
  };

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: `${API}/wangge`,
      handler: ({ now }) =>
        list(
          now,
          grids.map((g) => ({
            wgbh: g.gridId,
            wgmc: g.name,
            xzqhdm: g.villageCode,
            xzdm: g.townCode,
            wgyxm: g.workerName,
            wgydh: g.workerPhone,
          })),
        ),
    },
    {
      method: 'GET',
      pattern: `${API}/wangge/xuncha`,
      handler: ({ query, now }) => {
        const days = dayRange(query, now);
        if (typeof days === 'string') return fail(400, days);
        return list(
          now,
          days.flatMap((d) =>
            grids.map((g) => {
              const p = patrolOn(seed, g, d, now);
              return {
                wgbh: g.gridId,
                xzqhdm: g.villageCode,
                rq: rq(d),
                dkcs: p.checkIns,
                xclc: p.patrolKm,
                zfhs: p.visits,
              };
            }),
          ),
        );
      },
    },
    {
      method: 'GET',
      pattern: `${API}/shijian`,
      handler: ({ query, now }) => {
        const from = query.has('kssj') ? parseSj(query.get('kssj')) : beijingMidnight(now);
        const to = query.has('jssj') ? parseSj(query.get('jssj')) : now;
        if (from === undefined || to === undefined) return fail(400, 'kssj/jssj 格式应为 yyyyMMddHHmmss');
        if (from > to) return fail(400, 'kssj 不能晚于 jssj');
        if (from < now - HISTORY_LIMIT_MS) return fail(400, '仅保留最近 30 天数据');
        const ye = intParam(query, 'ye') ?? 1;
        const meiye = intParam(query, 'meiye') ?? 500;
        if (Number.isNaN(ye) || ye < 1 || Number.isNaN(meiye) || meiye < 1 || meiye > 2000)
          return fail(400, 'ye ≥ 1，1 ≤ meiye ≤ 2000');
        const all = events.reportedBetween(from, Math.min(to, now));
        const page = all.slice((ye - 1) * meiye, ye * meiye).map((e) => eventRow(e, now));
        return ok(now, { zongshu: all.length, ye, meiye, jilu: page });
      },
    },
    {
      method: 'GET',
      pattern: `${API}/cun/jiben`,
      handler: ({ query, now }) => {
        const thisYear = Number(rq(now).slice(0, 4));
        const nf = intParam(query, 'nf') ?? thisYear;
        if (Number.isNaN(nf) || nf < thisYear - 5 || nf > thisYear)
          return fail(400, `nf 应在 ${thisYear - 5}–${thisYear}`);
        return list(
          now,
          geo.villages.map((v) => {
            const b = villageBasics(seed, v, nf);
            return {
              xzqhdm: v.code,
              cunmc: v.name,
              nf,
              hjrk: b.registered,
              czrk: b.resident,
              hs: b.households,
              lnrk60: b.aged,
              djlr: b.alone,
              dbh: b.lowIncome,
              jtjjsr: b.incomeWanYuan,
              mj: b.areaKm2,
              sjly: '模拟数据',
            };
          }),
        );
      },
    },
    {
      method: 'GET',
      pattern: `${API}/minsu`,
      handler: ({ query, now }) => {
        const days = dayRange(query, now);
        if (typeof days === 'string') return fail(400, days);
        return list(
          now,
          days.flatMap((d) =>
            geo.villages.flatMap((v) => {
              const h = homestaysOf(seed, v);
              if (h.count === 0) return [];
              const occ = homestayOccupancy(seed, v, d + 12 * 3_600_000);
              return [
                { xzqhdm: v.code, rq: rq(d), mss: h.count, cws: h.beds, rzcws: Math.round(h.beds * occ) },
              ];
            }),
          ),
        );
      },
    },
    {
      method: 'GET',
      pattern: `${API}/nongma/saoma`,
      handler: ({ query, now }) => {
        const days = dayRange(query, now);
        if (typeof days === 'string') return fail(400, days);
        return list(
          now,
          days.flatMap((d) =>
            geo.townships.flatMap((t) =>
              FARM_PRODUCTS.map((p) => ({
                xzdm: t.code,
                cpdm: p.code,
                cpmc: p.name,
                rq: rq(d),
                smcs: farmScans(seed, t.code, p, d, now),
              })),
            ),
          ),
        );
      },
    },
    {
      method: 'GET',
      pattern: `${API}/bianmin`,
      handler: ({ now }) =>
        list(
          now,
          servicePoints.map((p) => ({
            dwbh: p.pointId,
            dwmc: p.name,
            xzqhdm: p.villageCode,
            jd: p.lon,
            wd: p.lat,
            yyzt: servicePointState(seed, p, now),
          })),
        ),
    },
    {
      method: 'GET',
      pattern: `${API}/ganzhi`,
      handler: ({ now }) =>
        list(
          now,
          geo.villages.flatMap((v) => {
            const counts = deviceCounts(seed, v);
            return DEVICE_KINDS.filter((k) => counts[k] > 0).map((k) => ({
              xzqhdm: v.code,
              sblx: k,
              zs: counts[k],
              zxs: devicesOnline(seed, v, k, counts[k], now),
            }));
          }),
        ),
    },
    {
      method: 'GET',
      pattern: `${API}/fangxun`,
      handler: ({ now }) =>
        list(
          now,
          floodPoints.map((p) => ({
            dwbh: p.pointId,
            dwmc: p.name,
            lx: p.kind,
            xzqhdm: p.villageCode,
            jd: p.lon,
            wd: p.lat,
            zbzt: p.kind === '值守点' ? (dutyManned(seed, p, now) ? '在岗' : '脱岗') : null,
            sw: waterLevelAt(seed, p, now),
            jjsw: p.warningLevelM,
          })),
        ),
    },
  ];

  return {
    id: 'grassroots',
    prefix: PREFIX,
    routes,
    errorBody: (status, message) => ({ zhuangtai: String(status), xinxi: message, shuju: null }),
  };
}
