import { z } from 'zod';
import type { UpstreamClient } from '../http-client';
import { parseEnvelope, parseRecords } from '../records';

// ── upstream shapes (县域综合服务: {"status":200,"payload":{…}}, numbers as {"value","unit"}) ──────────
const Measure = z.object({ value: z.number().finite(), unit: z.string() });
const Envelope = z.object({ status: z.literal(200), payload: z.record(z.string(), z.unknown()) });
const Code9 = z.string().regex(/^331023\d{3}$/);
const Code12 = z.string().regex(/^331023\d{6}$/);

const SpotRecord = z.object({
  spotId: z.string(),
  spotName: z.string(),
  longitude: z.number(),
  latitude: z.number(),
  villageCode: Code12,
  townCode: Code9,
  currentFlow: Measure,
  capacity: Measure,
  visitorsToday: Measure,
});
const TownCasesRecord = z.object({
  townCode: Code9,
  reported: Measure,
  closed: Measure,
  handlingMinutesClosed: Measure.optional(),
});
const HospitalRecord = z.object({
  hospitalId: z.string(),
  name: z.string(),
  villageCode: Code12,
  townCode: Code9,
  outpatientVisitsToday: Measure,
  edLoad: Measure.optional(),
});
const TownCongestionRecord = z.object({ townCode: Code9, value: z.number().min(0).max(10) });

// ── what the BFF uses ─────────────────────────────────────────────────────────────────────────────────
export type Located = { villageCode: string; townshipCode: string };
export type ScenicSpot = Located & {
  spotId: string;
  name: string;
  lon: number;
  lat: number;
  currentFlow: number;
  capacity: number;
  visitorsToday: number;
};
export type TownshipCases = {
  townshipCode: string;
  reported: number;
  closed: number;
  /** Report → closure, summed over the cases closed today (minutes); null when the system does not say. */
  handlingMinutesClosed: number | null;
};
export type HospitalActivity = Located & {
  hospitalId: string;
  name: string;
  outpatientVisitsToday: number;
  edLoad: number | null;
};
export type TownshipCongestion = { townshipCode: string; index: number };
export type Timed<T> = { asOf: string; items: T[] };

const asOfOf = (payload: Record<string, unknown>) =>
  typeof payload.asOf === 'string' && !Number.isNaN(Date.parse(payload.asOf))
    ? new Date(payload.asOf).toISOString()
    : new Date().toISOString();
const list = (payload: Record<string, unknown>, key: string) =>
  Array.isArray(payload[key]) ? (payload[key] as unknown[]) : [];

async function payloadOf(client: UpstreamClient, path: string) {
  return parseEnvelope(client, Envelope, await client.getJson(path), path).payload;
}

export async function fetchScenicSpots(client: UpstreamClient): Promise<Timed<ScenicSpot>> {
  const payload = await payloadOf(client, '/county-services/tourism/realtime');
  const items = parseRecords(client, SpotRecord, list(payload, 'spots'), 'scenic spot').map((r) => ({
    spotId: r.spotId,
    name: r.spotName,
    lon: r.longitude,
    lat: r.latitude,
    villageCode: r.villageCode,
    townshipCode: r.townCode,
    currentFlow: r.currentFlow.value,
    capacity: r.capacity.value,
    visitorsToday: r.visitorsToday.value,
  }));
  return { asOf: asOfOf(payload), items };
}

export async function fetchTownshipCases(client: UpstreamClient): Promise<Timed<TownshipCases>> {
  const payload = await payloadOf(client, '/county-services/urban-management/cases');
  const items = parseRecords(client, TownCasesRecord, list(payload, 'townships'), 'township cases').map(
    (r) => ({
      townshipCode: r.townCode,
      reported: r.reported.value,
      closed: r.closed.value,
      handlingMinutesClosed: r.handlingMinutesClosed?.value ?? null,
    }),
  );
  return { asOf: asOfOf(payload), items };
}

export async function fetchHospitalActivity(client: UpstreamClient): Promise<Timed<HospitalActivity>> {
  const payload = await payloadOf(client, '/county-services/health/realtime');
  const items = parseRecords(client, HospitalRecord, list(payload, 'hospitals'), 'hospital activity').map(
    (r) => ({
      hospitalId: r.hospitalId,
      name: r.name,
      villageCode: r.villageCode,
      townshipCode: r.townCode,
      outpatientVisitsToday: r.outpatientVisitsToday.value,
      edLoad: r.edLoad?.value ?? null,
    }),
  );
  return { asOf: asOfOf(payload), items };
}

export async function fetchCongestion(client: UpstreamClient): Promise<Timed<TownshipCongestion>> {
  const payload = await payloadOf(client, '/county-services/traffic/congestion');
  const items = parseRecords(
    client,
    TownCongestionRecord,
    list(payload, 'townships'),
    'township congestion',
  ).map((r) => ({ townshipCode: r.townCode, index: r.value }));
  return { asOf: asOfOf(payload), items };
}

const HistoryPoint = z.object({ at: z.string(), value: z.number().finite().nullable() });

/** Hourly history of one county-services indicator for one region (county, township or spot). */
export async function fetchHistory(
  client: UpstreamClient,
  indicatorId: string,
  region: string,
  /** ISO instants; without them the system's default (the last 24 h). It keeps 30 days. */
  range?: { from: string; to: string },
): Promise<{ at: string; value: number | null }[]> {
  const span = range ? `&from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}` : '';
  const path = `/county-services/indicators/${encodeURIComponent(indicatorId)}/history?region=${region}${span}`;
  const payload = await payloadOf(client, path);
  return parseRecords(client, HistoryPoint, list(payload, 'points'), 'history point').flatMap((p) =>
    Number.isNaN(Date.parse(p.at)) ? [] : [{ at: new Date(p.at).toISOString(), value: p.value }],
  );
}
