/**
 * 120 急救调度 (dispatch-centre style): snake_case, {"result":"OK","rows":[...],"ts":<epoch ms>}, every time
 * an epoch-milliseconds number. Errors: {"result":"ERROR","error_code":"...","message":"...","rows":[],"ts"}
 * with a 4xx/5xx HTTP status.
 */
import { z } from 'zod';
import { beijingDate, HOUR } from '../calendar';
import { round6 } from '../geo';
import { signed } from '../random';
import { type Reply, type Route, reply } from '../router';
import { HISTORY_LIMIT_MS, type SimContext, type SystemModule } from '../system';
import { buildHospitals, buildStations } from './facilities';
import {
  EmergencyModel,
  hospitalLiveAt,
  INJURY_TYPES,
  incidentStatusAt,
  lastEventAt,
  type PlannedIncident,
  SEVERITIES,
} from './model';
import { countyRoads, roadRoute } from './road-route';

const PREFIX = '/emergency-120';
export const GPS_FIX_PERIOD_MS = 5000;

const ok = (rows: unknown[], now: number): Reply => reply(200, { result: 'OK', rows, ts: now });
const err = (status: number, code: string, message: string, now: number): Reply =>
  reply(status, { result: 'ERROR', error_code: code, message, rows: [], ts: now });

function msParam(q: URLSearchParams, name: string): number | undefined | null {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/** The incident as the dispatch system shows it at `now` (future events are not known yet). */
export function incidentRow(inc: PlannedIncident, now: number) {
  const known = (x: number | null) => (x !== null && x <= now ? x : null);
  const dispatched = now >= inc.dispatchTime;
  return {
    id: inc.id,
    call_time: inc.callTime,
    dispatch_time: known(inc.dispatchTime),
    arrive_scene_time: known(inc.arriveSceneTime),
    depart_scene_time: known(inc.departSceneTime),
    arrive_hospital_time: known(inc.arriveHospitalTime),
    lon: inc.lon,
    lat: inc.lat,
    village_code: inc.villageCode,
    town_code: inc.townCode,
    severity: inc.severity,
    injury_type: inc.injuryType,
    patient_name: inc.patient.name,
    patient_phone: inc.patient.phone,
    patient_id_no: inc.patient.idNo,
    patient_age: inc.patient.age,
    patient_sex: inc.patient.sex,
    ambulance_id: dispatched ? inc.ambulanceId : null,
    hospital_id: now >= inc.departSceneTime ? inc.hospitalId : null,
    status: incidentStatusAt(inc, now),
  };
}

export const RaiseIncident = z.union([
  z.object({
    lon: z.number().min(120).max(122),
    lat: z.number().min(28.5).max(29.8),
    severity: z.enum(SEVERITIES),
    injury_type: z.enum(INJURY_TYPES),
  }),
  z.object({
    villageCode: z.string().regex(/^\d{12}$/),
    severity: z.enum(SEVERITIES),
    injury_type: z.enum(INJURY_TYPES),
  }),
]);
export type RaiseIncident = z.infer<typeof RaiseIncident>;

export function emergencySystem(ctx: SimContext): SystemModule & {
  model: EmergencyModel;
  raise(body: RaiseIncident, now: number): ReturnType<typeof incidentRow> | string;
} {
  const { seed, geo } = ctx;
  const hospitals = buildHospitals(geo);
  const { stations, fleet } = buildStations(geo, hospitals);
  const model = new EmergencyModel({
    seed,
    geo,
    hospitals,
    stations,
    fleet,
    route: roadRoute(countyRoads(ctx.geoDir)),
  });

  const ambulanceRow = (id: string, t: number) => {
    const amb = fleet.find((a) => a.id === id);
    if (!amb) return undefined;
    const fixTime = Math.floor(t / GPS_FIX_PERIOD_MS) * GPS_FIX_PERIOD_MS;
    const s = model.ambulanceAt(id, fixTime);
    const jitter = s.fix.speedKmh > 0 ? 0.00004 : 0.00001;
    const lon = round6(s.fix.lon + jitter * signed(seed, 'gps-x', id, fixTime));
    const lat = round6(s.fix.lat + jitter * signed(seed, 'gps-y', id, fixTime));
    const p = geo.place(lon, lat);
    return {
      id,
      plate: amb.plate,
      station_id: amb.stationId,
      status: s.status,
      incident_id: s.incidentId,
      lon,
      lat,
      heading_deg: Math.round(s.fix.headingDeg),
      speed_kmh:
        s.fix.speedKmh > 0
          ? Math.round(s.fix.speedKmh * (0.85 + 0.3 * (signed(seed, 'v', id, fixTime) / 2 + 0.5)))
          : 0,
      fix_time: fixTime,
      village_code: p.villageCode,
      town_code: p.townCode,
    };
  };

  const findIncident = (id: string, now: number): PlannedIncident | undefined => {
    const m = /^JZ(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(id);
    if (!m) return undefined;
    const t = beijingDate(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
    if (!Number.isFinite(t) || t > now || t < now - HISTORY_LIMIT_MS) return undefined;
    return model.incidentsCalledBetween(t, Math.min(now + 1, t + 10 * 60_000 + 1)).find((i) => i.id === id);
  };

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: `${PREFIX}/stations`,
      handler: ({ now }) =>
        ok(
          stations.map((s) => ({
            id: s.id,
            name: s.name,
            hospital_id: s.hospitalId,
            lon: s.lon,
            lat: s.lat,
            village_code: s.villageCode,
            town_code: s.townCode,
            ambulance_ids: fleet.filter((a) => a.stationId === s.id).map((a) => a.id),
          })),
          now,
        ),
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/ambulances`,
      handler: ({ now }) =>
        ok(
          fleet.map((a) => ambulanceRow(a.id, now)),
          now,
        ),
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/ambulances/:id/track`,
      handler: ({ params, query, now }) => {
        const id = params.id ?? '';
        if (!fleet.some((a) => a.id === id)) return err(404, 'NOT_FOUND', `ambulance ${id} not found`, now);
        const to = msParam(query, 'to') ?? now;
        const from = msParam(query, 'from') ?? Math.max(0, (to ?? now) - HOUR);
        if (from === null || to === null)
          return err(400, 'BAD_PARAM', 'from/to must be epoch milliseconds', now);
        if (from > to) return err(400, 'BAD_PARAM', 'from must not be after to', now);
        if (from < now - HISTORY_LIMIT_MS) return err(400, 'OUT_OF_RANGE', 'track kept for 30 days', now);
        if (to - from > 2 * HOUR) return err(400, 'OUT_OF_RANGE', 'at most 2 hours per request', now);
        const rows = [];
        const end = Math.min(to, now);
        for (
          let t = Math.ceil(from / GPS_FIX_PERIOD_MS) * GPS_FIX_PERIOD_MS;
          t <= end;
          t += GPS_FIX_PERIOD_MS
        ) {
          rows.push(ambulanceRow(id, t));
        }
        return ok(rows, now);
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/incidents`,
      handler: ({ query, now }) => {
        const since = msParam(query, 'since');
        const until = msParam(query, 'until');
        if (since === null || until === null)
          return err(400, 'BAD_PARAM', 'since/until must be epoch milliseconds', now);
        const from = since ?? now - 24 * HOUR;
        const to = Math.min(until ?? now, now);
        if (from < now - HISTORY_LIMIT_MS) return err(400, 'OUT_OF_RANGE', 'incidents kept for 30 days', now);
        // changed since `since`: called since, or any event since (missions last up to ~3 h)
        const rows = model
          .incidentsCalledBetween(Math.max(now - HISTORY_LIMIT_MS, from - 4 * HOUR), to + 1)
          .filter((inc) => inc.callTime <= to && (inc.callTime >= from || lastEventAt(inc, to) >= from))
          .map((inc) => incidentRow(inc, to));
        return ok(rows, now);
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/incidents/:id`,
      handler: ({ params, now }) => {
        const inc = findIncident(params.id ?? '', now);
        return inc
          ? ok([incidentRow(inc, now)], now)
          : err(404, 'NOT_FOUND', `incident ${params.id} not found`, now);
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/hospitals`,
      handler: ({ now }) => {
        const updateTime = Math.floor(now / 60_000) * 60_000;
        return ok(
          hospitals.map((h) => ({
            id: h.id,
            name: h.name,
            level: h.level,
            lon: h.lon,
            lat: h.lat,
            village_code: h.villageCode,
            town_code: h.townCode,
            capabilities: h.capabilities,
            receives_ambulances: h.receiving,
            live: hospitalLiveAt(seed, h, updateTime),
            update_time: updateTime,
          })),
          now,
        );
      },
    },
  ];

  return {
    id: 'emergency-120',
    prefix: PREFIX,
    routes,
    model,
    errorBody: (status, message, now) => ({
      result: 'ERROR',
      error_code: status >= 500 ? 'SERVER_ERROR' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST',
      message,
      rows: [],
      ts: now,
    }),
    raise(body, now) {
      let call: ReturnType<EmergencyModel['raise']>;
      if ('villageCode' in body) {
        const v = geo.village(body.villageCode);
        if (!v) return `unknown villageCode ${body.villageCode}`;
        // at the village's (approximate) position, booked to that village
        call = model.raise(now, [v.lon, v.lat], body.severity, body.injury_type, v);
      } else call = model.raise(now, [body.lon, body.lat], body.severity, body.injury_type);
      const planned = model.incidentsCalledBetween(now, now + 1).find((i) => i.id === call.id);
      if (!planned) return 'incident could not be planned';
      return incidentRow(planned, now);
    },
  };
}
