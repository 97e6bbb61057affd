import { toPublicPatient } from '@cockpit/domain/trauma';
import { z } from 'zod';
import type { UpstreamClient } from '../http-client';
import { parseEnvelope, parseRecords } from '../records';

// ── upstream shapes (120 dispatch: {"result":"OK","rows":[…],"ts"}, snake_case, epoch ms) ─────────────
const Envelope = z.object({ result: z.literal('OK'), rows: z.array(z.unknown()), ts: z.number() });
const Ms = z.number().int().positive();
const IncidentRecord = z.object({
  id: z.string().min(1),
  call_time: Ms,
  dispatch_time: Ms.nullable(),
  arrive_scene_time: Ms.nullable(),
  depart_scene_time: Ms.nullable(),
  arrive_hospital_time: Ms.nullable(),
  lon: z.number(),
  lat: z.number(),
  village_code: z.string().regex(/^331023\d{6}$/),
  town_code: z.string().regex(/^331023\d{3}$/),
  severity: z.enum(['minor', 'moderate', 'severe', 'critical']),
  injury_type: z.enum(['traffic', 'fall', 'burn', 'cardiac', 'stroke', 'other']),
  patient_age: z.number().int().min(0).max(130).nullable().optional(),
  patient_sex: z.enum(['M', 'F']).nullable().optional(),
  ambulance_id: z.string().nullable(),
  hospital_id: z.string().nullable(),
  status: z.enum(['pending', 'dispatched', 'on_scene', 'transporting', 'completed', 'treated_on_scene']),
});

/**
 * An incident as the BFF keeps it. Patient identity (name, phone, ID number) is dropped right here, at the
 * boundary: it is never stored, logged or sent on. Only the age band and sex remain.
 */
export type Incident = {
  incidentId: string;
  calledAt: number;
  dispatchedAt: number | null;
  arrivedSceneAt: number | null;
  departedSceneAt: number | null;
  arrivedHospitalAt: number | null;
  lon: number;
  lat: number;
  villageCode: string;
  townshipCode: string;
  severity: 'minor' | 'moderate' | 'severe' | 'critical';
  injuryType: 'traffic' | 'fall' | 'burn' | 'cardiac' | 'stroke' | 'other';
  ageBand: '0-14' | '15-44' | '45-64' | '65+' | null;
  sex: 'M' | 'F' | null;
  ambulanceId: string | null;
  hospitalId: string | null;
  status: 'pending' | 'dispatched' | 'on_scene' | 'transporting' | 'completed' | 'treated_on_scene';
};

/** Age band and sex only, through the domain's one definition of what may reach the web. */
function publicPatient(age: number | null | undefined, sex: 'M' | 'F' | null | undefined) {
  const p = toPublicPatient({ age: age ?? null, sex: sex ?? null });
  return { ageBand: p.ageBand === 'unknown' ? null : p.ageBand, sex: p.sex === 'unknown' ? null : p.sex };
}

/** Incidents changed in the last 24 hours (as the dispatch system knows them now). */
/**
 * The incidents of the last 24 hours (and those still under way), as the dispatch system has them now; with
 * a range, those called in [sinceMs, untilMs] (or still under way then) as they stood at untilMs (the
 * system keeps 30 days).
 */
export async function fetchIncidents(
  client: UpstreamClient,
  range?: { sinceMs: number; untilMs: number },
): Promise<{ asOf: number; items: Incident[] }> {
  const path = range
    ? `/emergency-120/incidents?since=${Math.round(range.sinceMs)}&until=${Math.round(range.untilMs)}`
    : '/emergency-120/incidents';
  const body = parseEnvelope(client, Envelope, await client.getJson(path), 'incidents');
  const items = parseRecords(client, IncidentRecord, body.rows, 'incident').map(
    (r): Incident => ({
      incidentId: r.id,
      calledAt: r.call_time,
      dispatchedAt: r.dispatch_time,
      arrivedSceneAt: r.arrive_scene_time,
      departedSceneAt: r.depart_scene_time,
      arrivedHospitalAt: r.arrive_hospital_time,
      lon: r.lon,
      lat: r.lat,
      villageCode: r.village_code,
      townshipCode: r.town_code,
      severity: r.severity,
      injuryType: r.injury_type,
      ...publicPatient(r.patient_age, r.patient_sex),
      ambulanceId: r.ambulance_id,
      hospitalId: r.hospital_id,
      status: r.status,
    }),
  );
  return { asOf: body.ts, items };
}

// ── ambulances, hospitals, stations ──────────────────────────────────────────────────────────────────
const AmbulanceRecord = z.object({
  id: z.string().min(1),
  plate: z.string(),
  station_id: z.string(),
  status: z.enum(['idle', 'dispatched', 'on_scene', 'transporting', 'at_hospital']),
  incident_id: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
  heading_deg: z.number(),
  speed_kmh: z.number().min(0),
  fix_time: Ms,
  village_code: z.string().regex(/^331023\d{6}$/),
});

/** An ambulance's latest GPS fix and mission status. */
export type Ambulance = {
  ambulanceId: string;
  plate: string;
  stationId: string;
  status: 'idle' | 'dispatched' | 'on_scene' | 'transporting' | 'at_hospital';
  incidentId: string | null;
  lon: number;
  lat: number;
  headingDeg: number;
  speedKmh: number;
  fixAt: number;
  villageCode: string;
};

export async function fetchAmbulances(client: UpstreamClient): Promise<{ asOf: number; items: Ambulance[] }> {
  const body = parseEnvelope(
    client,
    Envelope,
    await client.getJson('/emergency-120/ambulances'),
    'ambulances',
  );
  const items = parseRecords(client, AmbulanceRecord, body.rows, 'ambulance').map(
    (r): Ambulance => ({
      ambulanceId: r.id,
      plate: r.plate,
      stationId: r.station_id,
      status: r.status,
      incidentId: r.incident_id,
      lon: r.lon,
      lat: r.lat,
      headingDeg: r.heading_deg,
      speedKmh: r.speed_kmh,
      fixAt: r.fix_time,
      villageCode: r.village_code,
    }),
  );
  return { asOf: body.ts, items };
}

const HospitalRecord = z.object({
  id: z.string().min(1),
  name: z.string(),
  lon: z.number(),
  lat: z.number(),
  village_code: z.string().regex(/^331023\d{6}$/),
  capabilities: z.object({
    trauma_center: z.boolean(),
    ct: z.boolean(),
    cath_lab: z.boolean(),
    burn_unit: z.boolean(),
    pediatrics: z.boolean(),
    surgery: z.boolean().optional(),
  }),
  /** 医院等级, e.g. 三级乙等, 二级甲等, 一级甲等, 一级. */
  level: z.string().optional(),
  receives_ambulances: z.boolean(),
  live: z.object({
    ed_load: z.number().min(0),
    ct_available: z.boolean(),
    trauma_team_ready: z.boolean(),
    door_to_ct_min: z.number().nullable().optional(),
  }),
  update_time: Ms,
});

/** A hospital's capabilities and live readiness as 120 dispatch reports them. */
export type EmergencyHospital = {
  hospitalId: string;
  name: string;
  lon: number;
  lat: number;
  villageCode: string;
  capabilities: {
    traumaCenter: boolean;
    ct: boolean;
    cathLab: boolean;
    burnUnit: boolean;
    pediatrics: boolean;
    /** Emergency surgery; when the system does not say, grade ≥ 2 (二级 or above). */
    surgery: boolean;
    /** Hospital grade from its level (一级 1, 二级 2, 三级 3); undefined when not reported. */
    grade?: 1 | 2 | 3;
  };
  receivesAmbulances: boolean;
  edLoad: number;
  ctAvailable: boolean;
  traumaTeamReady: boolean;
  doorToCtMinutes: number | null;
  updatedAt: number;
};

const GRADES: Record<string, 1 | 2 | 3> = { 一: 1, 二: 2, 三: 3 };

/** Grade from the level text (一级…, 二级…, 三级…) and surgery (stated, else grade ≥ 2, else a trauma centre). */
function gradeAndSurgery(
  level: string | undefined,
  surgery: boolean | undefined,
  traumaCenter: boolean,
): { surgery: boolean; grade?: 1 | 2 | 3 } {
  const grade = level && /^[一二三]级/.test(level) ? GRADES[level[0]!] : undefined;
  return {
    surgery: surgery ?? (grade !== undefined ? grade >= 2 : traumaCenter),
    ...(grade !== undefined ? { grade } : {}),
  };
}

export async function fetchEmergencyHospitals(
  client: UpstreamClient,
): Promise<{ asOf: number; items: EmergencyHospital[] }> {
  const body = parseEnvelope(client, Envelope, await client.getJson('/emergency-120/hospitals'), 'hospitals');
  const items = parseRecords(client, HospitalRecord, body.rows, 'hospital').map(
    (r): EmergencyHospital => ({
      hospitalId: r.id,
      name: r.name,
      lon: r.lon,
      lat: r.lat,
      villageCode: r.village_code,
      capabilities: {
        traumaCenter: r.capabilities.trauma_center,
        ct: r.capabilities.ct,
        cathLab: r.capabilities.cath_lab,
        burnUnit: r.capabilities.burn_unit,
        pediatrics: r.capabilities.pediatrics,
        ...gradeAndSurgery(r.level, r.capabilities.surgery, r.capabilities.trauma_center),
      },
      receivesAmbulances: r.receives_ambulances,
      edLoad: r.live.ed_load,
      ctAvailable: r.live.ct_available,
      traumaTeamReady: r.live.trauma_team_ready,
      doorToCtMinutes: r.live.door_to_ct_min ?? null,
      updatedAt: r.update_time,
    }),
  );
  return { asOf: body.ts, items };
}

const StationRecord = z.object({
  id: z.string().min(1),
  name: z.string(),
  lon: z.number(),
  lat: z.number(),
  village_code: z.string().regex(/^331023\d{6}$/),
  ambulance_ids: z.array(z.string()),
});

export type Station = {
  stationId: string;
  name: string;
  lon: number;
  lat: number;
  villageCode: string;
  ambulanceIds: string[];
};

export async function fetchStations(client: UpstreamClient): Promise<{ asOf: number; items: Station[] }> {
  const body = parseEnvelope(client, Envelope, await client.getJson('/emergency-120/stations'), 'stations');
  const items = parseRecords(client, StationRecord, body.rows, 'station').map(
    (r): Station => ({
      stationId: r.id,
      name: r.name,
      lon: r.lon,
      lat: r.lat,
      villageCode: r.village_code,
      ambulanceIds: r.ambulance_ids,
    }),
  );
  return { asOf: body.ts, items };
}
