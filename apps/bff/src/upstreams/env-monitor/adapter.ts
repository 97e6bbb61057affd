import { z } from 'zod';
import type { UpstreamClient } from '../http-client';
import { beijingToIso, isoToBeijing, parseEnvelope, parseRecords } from '../records';

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
  return airRows(client, await client.getJson('/env-monitor/air/realtime'), 'air realtime');
}

function airRows(client: UpstreamClient, raw: unknown, what: string): AirObservation[] {
  const body = parseEnvelope(client, Envelope, raw, what);
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

// ── history, stations, wind, water, noise ──

/** An inclusive range of time points (UTC ms), sent to the upstream as Beijing "yyyy-MM-dd HH:mm:ss". */
export type TimeRange = { startMs: number; endMs: number };

function rangeQuery(range: TimeRange | undefined, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams(extra);
  if (range) {
    q.set('start', isoToBeijing(range.startMs));
    q.set('end', isoToBeijing(range.endMs));
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** Hourly air observations of every station (or one) over a range; the latest hour without a range. */
export async function fetchAirHourly(
  client: UpstreamClient,
  range?: TimeRange,
  stationCode?: string,
): Promise<AirObservation[]> {
  const q = rangeQuery(range, stationCode ? { stationCode } : {});
  return airRows(client, await client.getJson(`/env-monitor/air/hourly${q}`), 'air hourly');
}

const Site = {
  Longitude: Num,
  Latitude: Num,
  VillageCode: z.string().regex(/^331023\d{6}$/),
  TownCode: z.string().regex(/^331023\d{3}$/),
};

export type EnvSite = {
  code: string;
  name: string;
  lon: number;
  lat: number;
  villageCode: string;
  townshipCode: string;
};
export type AirStation = EnvSite & { kind: string };
export type WaterStation = EnvSite & {
  river: string;
  waterbody: 'river' | 'lake';
  /** Target class label, e.g. III. */
  targetClass: 'I' | 'II' | 'III' | 'IV' | 'V';
};
export type NoiseZoneCode = '0' | '1' | '2' | '3' | '4a' | '4b';
export type NoisePoint = EnvSite & { zone: NoiseZoneCode };

const AirStationRecord = z.object({
  StationCode: z.string().min(1),
  PositionName: z.string(),
  StationType: z.string(),
  ...Site,
});

const site = (code: string, name: string, r: z.infer<z.ZodObject<typeof Site>>): EnvSite => ({
  code,
  name,
  lon: r.Longitude,
  lat: r.Latitude,
  villageCode: r.VillageCode,
  townshipCode: r.TownCode,
});

export async function fetchAirStations(client: UpstreamClient): Promise<AirStation[]> {
  const body = parseEnvelope(
    client,
    Envelope,
    await client.getJson('/env-monitor/air/stations'),
    'air stations',
  );
  return parseRecords(client, AirStationRecord, body.result, 'air station').map((r) => ({
    ...site(r.StationCode, r.PositionName, r),
    kind: r.StationType,
  }));
}

const WindRecord = z.object({
  StationCode: z.string().min(1),
  TimePoint: z.string(),
  WindDirection: Num,
  WindSpeed: Num,
});
export type WindObservation = {
  stationCode: string;
  /** End of the averaging hour, UTC. */
  at: string;
  /** Degrees clockwise from north the wind blows FROM. */
  fromDeg: number;
  speedMs: number;
};

export async function fetchWindHourly(client: UpstreamClient, range?: TimeRange): Promise<WindObservation[]> {
  const body = parseEnvelope(
    client,
    Envelope,
    await client.getJson(`/env-monitor/wind/hourly${rangeQuery(range)}`),
    'wind hourly',
  );
  return parseRecords(client, WindRecord, body.result, 'wind hour').flatMap((r) => {
    const at = beijingToIso(r.TimePoint);
    if (!at) {
      client.droppedRecords++;
      return [];
    }
    return [{ stationCode: r.StationCode, at, fromDeg: r.WindDirection, speedMs: r.WindSpeed }];
  });
}

const ClassLabel = z.enum(['I', 'II', 'III', 'IV', 'V']);
const WaterBody = z.enum(['river', 'reservoir', 'lake']).transform((w) => (w === 'river' ? 'river' : 'lake'));
const WaterStationRecord = z.object({
  SectionCode: z.string().min(1),
  SectionName: z.string(),
  RiverName: z.string(),
  WaterBody,
  TargetClass: ClassLabel,
  ...Site,
});

export async function fetchWaterStations(client: UpstreamClient): Promise<WaterStation[]> {
  const body = parseEnvelope(
    client,
    Envelope,
    await client.getJson('/env-monitor/water/stations'),
    'water stations',
  );
  return parseRecords(client, WaterStationRecord, body.result, 'water section').map((r) => ({
    ...site(r.SectionCode, r.SectionName, r),
    river: r.RiverName,
    waterbody: r.WaterBody,
    targetClass: r.TargetClass,
  }));
}

const WaterRecord = z.object({
  SectionCode: z.string().min(1),
  TimePoint: z.string(),
  pH: Reading,
  DO: Reading,
  CODMn: Reading,
  NH3N: Reading,
  TP: Reading,
  TN: Reading,
  /** Lakes and reservoirs: chlorophyll a (mg/m³) and transparency (m); absent or '—' elsewhere. */
  Chla: Reading.optional(),
  SD: Reading.optional(),
});
export type WaterObservation = {
  sectionCode: string;
  /** End of the 4-hour period, UTC. */
  at: string;
  /** mg/L (ph unitless); null when missing. The upstream's own class is ignored: the BFF classifies. */
  ph: number | null;
  do: number | null;
  codMn: number | null;
  nh3n: number | null;
  tp: number | null;
  tn: number | null;
  /** Chlorophyll a, mg/m³ (lakes and reservoirs); null when not measured. */
  chla: number | null;
  /** Transparency, m (lakes and reservoirs); null when not measured. */
  sd: number | null;
};

export async function fetchWaterData(client: UpstreamClient, range?: TimeRange): Promise<WaterObservation[]> {
  const body = parseEnvelope(
    client,
    Envelope,
    await client.getJson(`/env-monitor/water/data${rangeQuery(range)}`),
    'water data',
  );
  return parseRecords(client, WaterRecord, body.result, 'water sample').flatMap((r) => {
    const at = beijingToIso(r.TimePoint);
    if (!at) {
      client.droppedRecords++;
      return [];
    }
    return [
      {
        sectionCode: r.SectionCode,
        at,
        ph: reading(r.pH, ''),
        do: reading(r.DO, ''),
        codMn: reading(r.CODMn, ''),
        nh3n: reading(r.NH3N, ''),
        tp: reading(r.TP, ''),
        tn: reading(r.TN, ''),
        chla: r.Chla === undefined ? null : reading(r.Chla, ''),
        sd: r.SD === undefined ? null : reading(r.SD, ''),
      },
    ];
  });
}

const Zone = z.enum(['0', '1', '2', '3', '4a', '4b']);
const NoisePointRecord = z.object({
  PointCode: z.string().min(1),
  PointName: z.string(),
  FunctionalZone: Zone,
  ...Site,
});

export async function fetchNoisePoints(client: UpstreamClient): Promise<NoisePoint[]> {
  const body = parseEnvelope(
    client,
    Envelope,
    await client.getJson('/env-monitor/noise/points'),
    'noise points',
  );
  return parseRecords(client, NoisePointRecord, body.result, 'noise point').map((r) => ({
    ...site(r.PointCode, r.PointName, r),
    zone: r.FunctionalZone,
  }));
}

const NoiseRecord = z.object({
  PointCode: z.string().min(1),
  TimePoint: z.string(),
  Leq: Num,
  Lmax: Reading,
});
export type NoiseObservation = {
  pointCode: string;
  /** End of the hour, UTC. */
  at: string;
  /** Hourly Leq, dB(A). The upstream's Limit/Exceed are ignored: the BFF assesses against GB 3096. */
  leq: number;
  lmax: number | null;
};

export async function fetchNoiseHourly(
  client: UpstreamClient,
  range?: TimeRange,
): Promise<NoiseObservation[]> {
  const body = parseEnvelope(
    client,
    Envelope,
    await client.getJson(`/env-monitor/noise/hourly${rangeQuery(range)}`),
    'noise hourly',
  );
  return parseRecords(client, NoiseRecord, body.result, 'noise hour').flatMap((r) => {
    const at = beijingToIso(r.TimePoint);
    if (!at) {
      client.droppedRecords++;
      return [];
    }
    return [{ pointCode: r.PointCode, at, leq: r.Leq, lmax: reading(r.Lmax, '') }];
  });
}
