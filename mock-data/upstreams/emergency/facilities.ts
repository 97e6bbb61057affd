/**
 * 120 facilities: hospitals (the county people's hospital — the trauma centre —, the TCM hospital, and one
 * health centre per township at its seat), ambulance stations and the fleet. Positions approximate;
 * levels and capabilities are simulated.
 */
import { type Anchor, at, type Geo, type Placed, placeAnchor } from '../geo';

export interface Capabilities {
  trauma_center: boolean;
  ct: boolean;
  cath_lab: boolean;
  burn_unit: boolean;
  pediatrics: boolean;
  /** emergency surgery (operating theatre, surgeons on call): the county hospitals, not the township centres */
  surgery: boolean;
}

export interface Hospital extends Placed {
  id: string;
  name: string;
  level: string;
  capabilities: Capabilities;
  /** receives ambulance transports */
  receiving: boolean;
  /** county hospitals take the serious cases; township health centres the light ones */
  tier: 'county' | 'township';
  /** relative ED busyness */
  edBase: number;
}

export interface Station extends Placed {
  id: string;
  name: string;
  hospitalId: string;
}

export interface Ambulance {
  id: string;
  plate: string;
  stationId: string;
}

const NONE: Capabilities = {
  trauma_center: false,
  ct: false,
  cath_lab: false,
  burn_unit: false,
  pediatrics: false,
  surgery: false,
};

const CENTRAL_HEALTH_CENTRES = new Set(['331023105', '331023101', '331023104']);

export function buildHospitals(geo: Geo): Hospital[] {
  const fixed: {
    id: string;
    name: string;
    level: string;
    anchor: Anchor;
    caps: Capabilities;
    edBase: number;
  }[] = [
    {
      id: 'H01',
      name: '天台县人民医院',
      level: '三级乙等',
      anchor: at(121.028, 29.143),
      caps: {
        trauma_center: true,
        ct: true,
        cath_lab: true,
        burn_unit: true,
        pediatrics: true,
        surgery: true,
      },
      edBase: 0.95,
    },
    {
      id: 'H02',
      name: '天台县中医院',
      level: '二级甲等',
      anchor: at(121.018, 29.137),
      caps: { ...NONE, ct: true, pediatrics: true, surgery: true },
      edBase: 0.8,
    },
  ];
  const out: Hospital[] = fixed.map((h) => ({
    ...placeAnchor(geo, h.anchor),
    id: h.id,
    name: h.name,
    level: h.level,
    capabilities: h.caps,
    receiving: true,
    tier: 'county' as const,
    edBase: h.edBase,
  }));
  geo.townships.forEach((t, i) => {
    const central = CENTRAL_HEALTH_CENTRES.has(t.code);
    const name =
      t.kind === 'subdistrict' || t.name.endsWith('街道')
        ? `${t.name}社区卫生服务中心`
        : central
          ? `${t.name.replace(/[镇乡]$/, '')}中心卫生院`
          : `${t.name}卫生院`;
    out.push({
      ...placeAnchor(geo, { seatOf: t.code, dx: 0.12, dy: -0.08 }),
      id: `H${String(i + 3).padStart(2, '0')}`,
      name,
      level: central ? '一级甲等' : '一级',
      capabilities: central ? { ...NONE, ct: t.code === '331023105' } : NONE,
      receiving: central,
      tier: 'township',
      edBase: central ? 0.5 : 0.3,
    });
  });
  return out;
}

/** Stations: at the two county hospitals and at the central / outlying health centres. */
const STATION_PLAN: readonly { id: string; townCode?: string; hospitalId?: string; ambulances: number }[] = [
  { id: 'S01', hospitalId: 'H01', ambulances: 4 },
  { id: 'S02', hospitalId: 'H02', ambulances: 3 },
  { id: 'S03', townCode: '331023105', ambulances: 2 },
  { id: 'S04', townCode: '331023101', ambulances: 2 },
  { id: 'S05', townCode: '331023104', ambulances: 1 },
  { id: 'S06', townCode: '331023102', ambulances: 1 },
  { id: 'S07', townCode: '331023106', ambulances: 1 },
  { id: 'S08', townCode: '331023108', ambulances: 1 },
];

export function buildStations(
  geo: Geo,
  hospitals: readonly Hospital[],
): { stations: Station[]; fleet: Ambulance[] } {
  const stations: Station[] = [];
  const fleet: Ambulance[] = [];
  let n = 0;
  for (const plan of STATION_PLAN) {
    const hospital = plan.hospitalId
      ? hospitals.find((h) => h.id === plan.hospitalId)
      : hospitals.find((h) => {
          const t = geo.townships.find((tt) => tt.code === plan.townCode);
          return t && h.name.startsWith(t.name.replace(/[镇乡]$/, ''));
        });
    if (!hospital) continue;
    stations.push({
      lon: hospital.lon,
      lat: hospital.lat,
      villageCode: hospital.villageCode,
      townCode: hospital.townCode,
      id: plan.id,
      name: `${hospital.name}急救站`,
      hospitalId: hospital.id,
    });
    for (let k = 0; k < plan.ambulances; k++) {
      n++;
      fleet.push({
        id: `A${String(n).padStart(2, '0')}`,
        plate: `浙J·E${String(1200 + n * 37)}`,
        stationId: plan.id,
      });
    }
  }
  return { stations, fleet };
}
