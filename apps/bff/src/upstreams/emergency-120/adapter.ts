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

export function ageBandOf(age: number | null | undefined): Incident['ageBand'] {
  if (age === null || age === undefined) return null;
  if (age <= 14) return '0-14';
  if (age <= 44) return '15-44';
  if (age <= 64) return '45-64';
  return '65+';
}

/** Incidents changed in the last 24 hours (as the dispatch system knows them now). */
export async function fetchIncidents(client: UpstreamClient): Promise<{ asOf: number; items: Incident[] }> {
  const body = parseEnvelope(client, Envelope, await client.getJson('/emergency-120/incidents'), 'incidents');
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
      ageBand: ageBandOf(r.patient_age),
      sex: r.patient_sex ?? null,
      ambulanceId: r.ambulance_id,
      hospitalId: r.hospital_id,
      status: r.status,
    }),
  );
  return { asOf: body.ts, items };
}
