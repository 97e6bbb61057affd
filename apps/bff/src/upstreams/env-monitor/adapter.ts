import { z } from 'zod';
import type { UpstreamClient } from '../http-client';
import { beijingToIso, parseEnvelope, parseRecords } from '../records';

// ── upstream shapes (national-platform style: {"success":true,"result":[…]}, PascalCase, values as strings) ──
const Envelope = z.object({ success: z.literal(true), result: z.array(z.unknown()) });
const Num = z.string().transform((s, ctx) => {
  const n = Number(s);
  if (s.trim() === '' || !Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: `not a number: ${s}` });
  return n;
});
/** A measured value: '—' means missing; a flag other than '' (e.g. H = calibration) makes it invalid. */
const Reading = z.string();
const AirRecord = z.object({
  StationCode: z.string().min(1),
  PositionName: z.string(),
  Longitude: Num,
  Latitude: Num,
  VillageCode: z.string().regex(/^331023\d{6}$/),
  TownCode: z.string().regex(/^331023\d{3}$/),
  TimePoint: z.string(),
  PM2_5: Reading,
  PM2_5_Flag: z.string(),
  PM10: Reading,
  PM10_Flag: z.string(),
  SO2: Reading,
  SO2_Flag: z.string(),
  NO2: Reading,
  NO2_Flag: z.string(),
  CO: Reading,
  CO_Flag: z.string(),
  O3: Reading,
  O3_Flag: z.string(),
});

export type AirObservation = {
  stationCode: string;
  name: string;
  lon: number;
  lat: number;
  villageCode: string;
  townshipCode: string;
  /** End of the averaging hour, UTC. */
  at: string;
  /** μg/m³ except co (mg/m³); null when missing or flagged invalid. */
  pm25: number | null;
  pm10: number | null;
  so2: number | null;
  no2: number | null;
  co: number | null;
  o3_1h: number | null;
};

function reading(value: string, flag: string): number | null {
  if (flag !== '' || value === '—') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

export async function fetchAirRealtime(client: UpstreamClient): Promise<AirObservation[]> {
  const body = parseEnvelope(
    client,
    Envelope,
    await client.getJson('/env-monitor/air/realtime'),
    'air realtime',
  );
  return parseRecords(client, AirRecord, body.result, 'air station hour').flatMap((r) => {
    const at = beijingToIso(r.TimePoint);
    if (!at) {
      client.droppedRecords++;
      return [];
    }
    return [
      {
        stationCode: r.StationCode,
        name: r.PositionName,
        lon: r.Longitude,
        lat: r.Latitude,
        villageCode: r.VillageCode,
        townshipCode: r.TownCode,
        at,
        pm25: reading(r.PM2_5, r.PM2_5_Flag),
        pm10: reading(r.PM10, r.PM10_Flag),
        so2: reading(r.SO2, r.SO2_Flag),
        no2: reading(r.NO2, r.NO2_Flag),
        co: reading(r.CO, r.CO_Flag),
        o3_1h: reading(r.O3, r.O3_Flag),
      },
    ];
  });
}
