import { describe, expect, it } from 'vitest';
import { beijingDate, DAY, dayInfo, formatBeijing, HOUR, MINUTE, parseBeijing } from '../calendar';
import { buildHospitals, buildStations } from '../emergency/facilities';
import { EmergencyModel } from '../emergency/model';
import { idCheckDigit } from '../emergency/people';
import { airHourly, aqiOf, buildEnvSites, episodeOfBlock, plumeAt, waterClassOf, windAt } from '../env/model';
import { loadGeo } from '../geo';
import {
  buildLots,
  buildScreens,
  occupiedAt,
  plateFor,
  recordsBetween,
  reportedAt,
  screenStateAt,
  sensorStallAt,
} from '../parking/model';
import { hash32, mulberry32, valueNoise } from '../random';

const geo = loadGeo();
const lots = buildLots(geo);
const lot = (id: string) => {
  const l = lots.find((x) => x.parkId === id);
  if (!l) throw new Error(id);
  return l;
};
const dayMax = (seed: number, id: string, day0: number) => {
  let m = 0;
  for (let t = day0; t < day0 + DAY; t += 15 * MINUTE) m = Math.max(m, occupiedAt(seed, lot(id), t));
  return m;
};

describe('time and calendar', () => {
  it('formats and parses the vendor format in Beijing time', () => {
    const t = Date.parse('2026-11-28T06:00:00Z');
    expect(formatBeijing(t)).toBe('2026-11-28 14:00:00');
    expect(parseBeijing('2026-11-28 14:00:00')).toBe(t);
    expect(parseBeijing('2026-11-28T14:00')).toBe(t);
    expect(parseBeijing('2026-02-31 00:00:00')).toBeUndefined();
    expect(parseBeijing('28/11/2026')).toBeUndefined();
  });

  it('knows holidays, weekends and make-up workdays', () => {
    expect(dayInfo(beijingDate(2026, 10, 3, 12)).holiday?.name).toBe('NationalDay');
    expect(dayInfo(beijingDate(2026, 10, 14, 12)).kind).toBe('workday');
    expect(dayInfo(beijingDate(2026, 10, 17, 12)).kind).toBe('weekend');
    expect(dayInfo(beijingDate(2026, 10, 10, 12))).toMatchObject({ kind: 'workday', makeup: true });
    expect(dayInfo(beijingDate(2027, 2, 6, 12)).holiday?.name).toBe('SpringFestival');
    // Beijing midnight boundary: 2026-09-30T16:00Z is already Oct 1 in Beijing
    expect(dayInfo(Date.parse('2026-09-30T16:30:00Z')).kind).toBe('holiday');
  });
});

describe('seeded randomness', () => {
  it('is pure and smooth', () => {
    expect(hash32(1, 'a', 2)).toBe(hash32(1, 'a', 2));
    expect(hash32(1, 'a', 2)).not.toBe(hash32(2, 'a', 2));
    const a = valueNoise(7, 'k', 1_000_000, HOUR);
    expect(valueNoise(7, 'k', 1_000_000, HOUR)).toBe(a);
    expect(Math.abs(valueNoise(7, 'k', 1_000_000 + 1000, HOUR) - a)).toBeLessThan(0.01);
  });
});

describe('parking model', () => {
  const gw = beijingDate(2026, 10, 3);
  const wed = beijingDate(2026, 10, 14);

  it('peaks higher at scenic lots in Golden Week than on an ordinary weekday', () => {
    for (const id of ['PK0001', 'PK0005', 'PK0007', 'PK0009']) {
      expect(dayMax(20211, id, gw)).toBeGreaterThan(dayMax(20211, id, wed) * 1.5);
    }
    // the lot at the gate overflows while one a few hundred metres away stays around half full
    expect(dayMax(20211, 'PK0001', gw)).toBe(lot('PK0001').berthTotal);
    expect(dayMax(20211, 'PK0003', gw)).toBeLessThan(lot('PK0003').berthTotal * 0.85);
  });

  it('has workday peaks in the daytime and is deterministic per seed', () => {
    const hosp = lot('PK0014');
    expect(occupiedAt(1, hosp, wed + 10 * HOUR)).toBeGreaterThan(occupiedAt(1, hosp, wed + 3 * HOUR));
    expect(occupiedAt(5, hosp, wed + 10 * HOUR)).toBe(occupiedAt(5, hosp, wed + 10 * HOUR));
    const series = (seed: number) =>
      Array.from({ length: 48 }, (_, i) => occupiedAt(seed, hosp, wed + i * 30 * MINUTE));
    expect(series(1)).not.toEqual(series(2));
  });

  it('reports never from the future and keeps records consistent', () => {
    const t = wed + 11 * HOUR;
    for (const l of lots) expect(reportedAt(20211, l, t).updateTime).toBeLessThanOrEqual(t);
    const recs = recordsBetween(20211, lot('PK0001'), gw + 9 * HOUR, gw + 10 * HOUR);
    expect(recs.length).toBeGreaterThan(20);
    for (const r of recs) {
      expect(r.outTime).toBeGreaterThan(r.inTime);
      expect(r.plateNo).toMatch(/^[\u4e00-\u9fa5][A-Z]·[A-Z0-9]{5,6}$/);
    }
  });

  it('has silent sensors and guide screens that mostly agree with the lots', () => {
    let stalled = 0;
    let agree = 0;
    let shown = 0;
    let offline = 0;
    const screens = buildScreens(geo);
    const byId = new Map(lots.map((l) => [l.parkId, l]));
    for (let t = wed; t < wed + 2 * DAY; t += 10 * MINUTE) {
      for (const l of lots) if (sensorStallAt(20211, l, t)) stalled++;
      for (const s of screens) {
        const st = screenStateAt(20211, s, byId, t);
        if (st.online === 0) {
          offline++;
          expect(st.lastHeartbeat).toBeLessThan(t - MINUTE);
          continue;
        }
        for (const tg of st.targets) {
          const l = byId.get(tg.parkId);
          if (!l) continue;
          shown++;
          if (tg.displayFree === reportedAt(20211, l, t).berthFree) agree++;
        }
      }
    }
    expect(stalled).toBeGreaterThan(0);
    expect(offline).toBeGreaterThan(0);
    expect(agree / shown).toBeGreaterThan(0.7);
    expect(agree / shown).toBeLessThan(1);
  });

  it('makes plates like 浙J·A1234 / 浙J·D12345', () => {
    const next = mulberry32(3);
    for (let i = 0; i < 200; i++)
      expect(plateFor(next, 0.3)).toMatch(/^[\u4e00-\u9fa5][A-Z]·([A-HJ-NP-Z][0-9A-HJ-NP-Z]{4}|[DF]\d{5})$/);
  });
});

describe('environment model', () => {
  const sites = buildEnvSites(geo);

  it('is mostly clean with occasional episodes above AQI 100', () => {
    const start = beijingDate(2026, 10, 1);
    let sum = 0;
    let n = 0;
    let over = 0;
    const core = sites.air.find((s) => s.code === '5102A');
    if (!core) throw new Error('no station');
    for (let t = start; t < start + 60 * DAY; t += HOUR) {
      const v = airHourly(20211, core, t);
      sum += v.PM2_5;
      n++;
      if (aqiOf(v).aqi > 100) over++;
    }
    expect(sum / n).toBeGreaterThan(15);
    expect(sum / n).toBeLessThan(45);
    expect(over).toBeGreaterThan(0);
    expect(over / n).toBeLessThan(0.08);
  });

  it('moves an episode plume downwind with a lag', () => {
    // find an episode and compare two points on the downwind axis
    let found = false;
    for (let b = 9000; b < 9100 && !found; b++) {
      const e = episodeOfBlock(20211, b);
      if (!e) continue;
      const w = windAt(20211, e.from + HOUR);
      const rad = ((w.dirDeg + 180) * Math.PI) / 180;
      const km = (d: number): [number, number] => [
        e.source[0] + (Math.sin(rad) * d) / 97.2,
        e.source[1] + (Math.cos(rad) * d) / 110.6,
      ];
      const first = (p: [number, number]) => {
        for (let t = e.from - HOUR; t < e.to + 6 * HOUR; t += 10 * MINUTE)
          if (plumeAt(20211, p, t) > 20) return t;
        return undefined;
      };
      const near = first(km(1));
      const far = first(km(8));
      if (near === undefined || far === undefined) continue;
      expect(far).toBeGreaterThan(near);
      found = true;
    }
    expect(found).toBe(true);
  });

  it('classifies water by GB 3838', () => {
    expect(waterClassOf({ pH: 7.2, DO: 8, CODMn: 1.8, NH3N: 0.12, TP: 0.015 }, 'river')).toBe('I');
    expect(waterClassOf({ pH: 7.2, DO: 8, CODMn: 1.8, NH3N: 0.3, TP: 0.08 }, 'river')).toBe('II');
    expect(waterClassOf({ pH: 7.2, DO: 8, CODMn: 1.8, NH3N: 1.2, TP: 0.08 }, 'river')).toBe('IV');
    expect(waterClassOf({ TP: 0.04 }, 'reservoir')).toBe('III');
  });
});

describe('120 model', () => {
  const hospitals = buildHospitals(geo);
  const { stations, fleet } = buildStations(geo, hospitals);

  it('produces a realistic number of incidents and plans missions', () => {
    expect(fleet.length).toBeGreaterThanOrEqual(14);
    const m = new EmergencyModel({ seed: 20211, geo, hospitals, stations, fleet });
    const from = beijingDate(2026, 11, 1);
    const incs = m.incidentsCalledBetween(from, from + 7 * DAY);
    expect(incs.length / 7).toBeGreaterThan(15);
    expect(incs.length / 7).toBeLessThan(50);
    for (const i of incs) {
      expect(i.dispatchTime).toBeGreaterThan(i.callTime);
      expect(i.arriveSceneTime).toBeGreaterThan(i.dispatchTime);
      expect(i.departSceneTime).toBeGreaterThan(i.arriveSceneTime);
      if (i.arriveHospitalTime !== null) expect(i.arriveHospitalTime).toBeGreaterThan(i.departSceneTime);
      expect(i.patient.idNo).toMatch(/^331023\d{11}[\dX]$/);
      expect(i.patient.idNo.slice(17)).toBe(idCheckDigit(i.patient.idNo.slice(0, 17)));
      expect(i.patient.phone).toMatch(/^1\d{10}$/);
    }
    // a second model replays the same history
    const again = new EmergencyModel({ seed: 20211, geo, hospitals, stations, fleet });
    expect(again.incidentsCalledBetween(from, from + 7 * DAY)).toEqual(incs);
  });
});
