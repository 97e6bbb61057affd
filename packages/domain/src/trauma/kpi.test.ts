import { describe, expect, it } from 'vitest';
import type { TraumaIncident } from './kpi';
import { ageBand, quantileSorted, toPublicPatient, traumaKpis, traumaKpisByRegion } from './kpi';

const MIN = 60_000;
const T0 = Date.UTC(2024, 5, 1, 2, 0);

/** Incident with timestamps given as minutes after T0 (null = missing). */
function inc(
  id: string,
  regionCode: string,
  m: [
    call: number | null,
    dispatch: number | null,
    arrive: number | null,
    depart: number | null,
    hosp: number | null,
  ],
  ctMin: number | null = null,
): TraumaIncident {
  const at = (x: number | null) => (x === null ? null : T0 + x * MIN);
  return {
    incidentId: id,
    regionCode,
    callAtMs: at(m[0]),
    dispatchAtMs: at(m[1]),
    sceneArrivalAtMs: at(m[2]),
    sceneDepartureAtMs: at(m[3]),
    hospitalArrivalAtMs: at(m[4]),
    ctAtMs: at(ctMin),
  };
}

describe('quantileSorted (type 7)', () => {
  it('median and p90 by linear interpolation', () => {
    expect(quantileSorted([60, 120, 180, 240, 300], 0.5)).toBe(180);
    expect(quantileSorted([60, 120, 180, 240, 300], 0.9)).toBeCloseTo(276, 10);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([7], 0.9)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNull();
  });
});

describe('traumaKpis', () => {
  const incidents = [
    //            call dispatch arrive depart hosp
    inc('a', 'A', [0, 1, 11, 21, 41], 56),
    inc('b', 'A', [0, 2, 14, 30, 60]),
    inc('c', 'A', [0, 3, null, 40, 61], 70),
    inc('d', 'A', [0, null, 20, null, null]),
  ];
  const k = traumaKpis(incidents);

  it('counts only incidents with both timestamps of an interval', () => {
    expect(k.incidents).toBe(4);
    // call→dispatch: a 1, b 2, c 3 min (d has no dispatch).
    expect(k.callToDispatch).toEqual({ count: 3, invalid: 0, medianS: 120, p90S: 168 });
    // dispatch→arrival: a 10, b 12 min (c no arrival, d no dispatch).
    expect(k.response).toEqual({ count: 2, invalid: 0, medianS: 660, p90S: 708 });
    // arrival→departure: a 10, b 16 min.
    expect(k.onScene.count).toBe(2);
    expect(k.onScene.medianS).toBe(780);
    // departure→hospital: a 20, b 30, c 21 min.
    expect(k.transport.count).toBe(3);
    expect(k.transport.medianS).toBe(21 * 60);
    // call→hospital: 41, 60, 61 min.
    expect(k.totalPreHospital.count).toBe(3);
    expect(k.totalPreHospital.medianS).toBe(3600);
    // door→CT: a 15, c 9 min.
    expect(k.doorToCt).toMatchObject({ count: 2, invalid: 0, medianS: 720 });
    expect(k.doorToCt.p90S).toBeCloseTo(864, 9);
  });

  it('golden hour: ≤ 60 min among completed cases (exactly 60 counts)', () => {
    expect(k.goldenHour).toEqual({ completed: 3, within: 2, share: 2 / 3 });
  });

  it('an interval ending before it starts is invalid and excluded', () => {
    const bad = traumaKpis([
      inc('x', 'A', [10, 5, null, null, null]),
      inc('y', 'A', [0, 2, null, null, null]),
    ]);
    expect(bad.callToDispatch).toEqual({ count: 1, invalid: 1, medianS: 120, p90S: 120 });
  });

  it('empty input → nulls, not zeros', () => {
    const e = traumaKpis([]);
    expect(e.response).toEqual({ count: 0, invalid: 0, medianS: null, p90S: null });
    expect(e.goldenHour).toEqual({ completed: 0, within: 0, share: null });
  });

  it('groups by region, sorted by code, with a custom grouping', () => {
    const list = [
      inc('1', '331023105201', [0, 1, null, null, 30]),
      inc('2', '331023101201', [0, 3, null, null, 90]),
      inc('3', '331023105202', [0, 5, null, null, 50]),
    ];
    const byVillage = traumaKpisByRegion(list);
    expect(byVillage.map((r) => r.regionCode)).toEqual(['331023101201', '331023105201', '331023105202']);
    const byTownship = traumaKpisByRegion(list, { regionOf: (i) => i.regionCode.slice(0, 9) });
    expect(byTownship.map((r) => [r.regionCode, r.incidents, r.goldenHour.share])).toEqual([
      ['331023101', 1, 0],
      ['331023105', 2, 1],
    ]);
    expect(byTownship[1]!.callToDispatch.medianS).toBe(180);
  });
});

describe('ageBand', () => {
  it.each([
    [0, '0-14'],
    [14, '0-14'],
    [14.9, '0-14'],
    [15, '15-44'],
    [44, '15-44'],
    [45, '45-64'],
    [64, '45-64'],
    [65, '65+'],
    [101, '65+'],
  ])('%d → %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });

  it('throws on impossible ages', () => {
    for (const a of [-1, Number.NaN, Number.POSITIVE_INFINITY, 151])
      expect(() => ageBand(a)).toThrow(RangeError);
  });
});

describe('toPublicPatient — identity never reaches the web', () => {
  const patient = {
    name: '张晓明',
    phone: '13905761234',
    idNo: '33102319800101123X',
    age: 47,
    sex: '男',
    address: '天台县赤城街道某路 8 号',
    note: 'called by 李红梅',
  };

  it('returns exactly {ageBand, sex}', () => {
    const out = toPublicPatient(patient);
    expect(out).toEqual({ ageBand: '45-64', sex: 'M' });
    expect(Object.keys(out).sort()).toEqual(['ageBand', 'sex']);
    for (const k of ['name', 'phone', 'idNo', 'address', 'note', 'age']) expect(out).not.toHaveProperty(k);
  });

  it('contains no substring (≥ 2 chars of the name, ≥ 4 of phone / ID) of the identity', () => {
    const json = JSON.stringify(toPublicPatient(patient));
    const subs = (s: string, min: number) => {
      const out: string[] = [];
      for (let i = 0; i < s.length; i++) for (let j = i + min; j <= s.length; j++) out.push(s.slice(i, j));
      return out;
    };
    for (const s of [...subs(patient.name, 2), ...subs(patient.phone, 4), ...subs(patient.idNo, 4)]) {
      expect(json.includes(s), `leaked ${s}`).toBe(false);
    }
  });

  it('normalises sex so free text cannot leak, and tolerates a missing or bad age', () => {
    expect(toPublicPatient({ ...patient, sex: '张晓明' })).toEqual({ ageBand: '45-64', sex: 'unknown' });
    expect(toPublicPatient({ sex: 'female', age: null })).toEqual({ ageBand: 'unknown', sex: 'F' });
    expect(toPublicPatient({ sex: ' F ', age: -3 })).toEqual({ ageBand: 'unknown', sex: 'F' });
    expect(toPublicPatient({ age: 8 })).toEqual({ ageBand: '0-14', sex: 'unknown' });
  });
});
