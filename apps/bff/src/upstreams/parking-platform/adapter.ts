import { z } from 'zod';
import { type UpstreamClient, UpstreamError } from '../http-client';
import { beijingToIso, parseEnvelope, parseRecords } from '../records';

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
