import { startSimulator } from '@cockpit/mock-data/upstreams/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamClient } from '../http-client';
import { fetchAmbulances, fetchEmergencyHospitals, fetchIncidents, fetchStations } from './adapter';

let sim: Awaited<ReturnType<typeof startSimulator>>;
let client: UpstreamClient;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 20211, speed: 0, startAt: new Date('2026-10-03T04:00:00Z') });
  client = new UpstreamClient({ system: 'emergency-120', baseUrl: sim.url, retries: 0 });
});
afterAll(async () => {
  await sim?.close();
});

describe('120 dispatch adapter against the simulator', () => {
  it('maps ambulances, hospitals and stations to internal shapes', async () => {
    const ambulances = await fetchAmbulances(client);
    expect(ambulances.items).toHaveLength(15);
    const a = ambulances.items[0]!;
    expect(a.ambulanceId).toMatch(/^A\d+$/);
    expect(Number.isFinite(a.fixAt)).toBe(true);
    expect(ambulances.asOf).toBe(sim.clock.nowMs());

    const hospitals = await fetchEmergencyHospitals(client);
    const h01 = hospitals.items.find((h) => h.hospitalId === 'H01')!;
    expect(h01.capabilities.traumaCenter).toBe(true);
    expect(h01.doorToCtMinutes).not.toBeNull();
    const noCt = hospitals.items.find((h) => !h.capabilities.ct)!;
    expect(noCt.doorToCtMinutes).toBeNull();

    const stations = await fetchStations(client);
    expect(stations.items).toHaveLength(8);
    expect(stations.items.flatMap((s) => s.ambulanceIds)).toHaveLength(15);
  });

  it('keeps fetchIncidents working and drops patient identity at the boundary', async () => {
    const res = await fetch(`${sim.url}/admin/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ villageCode: '331023105200', severity: 'severe', injury_type: 'traffic' }),
    });
    expect(res.status).toBe(201);
    const raw = (await res.json()) as { incident: Record<string, unknown> };
    const { items } = await fetchIncidents(client);
    const mine = items.find((i) => i.incidentId === raw.incident.id)!;
    expect(mine.severity).toBe('severe');
    expect(mine.status).toBe('pending');
    const text = JSON.stringify(items);
    for (const key of ['patient_name', 'patient_phone', 'patient_id_no'] as const) {
      expect(typeof raw.incident[key]).toBe('string');
      expect(text).not.toContain(String(raw.incident[key]));
    }
    expect(Object.keys(mine)).not.toContain('patientName');
  });
});
