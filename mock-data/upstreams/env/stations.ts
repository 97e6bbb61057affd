/**
 * Environmental monitoring sites: air quality stations, automatic water-quality stations along 始丰溪 (west →
 * east) and at two reservoirs, and acoustic (noise) monitoring points. Codes, names and positions are
 * simulated and approximate.
 */
import { type Anchor, at, nearSeat } from '../geo';

export interface AirStationSpec {
  code: string;
  name: string;
  kind: '国控' | '省控' | '县控';
  anchor: Anchor;
  /** multiplier on the regional PM background (urban > rural > mountain) */
  pmFactor: number;
  /** NO2 background, μg/m³ */
  no2Base: number;
  /** wind speed multiplier (mountain sites are windier) */
  windFactor: number;
}

export const AIR_STATIONS: readonly AirStationSpec[] = [
  {
    code: '5101A',
    name: '县行政中心',
    kind: '省控',
    anchor: at(121.006, 29.1455),
    pmFactor: 1.08,
    no2Base: 22,
    windFactor: 1,
  },
  {
    code: '5102A',
    name: '赤城',
    kind: '省控',
    anchor: at(121.0355, 29.1505),
    pmFactor: 1.12,
    no2Base: 25,
    windFactor: 0.95,
  },
  {
    code: '5103A',
    name: '平桥',
    kind: '县控',
    anchor: nearSeat('331023105', 0.3, 0.25),
    pmFactor: 1.04,
    no2Base: 16,
    windFactor: 1,
  },
  {
    code: '5104A',
    name: '白鹤',
    kind: '县控',
    anchor: nearSeat('331023101', -0.25, 0.2),
    pmFactor: 0.95,
    no2Base: 12,
    windFactor: 1.1,
  },
  {
    code: '5105A',
    name: '石梁',
    kind: '县控',
    anchor: nearSeat('331023102', 0.2, 0.3),
    pmFactor: 0.74,
    no2Base: 7,
    windFactor: 1.35,
  },
  {
    code: '5106A',
    name: '坦头',
    kind: '县控',
    anchor: nearSeat('331023106', -0.3, 0.15),
    pmFactor: 1.02,
    no2Base: 15,
    windFactor: 1.05,
  },
];

export interface WaterSectionSpec {
  code: string;
  name: string;
  waterBody: 'river' | 'reservoir';
  river: string;
  targetClass: 'II' | 'III';
  anchor: Anchor;
  /** 0 upstream … 1 where the river leaves the county (reservoirs: 0) */
  downstream: number;
}

export const WATER_SECTIONS: readonly WaterSectionSpec[] = [
  {
    code: 'SFX01',
    name: '始丰溪街头断面',
    waterBody: 'river',
    river: '始丰溪',
    targetClass: 'II',
    anchor: at(120.79, 29.1),
    downstream: 0,
  },
  {
    code: 'SFX02',
    name: '始丰溪平桥断面',
    waterBody: 'river',
    river: '始丰溪',
    targetClass: 'III',
    anchor: at(120.88, 29.128),
    downstream: 0.25,
  },
  {
    code: 'SFX03',
    name: '始丰溪城西断面',
    waterBody: 'river',
    river: '始丰溪',
    targetClass: 'III',
    anchor: at(120.985, 29.1325),
    downstream: 0.5,
  },
  {
    code: 'SFX04',
    name: '始丰溪城东断面',
    waterBody: 'river',
    river: '始丰溪',
    targetClass: 'III',
    anchor: at(121.06, 29.1275),
    downstream: 0.7,
  },
  {
    code: 'SFX05',
    name: '始丰溪坦头断面',
    waterBody: 'river',
    river: '始丰溪',
    targetClass: 'III',
    anchor: at(121.13, 29.118),
    downstream: 0.85,
  },
  {
    code: 'SFX06',
    name: '始丰溪出境断面',
    waterBody: 'river',
    river: '始丰溪',
    targetClass: 'III',
    anchor: at(121.205, 29.105),
    downstream: 1,
  },
  {
    code: 'LSM01',
    name: '里石门水库',
    waterBody: 'reservoir',
    river: '里石门水库',
    targetClass: 'II',
    anchor: at(121.0, 29.28),
    downstream: 0,
  },
  {
    code: 'TBS01',
    name: '桐柏水库',
    waterBody: 'reservoir',
    river: '桐柏水库',
    targetClass: 'II',
    anchor: at(121.07, 29.22),
    downstream: 0,
  },
];

export type FunctionalZone = '0' | '1' | '2' | '3' | '4a' | '4b';

export interface NoisePointSpec {
  code: string;
  name: string;
  zone: FunctionalZone;
  anchor: Anchor;
  /** scenic point: louder on busy tourist days */
  scenic?: boolean;
}

export const NOISE_POINTS: readonly NoisePointSpec[] = [
  { code: 'N001', name: '县中医院康复区', zone: '0', anchor: at(121.0172, 29.1362) },
  { code: 'N002', name: '国清寺景区', zone: '1', anchor: at(121.0412, 29.1722), scenic: true },
  { code: 'N003', name: '赤城街道居民区', zone: '1', anchor: at(121.0362, 29.1548) },
  { code: 'N004', name: '县行政中心', zone: '2', anchor: at(121.0068, 29.1452) },
  { code: 'N005', name: '城区商业中心', zone: '2', anchor: at(121.0338, 29.1408) },
  { code: 'N006', name: '福溪工业功能区', zone: '3', anchor: at(121.0705, 29.1135) },
  { code: 'N007', name: '赤城路交通干线', zone: '4a', anchor: at(121.0315, 29.1472) },
  { code: 'N008', name: 'G351国道平桥段', zone: '4a', anchor: at(120.905, 29.1515) },
  { code: 'N009', name: '杭台高铁沿线', zone: '4b', anchor: at(121.0455, 29.0985) },
];

/** GB 3096-2008 limits, dB(A): [day, night]. */
export const NOISE_LIMITS: Record<FunctionalZone, readonly [number, number]> = {
  '0': [50, 40],
  '1': [55, 45],
  '2': [60, 50],
  '3': [65, 55],
  '4a': [70, 55],
  '4b': [70, 60],
};
