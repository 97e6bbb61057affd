import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingMidnight, DAY, HOUR } from '../calendar';
import { loadGeo } from '../geo';
import {
  buildGrids,
  DEADLINE_HOURS,
  eventModel,
  isMarketDay,
  isTyphoonSeason,
  STAGES,
} from '../grassroots/model';
import type { RunningSimulator } from '../server';
import { frozen, getJson, getText, postJson } from './helpers';

const SEED = 20211;
const geo = loadGeo();
const grids = buildGrids(SEED, geo);
const API = '/grassroots/api/v1';
type Env<T> = { zhuangtai: string; xinxi: string; xiangyingShijian: string; shuju: T };
type Page<R> = { zongshu: number; jilu: R[] };

describe('grassroots model (pure)', () => {
  it('gives every village 1–6 grids, each with a synthetic worker', () => {
    const byVillage = new Map<string, number>();
    for (const g of grids) byVillage.set(g.villageCode, (byVillage.get(g.villageCode) ?? 0) + 1);
    expect(byVillage.size).toBe(geo.villages.length);
    for (const n of byVillage.values()) expect(n >= 1 && n <= 6).toBe(true);
    expect(grids.every((g) => /^1\d{10}$/.test(g.workerPhone) && g.workerName.length >= 2)).toBe(true);
  });

  it('plans each event lifecycle in order, with escalations village → township → county', () => {
    const end = Date.parse('2026-08-15T04:00:00Z');
    const events = eventModel(SEED, geo, grids).reportedBetween(end - 30 * DAY, end);
    expect(events.length).toBeGreaterThan(1000);
    for (const e of events) {
      const stages = e.marks.map((m) => m.stage);
      expect(stages).toEqual(STAGES.slice(0, stages.length));
      for (let i = 1; i < e.marks.length; i++) expect(e.marks[i]!.at).toBeGreaterThan(e.marks[i - 1]!.at);
      expect(e.deadlineHours).toBe(DEADLINE_HOURS[e.type]);
      e.escalations.forEach((x, i) => {
        expect(x.from).toBe(['村级', '镇级'][i]);
        expect(x.to).toBe(['镇级', '县级'][i]);
      });
    }
    expect(events.some((e) => e.escalations.some((x) => x.to === '县级'))).toBe(true);
    // Some cases run past their deadline.
    const late = events.filter((e) => {
      const closed = e.marks.find((m) => m.stage === '办结')?.at ?? Number.POSITIVE_INFINITY;
      return closed > e.reportedAt + e.deadlineHours * HOUR;
    });
    expect(late.length).toBeGreaterThan(events.length * 0.05);
  });

  it('has more events on market days, and more flood events in typhoon season', () => {
    const model = eventModel(SEED, geo, grids);
    const perDay = (from: number, days: number) => {
      let market = 0;
      let marketDays = 0;
      let other = 0;
      let otherDays = 0;
      for (let d = 0; d < days; d++) {
        const start = beijingMidnight(from + d * DAY);
        const evs = model.reportedBetween(start, start + DAY - 1);
        for (const t of geo.townships) {
          const n = evs.filter((e) => e.townCode === t.code).length;
          if (isMarketDay(SEED, t.code, start + HOUR)) {
            market += n;
            marketDays++;
          } else {
            other += n;
            otherDays++;
          }
        }
      }
      return { market: market / marketDays, other: other / otherDays };
    };
    const r = perDay(Date.parse('2026-05-01T04:00:00Z'), 30);
    expect(r.market).toBeGreaterThan(r.other * 1.2);
    const floodShare = (at: string) => {
      const end = Date.parse(at);
      const evs = model.reportedBetween(end - 20 * DAY, end);
      return evs.filter((e) => e.type === '防汛').length / evs.length;
    };
    expect(isTyphoonSeason(Date.parse('2026-08-10T04:00:00Z'))).toBe(true);
    expect(floodShare('2026-08-25T04:00:00Z')).toBeGreaterThan(floodShare('2026-04-25T04:00:00Z') * 2);
  });
});

describe('grassroots system over HTTP', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await frozen(new Date('2026-07-15T04:00:00Z'));
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('answers in its own envelope with pinyin keys, for all 395 villages', async () => {
    const basics = await getJson<Env<Page<Record<string, unknown>>>>(sim, `${API}/cun/jiben?nf=2026`);
    expect(basics.status).toBe(200);
    expect(basics.body.zhuangtai).toBe('0000');
    expect(basics.body.shuju.zongshu).toBe(395);
    expect(basics.body.shuju.jilu[0]).toMatchObject({ nf: 2026, sjly: '模拟数据' });
    const events = await getJson<Env<Page<{ sbsj: string; sbrxm: string; lcjl: unknown[] }>>>(
      sim,
      `${API}/shijian?kssj=20260714000000&jssj=20260715120000&meiye=50`,
    );
    expect(events.body.shuju.zongshu).toBeGreaterThan(50);
    expect(events.body.shuju.jilu).toHaveLength(50);
    expect(events.body.shuju.jilu[0]!.sbsj).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(events.body.shuju.jilu[0]!.sbrxm.length).toBeGreaterThan(1);
  });

  it('refuses bad parameters in its own error style', async () => {
    const bad = await getJson<Env<null>>(sim, `${API}/shijian?kssj=2026-07-14`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ zhuangtai: '400', shuju: null });
    expect((await getJson(sim, `${API}/minsu?ksrq=20250101`)).status).toBe(400);
  });

  it('takes the same fault injection as the others', async () => {
    await postJson(sim, '/admin/faults', { system: 'grassroots', mode: 'drift' });
    const drifted = await getJson<Env<Page<Record<string, unknown>>>>(sim, `${API}/bianmin`);
    expect(drifted.body.shuju.jilu[0]).toHaveProperty('cundm');
    expect(drifted.body.shuju.jilu[0]).not.toHaveProperty('xzqhdm');
    await postJson(sim, '/admin/faults', { system: 'grassroots', mode: 'malformed' });
    const broken = await getText(sim, `${API}/bianmin`);
    expect(() => JSON.parse(broken.text)).toThrow();
    await postJson(sim, '/admin/faults', { system: 'grassroots', mode: 'errors', errorRate: 1 });
    const failed = await getJson<Env<null>>(sim, `${API}/bianmin`);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(failed.body.shuju).toBeNull();
    await postJson(sim, '/admin/faults', { system: 'grassroots', mode: 'none' });
    expect((await getText(sim, `${API}/bianmin`)).status).toBe(200);
  });
});
