import { maskPlate } from '@cockpit/domain/parking';
import { z } from 'zod';
import { personalVault } from '../../auth/vault';
import { type UpstreamClient, UpstreamError } from '../http-client';
import { beijingToIso, isoToBeijing, parseEnvelope, parseRecords } from '../records';

// ── upstream shapes (vendor style: {"code":0,"msg","data":{total,pageNo,pageSize,list}}, Beijing times) ──
const Page = z.object({
  code: z.number(),
  msg: z.string().optional(),
  data: z
    .object({ total: z.number().int().nonnegative(), list: z.array(z.unknown()) })
    .nullable()
    .optional(),
});
const BeijingTime = z.string().transform((text, ctx) => {
  const iso = beijingToIso(text);
  if (!iso) ctx.addIssue({ code: 'custom', message: `not a yyyy-MM-dd HH:mm:ss time: ${text}` });
  return iso ?? '';
});

const LotRecord = z
  .object({
    parkId: z.string().min(1),
    parkName: z.string().min(1),
    parkType: z.union([z.literal(1), z.literal(2)]),
    category: z.enum(['scenic', 'hospital', 'core', 'general']),
    berthTotal: z.number().int().nonnegative(),
    berthFree: z.number().int().nonnegative(),
    berthOccupied: z.number().int().nonnegative(),
    longitude: z.number().min(120).max(122),
    latitude: z.number().min(28).max(30),
    villageCode: z.string().regex(/^331023\d{6}$/),
    townCode: z.string().regex(/^331023\d{3}$/),
    price: z.number().nonnegative().optional(),
    updateTime: BeijingTime,
  })
  .refine((r) => r.berthFree + r.berthOccupied === r.berthTotal, { message: 'free + occupied ≠ total' });

export type ParkingLotState = {
  lotId: string;
  name: string;
  kind: 'off-street' | 'on-street';
  category: 'scenic' | 'hospital' | 'core' | 'general';
  lon: number;
  lat: number;
  villageCode: string;
  townshipCode: string;
  berthTotal: number;
  berthFree: number;
  berthOccupied: number;
  pricePerHour: number | null;
  updatedAt: string;
};

const PAGE_SIZE = 200;
const MAX_PAGES = 20;

/** All lots, page by page (the platform pages every list). */
export async function fetchLots(client: UpstreamClient): Promise<ParkingLotState[]> {
  const rows: unknown[] = [];
  for (let pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
    const body = parseEnvelope(
      client,
      Page,
      await client.getJson(`/parking-platform/api/v2/parks?pageNo=${pageNo}&pageSize=${PAGE_SIZE}`),
      'parks page',
    );
    if (body.code !== 0 || !body.data) {
      throw new UpstreamError(
        client.system,
        'malformed',
        `platform answered code ${body.code}: ${body.msg ?? ''}`,
      );
    }
    rows.push(...body.data.list);
    if (rows.length >= body.data.total || body.data.list.length === 0) break;
  }
  return parseRecords(client, LotRecord, rows, 'parking lot').map((r) => ({
    lotId: r.parkId,
    name: r.parkName,
    kind: r.parkType === 1 ? 'off-street' : 'on-street',
    category: r.category,
    lon: r.longitude,
    lat: r.latitude,
    villageCode: r.villageCode,
    townshipCode: r.townCode,
    berthTotal: r.berthTotal,
    berthFree: r.berthFree,
    berthOccupied: r.berthOccupied,
    pricePerHour: r.price ?? null,
    updatedAt: r.updateTime,
  }));
}

/** One page of a paged list, validated as an envelope; a non-zero code is an upstream error. */
async function fetchPage(client: UpstreamClient, path: string, what: string) {
  const body = parseEnvelope(client, Page, await client.getJson(path), what);
  if (body.code !== 0 || !body.data) {
    throw new UpstreamError(
      client.system,
      'malformed',
      `platform answered code ${body.code}: ${body.msg ?? ''}`,
    );
  }
  return body.data;
}

async function fetchAllPages(client: UpstreamClient, path: (pageNo: number) => string, what: string) {
  const rows: unknown[] = [];
  for (let pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
    const data = await fetchPage(client, path(pageNo), what);
    rows.push(...data.list);
    if (rows.length >= data.total || data.list.length === 0) break;
  }
  return rows;
}

// ── history ──────────────────────────────────────────────────────────────────────────────────────────
const HistoryEnvelope = z.object({
  code: z.number(),
  msg: z.string().optional(),
  data: z
    .object({ parkId: z.string(), berthTotal: z.number().int().nonnegative(), list: z.array(z.unknown()) })
    .nullable()
    .optional(),
});
const HistoryRecord = z.object({
  time: BeijingTime,
  berthOccupied: z.number().int().nonnegative(),
  berthFree: z.number().int().nonnegative(),
});

/** One sample of a lot's occupancy history (the platform's values are the true occupancy). */
export type LotHistorySample = { at: number; occupied: number; free: number };

export type LotHistory = { lotId: string; berthTotal: number; samples: LotHistorySample[] };

async function fetchHistoryRange(client: UpstreamClient, lotId: string, query: string): Promise<LotHistory> {
  const body = parseEnvelope(
    client,
    HistoryEnvelope,
    await client.getJson(`/parking-platform/api/v2/parks/${encodeURIComponent(lotId)}/history?${query}`),
    'park history',
  );
  if (body.code !== 0 || !body.data) {
    throw new UpstreamError(
      client.system,
      'malformed',
      `platform answered code ${body.code}: ${body.msg ?? ''}`,
    );
  }
  const rows = parseRecords(client, HistoryRecord, body.data.list, 'history sample');
  return {
    lotId,
    berthTotal: body.data.berthTotal,
    samples: rows.map((r) => ({ at: Date.parse(r.time), occupied: r.berthOccupied, free: r.berthFree })),
  };
}

const DAY_MS = 86_400_000;
/** The platform serves 30 days; ask for a little less so the start is never refused at the edge. */
export const HISTORY_DAYS = 28;

/**
 * A lot's occupancy history at 15-min intervals over the last `days` (≤ 28) days, oldest first. The
 * platform's default answer (the last 24 h, ending at its own "now") gives the anchor; the older part is a
 * second request ending where that one starts.
 */
export async function fetchLotHistory(
  client: UpstreamClient,
  lotId: string,
  days: number = HISTORY_DAYS,
): Promise<LotHistory> {
  const recent = await fetchHistoryRange(client, lotId, 'interval=15');
  const first = recent.samples[0];
  if (!first || days <= 1) return recent;
  const from = first.at - (Math.min(days, HISTORY_DAYS) - 1) * DAY_MS;
  const older = await fetchHistoryRange(
    client,
    lotId,
    `interval=15&startTime=${encodeURIComponent(isoToBeijing(from))}&endTime=${encodeURIComponent(isoToBeijing(first.at - 1000))}`,
  );
  return { ...recent, samples: [...older.samples.filter((s) => s.at < first.at), ...recent.samples] };
}

// ── guide screens ────────────────────────────────────────────────────────────────────────────────────
const ScreenRecord = z.object({
  screenId: z.string().min(1),
  screenName: z.string().min(1),
  longitude: z.number().min(120).max(122),
  latitude: z.number().min(28).max(30),
  villageCode: z.string().regex(/^331023\d{6}$/),
  townCode: z.string().regex(/^331023\d{3}$/),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  targets: z.array(
    z.object({
      parkId: z.string().min(1),
      direction: z.enum(['左', '右', '直行']),
      displayFree: z.number().int().nullable(),
    }),
  ),
  online: z.union([z.literal(0), z.literal(1)]),
  lastHeartbeat: BeijingTime.nullable(),
});

export type GuideScreenState = {
  screenId: string;
  name: string;
  lon: number;
  lat: number;
  villageCode: string;
  townshipCode: string;
  /** 1 = main road, 2 = 1–5 intersections from a lot, 3 = at a lot's entrance. */
  tier: 1 | 2 | 3;
  targets: { lotId: string; direction: '左' | '右' | '直行'; displayFree: number | null }[];
  online: boolean;
  lastHeartbeatAt: string | null;
};

/** All guide screens (诱导屏) with what they currently display. */
export async function fetchGuideScreens(client: UpstreamClient): Promise<GuideScreenState[]> {
  const rows = await fetchAllPages(
    client,
    (pageNo) => `/parking-platform/api/v2/guide-screens?pageNo=${pageNo}&pageSize=${PAGE_SIZE}`,
    'guide screens page',
  );
  return parseRecords(client, ScreenRecord, rows, 'guide screen').map((r) => ({
    screenId: r.screenId,
    name: r.screenName,
    lon: r.longitude,
    lat: r.latitude,
    villageCode: r.villageCode,
    townshipCode: r.townCode,
    tier: r.level,
    targets: r.targets.map((t) => ({ lotId: t.parkId, direction: t.direction, displayFree: t.displayFree })),
    online: r.online === 1,
    lastHeartbeatAt: r.lastHeartbeat || null,
  }));
}

// ── entry / exit records ─────────────────────────────────────────────────────────────────────────────
const RecordRow = z.object({
  recordId: z.string().min(1),
  parkId: z.string().min(1),
  plateNo: z.string().nullable(),
  inTime: BeijingTime,
  outTime: BeijingTime.nullable(),
  villageCode: z.string().regex(/^331023\d{6}$/),
});

/** An entry/exit record. The plate is masked here, at the adapter boundary: no role may see it yet. */
export type ParkingRecordRow = {
  recordId: string;
  lotId: string;
  /** Masked for display, e.g. 浙J·***12 (never the full plate). */
  plateMasked: string;
  /** Opaque id of the full plate in the BFF's personal-data vault (auth/vault.ts); none without a plate. */
  revealRef?: string | undefined;
  inAt: string;
  /** null while the vehicle is still inside. */
  outAt: string | null;
  villageCode: string;
};

export type RecordWindow = { fromMs: number; toMs: number; records: ParkingRecordRow[]; truncated: boolean };

const RECORD_PAGES = 40;

/**
 * Entry/exit records with `inTime` in the last `minutes` before the platform's now (all lots, or one lot).
 * Plates are masked before anything leaves this function (`maskPlate`: 浙J·***12). Capped at 40 pages of
 * 200 (`truncated` says so).
 */
export async function fetchRecords(
  client: UpstreamClient,
  opts: { minutes: number; lotId?: string; endMs?: number },
): Promise<RecordWindow> {
  if (opts.endMs === undefined && opts.minutes !== 60)
    throw new RangeError('without endMs the platform serves its default window of 60 minutes');
  const lotPath = opts.lotId ? `/parks/${encodeURIComponent(opts.lotId)}/records` : '/records';
  const range =
    opts.endMs === undefined
      ? ''
      : `&startTime=${encodeURIComponent(isoToBeijing(opts.endMs - opts.minutes * 60_000))}&endTime=${encodeURIComponent(isoToBeijing(opts.endMs))}`;
  const rows: unknown[] = [];
  let truncated = false;
  for (let pageNo = 1; ; pageNo++) {
    if (pageNo > RECORD_PAGES) {
      truncated = true;
      break;
    }
    const data = await fetchPage(
      client,
      `/parking-platform/api/v2${lotPath}?pageNo=${pageNo}&pageSize=${PAGE_SIZE}${range}`,
      'records page',
    );
    rows.push(...data.list);
    if (rows.length >= data.total || data.list.length === 0) break;
  }
  const records = parseRecords(client, RecordRow, rows, 'parking record').map((r) => ({
    // The full plate stays inside the BFF, for a reveal by personal:view with a reason (audited).
    revealRef: r.plateNo
      ? personalVault.keep('plate', `plate:${r.recordId}`, r.plateNo, r.villageCode)
      : undefined,
    recordId: r.recordId,
    lotId: r.parkId,
    plateMasked: maskPlate(r.plateNo),
    inAt: r.inTime,
    outAt: r.outTime,
    villageCode: r.villageCode,
  }));
  const endMs = opts.endMs ?? records.reduce((m, r) => Math.max(m, Date.parse(r.inAt)), 0);
  return { fromMs: endMs - opts.minutes * 60_000, toMs: endMs, records, truncated };
}
