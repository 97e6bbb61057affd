/**
 * 县域综合服务 (a fourth style): {"status":200,"payload":{...}}, camelCase, ISO-8601 UTC timestamps, every
 * number wrapped as {"value": n, "unit": "..."}. Errors: {"status":4xx/5xx,"payload":null,"error":{...}}
 * with the same HTTP status.
 */
import { HOUR } from '../calendar';
import { buildHospitals, type Hospital } from '../emergency/facilities';
import { edLoadAt } from '../emergency/model';
import { COUNTY_CODE, type Township } from '../geo';
import { type Reply, type Route, reply } from '../router';
import { HISTORY_LIMIT_MS, type SimContext, type SystemModule } from '../system';
import {
  buildSpots,
  caseHandlingMinutesToday,
  casesClosedToday,
  casesReportedToday,
  congestionIndexAt,
  congestionLevel,
  countyCongestionAt,
  countyEdLoadAt,
  countyVisitorsToday,
  outpatientVisitsToday,
  type ScenicSpot,
  spotFlowAt,
  spotVisitorsToday,
} from './model';

const PREFIX = '/county-services';

/** ISO-8601 UTC, whole seconds. */
export const iso = (t: number) => new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const ok = (payload: unknown): Reply => reply(200, { status: 200, payload });
const fail = (status: number, code: string, message: string): Reply =>
  reply(status, { status, payload: null, error: { code, message } });

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

interface IndicatorDef {
  indicatorId: string;
  name: string;
  unit: string;
  kind: 'daily-cumulative' | 'daily-mean' | 'instant';
  regions: string[];
  valueAt(region: string, t: number): number | undefined;
}

export function countySystem(ctx: SimContext): SystemModule {
  const { seed, geo } = ctx;
  const spots = buildSpots(geo);
  const hospitals = buildHospitals(geo);
  const towns = geo.townships;
  const townByCode = new Map(towns.map((t) => [t.code, t]));
  const spotById = new Map(spots.map((s) => [s.spotId, s]));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const hospitalsIn = (code: string) => hospitals.filter((h) => h.townCode === code);
  const outpatients = (list: readonly Hospital[], t: number) =>
    sum(list.map((h) => outpatientVisitsToday(seed, h, t)));

  const forTown = (region: string, f: (town: Township) => number, county: () => number) => {
    if (region === COUNTY_CODE) return county();
    const town = townByCode.get(region);
    return town ? f(town) : undefined;
  };
  const forSpot = (region: string, f: (s: ScenicSpot) => number, county: () => number) => {
    if (region === COUNTY_CODE) return county();
    const s = spotById.get(region);
    return s ? f(s) : undefined;
  };

  const townRegions = [COUNTY_CODE, ...towns.map((t) => t.code)];
  const spotRegions = [COUNTY_CODE, ...spots.map((s) => s.spotId)];

  const indicators: IndicatorDef[] = [
    {
      indicatorId: 'tourism.visitorsToday',
      name: '今日游客接待量',
      unit: '人次',
      kind: 'daily-cumulative',
      regions: spotRegions,
      valueAt: (r, t) =>
        forSpot(
          r,
          (s) => spotVisitorsToday(seed, s, t),
          () => countyVisitorsToday(seed, spots, t),
        ),
    },
    {
      indicatorId: 'tourism.spotFlow',
      name: '景区实时在园人数',
      unit: '人',
      kind: 'instant',
      regions: spotRegions,
      valueAt: (r, t) =>
        forSpot(
          r,
          (s) => spotFlowAt(seed, s, t),
          () => sum(spots.map((s) => spotFlowAt(seed, s, t))),
        ),
    },
    {
      indicatorId: 'urban.casesReportedToday',
      name: '今日城管案件上报数',
      unit: '件',
      kind: 'daily-cumulative',
      regions: townRegions,
      valueAt: (r, t) =>
        forTown(
          r,
          (town) => casesReportedToday(seed, town, t),
          () => sum(towns.map((town) => casesReportedToday(seed, town, t))),
        ),
    },
    {
      indicatorId: 'urban.casesClosedToday',
      name: '今日城管案件结案数',
      unit: '件',
      kind: 'daily-cumulative',
      regions: townRegions,
      valueAt: (r, t) =>
        forTown(
          r,
          (town) => casesClosedToday(seed, town, t),
          () => sum(towns.map((town) => casesClosedToday(seed, town, t))),
        ),
    },
    {
      indicatorId: 'urban.avgHandlingHoursToday',
      name: '今日结案城管案件平均处置时长',
      unit: 'h',
      kind: 'daily-mean',
      regions: townRegions,
      valueAt: (r, t) => {
        const closed = forTown(
          r,
          (town) => casesClosedToday(seed, town, t),
          () => sum(towns.map((town) => casesClosedToday(seed, town, t))),
        );
        const minutes = forTown(
          r,
          (town) => caseHandlingMinutesToday(seed, town, t),
          () => sum(towns.map((town) => caseHandlingMinutesToday(seed, town, t))),
        );
        return closed && minutes !== undefined ? round(minutes / 60 / closed, 2) : undefined;
      },
    },
    {
      indicatorId: 'health.outpatientVisitsToday',
      name: '今日门急诊人次',
      unit: '人次',
      kind: 'daily-cumulative',
      regions: townRegions,
      valueAt: (r, t) =>
        forTown(
          r,
          (town) => outpatients(hospitalsIn(town.code), t),
          () => outpatients(hospitals, t),
        ),
    },
    {
      indicatorId: 'health.edLoad',
      name: '急诊负荷',
      unit: 'ratio',
      kind: 'instant',
      regions: [COUNTY_CODE, 'H01', 'H02'],
      valueAt: (r, t) => {
        if (r === COUNTY_CODE) return round(countyEdLoadAt(seed, hospitals, t), 2);
        const h = hospitals.find((x) => x.id === r);
        return h ? round(edLoadAt(seed, h, t), 2) : undefined;
      },
    },
    {
      indicatorId: 'traffic.congestionIndex',
      name: '交通拥堵指数',
      unit: 'index',
      kind: 'instant',
      regions: townRegions,
      valueAt: (r, t) =>
        forTown(
          r,
          (town) => round(congestionIndexAt(seed, town, t), 2),
          () => round(countyCongestionAt(seed, towns, t), 2),
        ),
    },
  ];
  const indicatorById = new Map(indicators.map((i) => [i.indicatorId, i]));
  const v = (value: number, unit: string) => ({ value, unit });
  const asOf = (now: number) => Math.floor(now / 60_000) * 60_000;

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: `${PREFIX}/overview`,
      handler: ({ now }) => {
        const t = asOf(now);
        return ok({
          regionCode: COUNTY_CODE,
          regionName: '天台县',
          asOf: iso(t),
          indicators: indicators.map((i) => ({
            indicatorId: i.indicatorId,
            name: i.name,
            value: i.valueAt(COUNTY_CODE, t) ?? null,
            unit: i.unit,
            at: iso(t),
          })),
        });
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/tourism/realtime`,
      handler: ({ now }) => {
        const t = asOf(now);
        return ok({
          asOf: iso(t),
          visitorsToday: v(countyVisitorsToday(seed, spots, t), '人次'),
          spots: spots.map((s) => {
            const flow = spotFlowAt(seed, s, t);
            return {
              spotId: s.spotId,
              spotName: s.name,
              longitude: s.lon,
              latitude: s.lat,
              villageCode: s.villageCode,
              townCode: s.townCode,
              currentFlow: v(flow, '人'),
              capacity: v(s.capacity, '人'),
              loadRate: v(round(flow / s.capacity, 3), 'ratio'),
              visitorsToday: v(spotVisitorsToday(seed, s, t), '人次'),
              at: iso(t),
            };
          }),
        });
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/urban-management/cases`,
      handler: ({ now }) => {
        const t = asOf(now);
        // Handling time = report → closure, summed over the cases closed today (minutes).
        const rows = towns.map((town) => ({
          townCode: town.code,
          townName: town.name,
          reported: v(casesReportedToday(seed, town, t), '件'),
          closed: v(casesClosedToday(seed, town, t), '件'),
          handlingMinutesClosed: v(caseHandlingMinutesToday(seed, town, t), 'min'),
        }));
        return ok({
          asOf: iso(t),
          county: {
            reported: v(sum(rows.map((r) => r.reported.value)), '件'),
            closed: v(sum(rows.map((r) => r.closed.value)), '件'),
            handlingMinutesClosed: v(sum(rows.map((r) => r.handlingMinutesClosed.value)), 'min'),
          },
          townships: rows,
        });
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/health/realtime`,
      handler: ({ now }) => {
        const t = asOf(now);
        return ok({
          asOf: iso(t),
          outpatientVisitsToday: v(outpatients(hospitals, t), '人次'),
          edLoad: v(round(countyEdLoadAt(seed, hospitals, t), 2), 'ratio'),
          hospitals: hospitals.map((h) => ({
            hospitalId: h.id,
            name: h.name,
            longitude: h.lon,
            latitude: h.lat,
            villageCode: h.villageCode,
            townCode: h.townCode,
            outpatientVisitsToday: v(outpatientVisitsToday(seed, h, t), '人次'),
            ...(h.id === 'H01' || h.id === 'H02'
              ? { edLoad: v(round(edLoadAt(seed, h, t), 2), 'ratio') }
              : {}),
          })),
          townships: towns.map((town) => ({
            townCode: town.code,
            townName: town.name,
            outpatientVisitsToday: v(outpatients(hospitalsIn(town.code), t), '人次'),
          })),
        });
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/traffic/congestion`,
      handler: ({ now }) => {
        const t = asOf(now);
        const county = round(countyCongestionAt(seed, towns, t), 2);
        return ok({
          asOf: iso(t),
          county: { ...v(county, 'index'), level: congestionLevel(county) },
          townships: towns.map((town) => {
            const x = round(congestionIndexAt(seed, town, t), 2);
            return { townCode: town.code, townName: town.name, ...v(x, 'index'), level: congestionLevel(x) };
          }),
        });
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/indicators`,
      handler: () =>
        ok({
          indicators: indicators.map((i) => ({
            indicatorId: i.indicatorId,
            name: i.name,
            unit: i.unit,
            kind: i.kind,
            regions: i.regions,
            historyStep: 'PT1H',
            historyDays: 30,
          })),
        }),
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/indicators/:indicatorId/history`,
      handler: ({ params, query, now }) => {
        const ind = indicatorById.get(params.indicatorId ?? '');
        if (!ind) return fail(404, 'NOT_FOUND', `unknown indicator ${params.indicatorId}`);
        const region = query.get('region') ?? COUNTY_CODE;
        if (!ind.regions.includes(region))
          return fail(400, 'BAD_REGION', `region ${region} not available for ${ind.indicatorId}`);
        const toRaw = query.get('to');
        const fromRaw = query.get('from');
        const to = toRaw ? Date.parse(toRaw) : now;
        const from = fromRaw ? Date.parse(fromRaw) : to - 24 * HOUR;
        if (Number.isNaN(from) || Number.isNaN(to))
          return fail(400, 'BAD_TIME', 'from/to must be ISO-8601 date-times');
        if (from > to) return fail(400, 'BAD_TIME', 'from must not be after to');
        if (from < now - HISTORY_LIMIT_MS) return fail(400, 'OUT_OF_RANGE', 'history is kept for 30 days');
        const points = [];
        for (let t = Math.ceil(from / HOUR) * HOUR; t <= Math.min(to, now); t += HOUR) {
          points.push({ at: iso(t), value: ind.valueAt(region, t) ?? null });
        }
        return ok({ indicatorId: ind.indicatorId, region, unit: ind.unit, step: 'PT1H', points });
      },
    },
  ];

  return {
    id: 'county-services',
    prefix: PREFIX,
    routes,
    errorBody: (status, message) => ({
      status,
      payload: null,
      error: { code: status >= 500 ? 'INTERNAL' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message },
    }),
  };
}
