/**
 * 停车平台 (vendor style): {"code":0,"msg":"success","data":{...}}, camelCase, paged lists (pageNo/pageSize),
 * times "yyyy-MM-dd HH:mm:ss" in Beijing time. Parameter errors come back as HTTP 200 with a non-zero code
 * (as many vendor platforms do); unknown paths as HTTP 404 with code 404.
 */
import { formatBeijing, HOUR, MINUTE, parseBeijing } from '../calendar';
import { type Reply, type Route, reply } from '../router';
import { HISTORY_LIMIT_MS, intParam, type SimContext, type SystemModule } from '../system';
import {
  buildLots,
  buildScreens,
  feeFor,
  occupiedAt,
  type ParkingLot,
  type ParkingRecord,
  recordsBetween,
  reportedAt,
  screenStateAt,
} from './model';

const PREFIX = '/parking-platform';
const API = `${PREFIX}/api/v2`;

export const PARKING_ERR = {
  PARAM: 4001,
  NOT_FOUND: 4004,
  RANGE: 4005,
} as const;

const ok = (data: unknown): Reply => reply(200, { code: 0, msg: 'success', data });
const fail = (code: number, msg: string): Reply => reply(200, { code, msg, data: null });

interface Paging {
  pageNo: number;
  pageSize: number;
}

function paging(q: URLSearchParams): Paging | string {
  const pageNo = intParam(q, 'pageNo') ?? 1;
  const pageSize = intParam(q, 'pageSize') ?? 50;
  if (!Number.isInteger(pageNo) || pageNo < 1) return 'pageNo必须为正整数';
  if (!Number.isInteger(pageSize) || pageSize < 1) return 'pageSize必须为正整数';
  return { pageNo, pageSize: Math.min(pageSize, 200) };
}

function paged<T>(list: readonly T[], p: Paging) {
  const from = (p.pageNo - 1) * p.pageSize;
  return {
    total: list.length,
    pageNo: p.pageNo,
    pageSize: p.pageSize,
    list: list.slice(from, from + p.pageSize),
  };
}

/** Parses startTime / endTime (vendor format); defaults: end = now, start = end − defaultSpan. */
function timeRange(
  q: URLSearchParams,
  now: number,
  defaultSpan: number,
  maxSpan: number,
): { from: number; to: number } | Reply {
  const s = q.get('startTime');
  const e = q.get('endTime');
  const to = e ? parseBeijing(e) : now;
  if (to === undefined) return fail(PARKING_ERR.PARAM, 'endTime格式错误,应为yyyy-MM-dd HH:mm:ss');
  const from = s ? parseBeijing(s) : Math.min(to, now) - defaultSpan;
  if (from === undefined) return fail(PARKING_ERR.PARAM, 'startTime格式错误,应为yyyy-MM-dd HH:mm:ss');
  if (from > to) return fail(PARKING_ERR.PARAM, 'startTime不能晚于endTime');
  if (from < now - HISTORY_LIMIT_MS) return fail(PARKING_ERR.RANGE, '仅支持查询最近30天的数据');
  if (to - from > maxSpan)
    return fail(PARKING_ERR.RANGE, `查询时间跨度不能超过${Math.round(maxSpan / HOUR)}小时`);
  return { from, to: Math.min(to, now) };
}

function chargeRule(lot: ParkingLot): string | undefined {
  return lot.price ? `首30分钟免费,超过后${lot.price}元/小时,单次封顶${lot.price * 10}元` : undefined;
}

function lotRow(seed: number, lot: ParkingLot, now: number) {
  const r = reportedAt(seed, lot, now);
  const rule = chargeRule(lot);
  return {
    parkId: lot.parkId,
    parkName: lot.parkName,
    parkType: lot.parkType,
    category: lot.category,
    berthTotal: lot.berthTotal,
    berthFree: r.berthFree,
    berthOccupied: r.berthOccupied,
    longitude: lot.lon,
    latitude: lot.lat,
    villageCode: lot.villageCode,
    townCode: lot.townCode,
    ...(lot.price !== undefined ? { price: lot.price } : {}),
    ...(rule ? { chargeRule: rule } : {}),
    updateTime: formatBeijing(r.updateTime),
  };
}

function recordRow(lot: ParkingLot, r: ParkingRecord, now: number) {
  const out = r.outTime <= now ? r.outTime : null;
  return {
    recordId: r.recordId,
    parkId: r.parkId,
    parkName: lot.parkName,
    plateNo: r.plateNo,
    inTime: formatBeijing(r.inTime),
    outTime: out === null ? null : formatBeijing(out),
    parkingDuration: out === null ? null : Math.round((out - r.inTime) / 1000),
    payAmount: out === null ? null : feeFor(lot, r.inTime, out),
    villageCode: lot.villageCode,
    townCode: lot.townCode,
  };
}

export function parkingSystem(ctx: SimContext): SystemModule & { lots: ParkingLot[] } {
  const { seed, geo } = ctx;
  const lots = buildLots(geo);
  const screens = buildScreens(geo);
  const lotsById = new Map(lots.map((l) => [l.parkId, l]));

  const records = (
    lotList: readonly ParkingLot[],
    q: URLSearchParams,
    now: number,
    maxSpan: number,
  ): Reply => {
    const p = paging(q);
    if (typeof p === 'string') return fail(PARKING_ERR.PARAM, p);
    const range = timeRange(q, now, HOUR, maxSpan);
    if (!('from' in range)) return range;
    const rows = lotList
      .flatMap((lot) => recordsBetween(seed, lot, range.from, range.to).map((r) => ({ lot, r })))
      .sort((a, b) => a.r.inTime - b.r.inTime || a.r.recordId.localeCompare(b.r.recordId));
    const page = paged(rows, p);
    return ok({ ...page, list: page.list.map(({ lot, r }) => recordRow(lot, r, now)) });
  };

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: `${API}/parks`,
      handler: ({ query, now }) => {
        const p = paging(query);
        if (typeof p === 'string') return fail(PARKING_ERR.PARAM, p);
        const category = query.get('category');
        const parkType = query.get('parkType');
        const list = lots.filter(
          (l) => (!category || l.category === category) && (!parkType || String(l.parkType) === parkType),
        );
        const page = paged(list, p);
        return ok({ ...page, list: page.list.map((l) => lotRow(seed, l, now)) });
      },
    },
    {
      method: 'GET',
      pattern: `${API}/parks/:parkId`,
      handler: ({ params, now }) => {
        const lot = lotsById.get(params.parkId ?? '');
        return lot ? ok(lotRow(seed, lot, now)) : fail(PARKING_ERR.NOT_FOUND, '停车场不存在');
      },
    },
    {
      method: 'GET',
      pattern: `${API}/parks/:parkId/history`,
      handler: ({ params, query, now }) => {
        const lot = lotsById.get(params.parkId ?? '');
        if (!lot) return fail(PARKING_ERR.NOT_FOUND, '停车场不存在');
        const interval = intParam(query, 'interval') ?? 15;
        if (![1, 5, 10, 15, 30, 60].includes(interval)) {
          return fail(PARKING_ERR.PARAM, 'interval取值为1,5,10,15,30,60(分钟)');
        }
        const range = timeRange(query, now, 24 * HOUR, HISTORY_LIMIT_MS);
        if (!('from' in range)) return range;
        const step = interval * MINUTE;
        if ((range.to - range.from) / step > 20_000)
          return fail(PARKING_ERR.RANGE, '数据点过多,请增大interval');
        const list = [];
        for (let t = Math.ceil(range.from / step) * step; t <= range.to; t += step) {
          const occ = occupiedAt(seed, lot, t);
          list.push({
            time: formatBeijing(t),
            berthOccupied: occ,
            berthFree: lot.berthTotal - occ,
            occupancyRate: Math.round((occ / lot.berthTotal) * 1000) / 1000,
          });
        }
        return ok({ parkId: lot.parkId, parkName: lot.parkName, berthTotal: lot.berthTotal, interval, list });
      },
    },
    {
      method: 'GET',
      pattern: `${API}/parks/:parkId/records`,
      handler: ({ params, query, now }) => {
        const lot = lotsById.get(params.parkId ?? '');
        if (!lot) return fail(PARKING_ERR.NOT_FOUND, '停车场不存在');
        return records([lot], query, now, 7 * 24 * HOUR);
      },
    },
    {
      method: 'GET',
      pattern: `${API}/records`,
      handler: ({ query, now }) => {
        const parkId = query.get('parkId');
        if (parkId) {
          const lot = lotsById.get(parkId);
          if (!lot) return fail(PARKING_ERR.NOT_FOUND, '停车场不存在');
          return records([lot], query, now, 7 * 24 * HOUR);
        }
        return records(lots, query, now, 24 * HOUR);
      },
    },
    {
      method: 'GET',
      pattern: `${API}/guide-screens`,
      handler: ({ query, now }) => {
        const p = paging(query);
        if (typeof p === 'string') return fail(PARKING_ERR.PARAM, p);
        const page = paged(screens, p);
        return ok({
          ...page,
          list: page.list.map((s) => {
            const st = screenStateAt(seed, s, lotsById, now);
            return {
              screenId: s.screenId,
              screenName: s.screenName,
              longitude: s.lon,
              latitude: s.lat,
              villageCode: s.villageCode,
              townCode: s.townCode,
              level: s.level,
              targets: st.targets,
              online: st.online,
              lastHeartbeat: formatBeijing(st.lastHeartbeat),
            };
          }),
        });
      },
    },
  ];

  return {
    id: 'parking-platform',
    prefix: PREFIX,
    routes,
    lots,
    // screens-full: every guide screen shows 满 (displayFree 0) while its heartbeat goes on, as a screen
    // controller that lost the platform's feed does; the lots themselves answer as usual.
    faulty: (mode, path, body) =>
      mode === 'screens-full' && path === `${API}/guide-screens` ? screensFull(body) : body,
    errorBody: (status, message) => ({
      code: status,
      msg: status >= 500 ? '系统繁忙,请稍后再试' : message,
      data: null,
    }),
  };
}

/** A guide-screens page with every displayed count at 0 (满). */
function screensFull(body: unknown): unknown {
  const b = body as { data?: { list?: { targets: { displayFree: number }[] }[] } };
  if (!b.data?.list) return body;
  return {
    ...b,
    data: {
      ...b.data,
      list: b.data.list.map((s) => ({ ...s, targets: s.targets.map((t) => ({ ...t, displayFree: 0 })) })),
    },
  };
}
