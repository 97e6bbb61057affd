/**
 * Medical facilities for the 120 emergency scenario (APPROXIMATE positions, simulated capabilities):
 * the two county hospitals, one 卫生院 per 镇/乡 seat (plus the 福溪街道 community health service
 * centre) and eight 120 ambulance stations housed at hospitals. Ids and positions follow the
 * emergency simulator (mock-data/upstreams/emergency/facilities.ts): H01, H02, H03+i for the
 * township with index i in code order, S01–S08.
 */
import { KM_PER_DEG_LAT, KM_PER_DEG_LON } from '../planar';
import type { Pos } from '../types';
import type { Capabilities, FacilityKind, RoadInputs } from './types';

export interface FacilityPlan {
  id: string;
  kind: FacilityKind;
  name: string;
  /** Position in degrees (6 decimals). */
  at: Pos;
  capabilities: Capabilities;
}

const NONE: Capabilities = {
  trauma_center: false,
  ct: false,
  cath_lab: false,
  burn_unit: false,
  pediatrics: false,
};

/** 中心卫生院 (larger central health centres) — as in the simulator. */
export const CENTRAL_HEALTH_CENTRES: ReadonlySet<string> = new Set(['331023105', '331023101', '331023104']);
/** Health centres with a CT scanner (平桥, 白鹤). */
export const CT_HEALTH_CENTRES: ReadonlySet<string> = new Set(['331023105', '331023101']);
/** The community health service centre kept among the 街道 (the other two are served by the county hospitals). */
export const COMMUNITY_CENTRE_TOWNSHIP = '331023003';

/** Ambulance stations: at the two county hospitals and at six township health centres. */
export const STATION_PLAN: readonly { id: string; hospitalId?: string; townshipCode?: string }[] = [
  { id: 'S01', hospitalId: 'H01' },
  { id: 'S02', hospitalId: 'H02' },
  { id: 'S03', townshipCode: '331023105' }, // 平桥
  { id: 'S04', townshipCode: '331023101' }, // 白鹤
  { id: 'S05', townshipCode: '331023104' }, // 街头
  { id: 'S06', townshipCode: '331023102' }, // 石梁
  { id: 'S07', townshipCode: '331023106' }, // 坦头
  { id: 'S08', townshipCode: '331023108' }, // 洪畴
];

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The health centre sits 120 m east and 80 m south of the seat (as the simulator places it). */
export function healthCentreAt(seat: Pos): Pos {
  return [round6(seat[0] + 0.12 / KM_PER_DEG_LON), round6(seat[1] - 0.08 / KM_PER_DEG_LAT)];
}

export function facilityPlan(inputs: RoadInputs): FacilityPlan[] {
  const out: FacilityPlan[] = [
    {
      id: 'H01',
      kind: 'hospital',
      name: '天台县人民医院',
      at: [121.028, 29.143],
      capabilities: {
        trauma_center: true,
        ct: true,
        cath_lab: true,
        burn_unit: true,
        pediatrics: true,
        beds: 900,
      },
    },
    {
      id: 'H02',
      kind: 'hospital',
      name: '天台县中医院',
      at: [121.018, 29.137],
      capabilities: { ...NONE, ct: true, pediatrics: true, beds: 450 },
    },
  ];
  const byTownship = new Map<string, string>();
  inputs.townships.forEach((t, i) => {
    const id = `H${String(i + 3).padStart(2, '0')}`;
    const subdistrict = t.kind === 'subdistrict';
    if (subdistrict && t.code !== COMMUNITY_CENTRE_TOWNSHIP) return;
    const central = CENTRAL_HEALTH_CENTRES.has(t.code);
    byTownship.set(t.code, id);
    const name = subdistrict
      ? `${t.name}社区卫生服务中心`
      : central
        ? `${t.name}中心卫生院`
        : `${t.name}卫生院`;
    out.push({
      id,
      kind: 'health_center',
      name,
      at: healthCentreAt(t.seat),
      capabilities: {
        ...NONE,
        ct: CT_HEALTH_CENTRES.has(t.code),
        beds: central ? 60 : subdistrict ? 20 : 30,
      },
    });
  });
  for (const s of STATION_PLAN) {
    const host = out.find((f) =>
      s.hospitalId
        ? f.id === s.hospitalId
        : f.kind === 'health_center' && byTownship.get(s.townshipCode ?? '') === f.id,
    );
    if (!host) throw new Error(`ambulance station ${s.id}: no host facility`);
    out.push({
      id: s.id,
      kind: 'ambulance_station',
      name: `${host.name}急救站`,
      at: host.at,
      capabilities: { ...NONE },
    });
  }
  return out;
}
