import type { GrassrootsEventType, GrassrootsStage } from '@cockpit/contracts';
import { maskPersonName } from '@cockpit/domain/grassroots';
import { formatBeijing } from '@cockpit/domain/time';
import { z } from 'zod';
import { personalVault } from '../../auth/vault';
import type { UpstreamClient } from '../http-client';
import { beijingToIso, parseEnvelope, parseRecords } from '../records';

// ── upstream shapes (基层治理综合信息平台: {"zhuangtai":"0000","xinxi","xiangyingShijian","shuju":{zongshu,jilu}},
//    pinyin-initial keys, Chinese enumerations, times "yyyy/MM/dd HH:mm:ss" Beijing, dates "yyyyMMdd") ──────
const Envelope = z.object({
  zhuangtai: z.literal('0000'),
  xiangyingShijian: z.string(),
  shuju: z.object({ zongshu: z.number().int().nonnegative(), jilu: z.array(z.unknown()) }),
});
const Code9 = z.string().regex(/^331023\d{3}$/);
const Code12 = z.string().regex(/^331023\d{6}$/);
const Count = z.number().int().nonnegative();
const Time = z
  .string()
  .transform((s) => beijingToIso(s.replaceAll('/', '-')))
  .pipe(z.string());
const Day = z
  .string()
  .regex(/^\d{8}$/)
  .transform((s) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`);

const TYPE: Record<string, GrassrootsEventType> = {
  矛盾纠纷: 'dispute',
  安全隐患: 'safety',
  环境卫生: 'sanitation',
  民生诉求: 'livelihood',
  信访: 'petition',
  消防: 'fire',
  防汛: 'flood',
  其他: 'other',
};
const STAGE: Record<string, GrassrootsStage> = {
  上报: 'reported',
  受理: 'accepted',
  流转: 'transferred',
  办结: 'closed',
  评价: 'rated',
};
const LEVEL = { 村级: 'village', 镇级: 'township', 县级: 'county' } as const;
const SEVERITY = { 一般: 'low', 较重: 'medium', 严重: 'high' } as const;
const fromLabels = <T extends string>(labels: Record<string, T>) =>
  z
    .string()
    .refine((s) => s in labels, { message: 'unknown label' })
    .transform((s) => labels[s]!);
const Level = fromLabels<'village' | 'township' | 'county'>(LEVEL);

const GridRow = z.object({
  wgbh: z.string().min(1),
  wgmc: z.string(),
  xzqhdm: Code12,
  xzdm: Code9,
  wgyxm: z.string().min(1),
  wgydh: z.string(),
});
const PatrolRow = z.object({
  wgbh: z.string().min(1),
  xzqhdm: Code12,
  rq: Day,
  dkcs: Count,
  xclc: z.number().nonnegative(),
  zfhs: Count,
});
const EventRow = z.object({
  sjbh: z.string().min(1),
  sjlx: fromLabels(TYPE),
  yzcd: fromLabels<'low' | 'medium' | 'high'>(SEVERITY),
  xzqhdm: Code12,
  xzdm: Code9,
  wgbh: z.string(),
  jd: z.number().min(120).max(122),
  wd: z.number().min(28).max(30),
  sbsj: Time,
  sbrlx: z.enum(['网格员', '群众']),
  sbrxm: z.string(),
  sbrdh: z.string(),
  sjms: z.string(),
  czcj: Level,
  clsx: z.number().positive(),
  dqhj: fromLabels(STAGE),
  lcjl: z.array(z.object({ hj: fromLabels(STAGE), sj: Time })).min(1),
  sjjl: z.array(z.object({ yscj: Level, mbcj: Level, sj: Time })),
  myd: z.number().int().min(1).max(5).nullable(),
});
const BasicsRow = z.object({
  xzqhdm: Code12,
  cunmc: z.string(),
  nf: z.number().int(),
  hjrk: Count,
  czrk: Count,
  hs: Count,
  lnrk60: Count,
  djlr: Count,
  dbh: Count,
  jtjjsr: z.number().nonnegative(),
  mj: z.number().positive(),
});
const HomestayRow = z.object({ xzqhdm: Code12, rq: Day, mss: Count, cws: Count, rzcws: Count });
const FarmRow = z.object({ xzdm: Code9, cpdm: z.string(), cpmc: z.string(), rq: Day, smcs: Count });
const ServiceRow = z.object({
  dwbh: z.string(),
  dwmc: z.string(),
  xzqhdm: Code12,
  jd: z.number(),
  wd: z.number(),
  yyzt: fromLabels<'open' | 'closed' | 'suspended'>({
    营业中: 'open',
    休息: 'closed',
    暂停服务: 'suspended',
  }),
});
const DeviceRow = z.object({
  xzqhdm: Code12,
  sblx: fromLabels<'camera' | 'waterGauge' | 'smoke' | 'other'>({
    视频监控: 'camera',
    水位计: 'waterGauge',
    烟感: 'smoke',
    其他: 'other',
  }),
  zs: Count,
  zxs: Count,
});
const FloodRow = z.object({
  dwbh: z.string(),
  dwmc: z.string(),
  lx: fromLabels<'duty' | 'reservoir' | 'river'>({ 值守点: 'duty', 水库: 'reservoir', 河道: 'river' }),
  xzqhdm: Code12,
  jd: z.number(),
  wd: z.number(),
  zbzt: z.enum(['在岗', '脱岗']).nullable(),
  sw: z.number().nullable(),
  jjsw: z.number().nullable(),
});

// ── what the BFF uses ─────────────────────────────────────────────────────────────────────────────────
export type HandlingLevel = 'village' | 'township' | 'county';
export type Grid = {
  gridId: string;
  name: string;
  villageCode: string;
  townshipCode: string;
  /** The grid worker's name, masked (王*明); the full name is kept in the personal vault under `workerRef`. */
  workerNameMasked: string;
  workerRef: string;
};
export type Patrol = {
  gridId: string;
  villageCode: string;
  date: string;
  checkIns: number;
  patrolKm: number;
  visits: number;
};
export type GrassrootsEvent = {
  eventId: string;
  type: GrassrootsEventType;
  severity: 'low' | 'medium' | 'high';
  villageCode: string;
  townshipCode: string;
  gridId: string;
  lon: number;
  lat: number;
  reportedAt: string;
  reporterKind: 'gridWorker' | 'resident';
  /** Masked before it leaves the adapter (张*); the reporter's phone never leaves it. */
  reporterMasked: string;
  description: string;
  handlingLevel: HandlingLevel;
  deadlineHours: number;
  stage: GrassrootsStage;
  stages: { stage: GrassrootsStage; at: string }[];
  escalations: { from: HandlingLevel; to: HandlingLevel; at: string }[];
  satisfaction: number | null;
};
export type VillageBasicsRow = {
  villageCode: string;
  name: string;
  year: number;
  registered: number;
  resident: number;
  households: number;
  aged60Plus: number;
  livingAlone: number;
  lowIncomeHouseholds: number;
  incomeWanYuan: number;
  areaKm2: number;
};
export type HomestayDay = {
  villageCode: string;
  date: string;
  count: number;
  beds: number;
  occupiedBeds: number;
};
export type FarmScanDay = {
  townshipCode: string;
  product: string;
  name: string;
  date: string;
  scans: number;
};
export type ServicePoint = {
  pointId: string;
  name: string;
  villageCode: string;
  lon: number;
  lat: number;
  state: 'open' | 'closed' | 'suspended';
};
export type DeviceCount = {
  villageCode: string;
  kind: 'camera' | 'waterGauge' | 'smoke' | 'other';
  total: number;
  online: number;
};
export type FloodPointRow = {
  pointId: string;
  name: string;
  kind: 'duty' | 'reservoir' | 'river';
  villageCode: string;
  lon: number;
  lat: number;
  manned: boolean | null;
  waterLevelM: number | null;
  warningLevelM: number | null;
};
export type Timed<T> = { asOf: string; items: T[] };

const API = '/grassroots/api/v1';
/** The personal-vault reference of a grid worker's name. */
export const gridWorkerRef = (gridId: string) => `grid-worker:${gridId}`;
const sj = (ms: number) => formatBeijing(ms, 'yyyy-MM-dd HH:mm:ss').replace(/\D/g, '');
const rq = (ms: number) => sj(ms).slice(0, 8);

async function page(client: UpstreamClient, path: string) {
  const env = parseEnvelope(client, Envelope, await client.getJson(path), path);
  const asOf = beijingToIso(env.xiangyingShijian.replaceAll('/', '-')) ?? new Date().toISOString();
  return { asOf, total: env.shuju.zongshu, rows: env.shuju.jilu };
}

async function timedList<S extends z.ZodType, T>(
  client: UpstreamClient,
  path: string,
  schema: S,
  what: string,
  map: (row: z.infer<S>) => T,
): Promise<Timed<T>> {
  const { asOf, rows } = await page(client, path);
  return { asOf, items: parseRecords(client, schema, rows, what).map(map) };
}

export const fetchGrids = (client: UpstreamClient) =>
  timedList(
    client,
    `${API}/wangge`,
    GridRow,
    'grid',
    (r): Grid => ({
      gridId: r.wgbh,
      name: r.wgmc,
      villageCode: r.xzqhdm,
      townshipCode: r.xzdm,
      workerNameMasked: maskPersonName(r.wgyxm),
      workerRef: personalVault.keep('name', gridWorkerRef(r.wgbh), r.wgyxm, r.xzqhdm),
    }),
  );

/** Patrols of the upstream's today (or of the Beijing days fromMs..toMs). */
export const fetchPatrols = (client: UpstreamClient, range?: { fromMs: number; toMs: number }) =>
  timedList(
    client,
    `${API}/wangge/xuncha${range ? `?ksrq=${rq(range.fromMs)}&jsrq=${rq(range.toMs)}` : ''}`,
    PatrolRow,
    'patrol',
    (r): Patrol => ({
      gridId: r.wgbh,
      villageCode: r.xzqhdm,
      date: r.rq,
      checkIns: r.dkcs,
      patrolKm: r.xclc,
      visits: r.zfhs,
    }),
  );

const PAGE_SIZE = 2000;

/** Events reported in [fromMs, toMs] (all pages), each with its lifecycle as of the upstream's now. */
export async function fetchEvents(
  client: UpstreamClient,
  range: { fromMs: number; toMs: number },
): Promise<Timed<GrassrootsEvent>> {
  const base = `${API}/shijian?kssj=${sj(range.fromMs)}&jssj=${sj(range.toMs)}&meiye=${PAGE_SIZE}`;
  const first = await page(client, `${base}&ye=1`);
  const rows = [...first.rows];
  for (let ye = 2; (ye - 1) * PAGE_SIZE < first.total && ye <= 50; ye++)
    rows.push(...(await page(client, `${base}&ye=${ye}`)).rows);
  const items = parseRecords(client, EventRow, rows, 'event').map(
    (r): GrassrootsEvent => ({
      eventId: r.sjbh,
      type: r.sjlx,
      severity: r.yzcd,
      villageCode: r.xzqhdm,
      townshipCode: r.xzdm,
      gridId: r.wgbh,
      lon: r.jd,
      lat: r.wd,
      reportedAt: r.sbsj,
      reporterKind: r.sbrlx === '网格员' ? 'gridWorker' : 'resident',
      reporterMasked: maskPersonName(r.sbrxm),
      description: r.sjms,
      handlingLevel: r.czcj,
      deadlineHours: r.clsx,
      stage: r.dqhj,
      stages: r.lcjl.map((m) => ({ stage: m.hj, at: m.sj })),
      escalations: r.sjjl.map((x) => ({ from: x.yscj, to: x.mbcj, at: x.sj })),
      satisfaction: r.myd,
    }),
  );
  return { asOf: first.asOf, items };
}

export const fetchVillageBasics = (client: UpstreamClient, year?: number) =>
  timedList(
    client,
    `${API}/cun/jiben${year === undefined ? '' : `?nf=${year}`}`,
    BasicsRow,
    'village basics',
    (r): VillageBasicsRow => ({
      villageCode: r.xzqhdm,
      name: r.cunmc,
      year: r.nf,
      registered: r.hjrk,
      resident: r.czrk,
      households: r.hs,
      aged60Plus: r.lnrk60,
      livingAlone: r.djlr,
      lowIncomeHouseholds: r.dbh,
      incomeWanYuan: r.jtjjsr,
      areaKm2: r.mj,
    }),
  );

export const fetchHomestays = (client: UpstreamClient, range: { fromMs: number; toMs: number }) =>
  timedList(
    client,
    `${API}/minsu?ksrq=${rq(range.fromMs)}&jsrq=${rq(range.toMs)}`,
    HomestayRow,
    'homestay',
    (r): HomestayDay => ({
      villageCode: r.xzqhdm,
      date: r.rq,
      count: r.mss,
      beds: r.cws,
      occupiedBeds: r.rzcws,
    }),
  );

export const fetchFarmScans = (client: UpstreamClient, range: { fromMs: number; toMs: number }) =>
  timedList(
    client,
    `${API}/nongma/saoma?ksrq=${rq(range.fromMs)}&jsrq=${rq(range.toMs)}`,
    FarmRow,
    'farm-code scans',
    (r): FarmScanDay => ({ townshipCode: r.xzdm, product: r.cpdm, name: r.cpmc, date: r.rq, scans: r.smcs }),
  );

export const fetchServicePoints = (client: UpstreamClient) =>
  timedList(
    client,
    `${API}/bianmin`,
    ServiceRow,
    'service point',
    (r): ServicePoint => ({
      pointId: r.dwbh,
      name: r.dwmc,
      villageCode: r.xzqhdm,
      lon: r.jd,
      lat: r.wd,
      state: r.yyzt,
    }),
  );

export const fetchDevices = (client: UpstreamClient) =>
  timedList(
    client,
    `${API}/ganzhi`,
    DeviceRow,
    'device count',
    (r): DeviceCount => ({
      villageCode: r.xzqhdm,
      kind: r.sblx,
      total: r.zs,
      online: Math.min(r.zxs, r.zs),
    }),
  );

export const fetchFloodPoints = (client: UpstreamClient) =>
  timedList(
    client,
    `${API}/fangxun`,
    FloodRow,
    'flood point',
    (r): FloodPointRow => ({
      pointId: r.dwbh,
      name: r.dwmc,
      kind: r.lx,
      villageCode: r.xzqhdm,
      lon: r.jd,
      lat: r.wd,
      manned: r.lx === 'duty' ? r.zbzt === '在岗' : null,
      waterLevelM: r.sw,
      warningLevelM: r.jjsw,
    }),
  );

/** The upstream's own clock (its answers are "as of" it): ranges of history are anchored on it, not on ours. */
export async function fetchUpstreamNow(client: UpstreamClient): Promise<number> {
  return Date.parse((await page(client, `${API}/shijian?meiye=1`)).asOf);
}
