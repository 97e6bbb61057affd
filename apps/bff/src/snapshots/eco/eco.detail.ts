import type { EcoStationDetail, EcoWindow, Series } from '@cockpit/contracts';
import { COMPARE_WINDOW_MS, compareYearOnYear } from '@cockpit/domain/eco';
import type { DatasetRead } from '../../indicators/dataset-cache';
import type { AirObservation, NoiseObservation, WaterObservation } from '../../upstreams/env-monitor/adapter';
import { CONC_KEYS, hourlyReading } from './eco.compute';
import type { EcoSites } from './eco.data';

type History<T> = { latestMs: number | null; rows: T[] };

export const NO_LAST_YEAR =
  '监测平台仅保留最近 30 天数据，去年同期无数据 / the monitoring platform keeps 30 days: no data for last year';

const AIR_UNITS: Record<(typeof CONC_KEYS)[number], string> = {
  pm25: 'μg/m³',
  pm10: 'μg/m³',
  so2: 'μg/m³',
  no2: 'μg/m³',
  co: 'mg/m³',
  o3_1h: 'μg/m³',
};
const WATER_KEYS = [
  ['ph', ''],
  ['do', 'mg/L'],
  ['codMn', 'mg/L'],
  ['nh3n', 'mg/L'],
  ['tp', 'mg/L'],
  ['tn', 'mg/L'],
] as const;

/** One station's series over the window, and each series against the same period last year. */
export function stationDetail(input: {
  code: string;
  window: EcoWindow;
  /** Undefined while the station list cannot be obtained: the kind then follows the code's pattern. */
  sites: EcoSites | undefined;
  air: DatasetRead<History<AirObservation>>;
  water: DatasetRead<History<WaterObservation>>;
  noise: DatasetRead<History<NoiseObservation>>;
}): EcoStationDetail | null {
  const { code, window, sites } = input;
  const span = COMPARE_WINDOW_MS[window];
  const inWindow = <T extends { at: string }>(read: DatasetRead<History<T>>, match: (r: T) => boolean) => {
    const latestMs = read.value?.latestMs ?? null;
    const rows = (read.value?.rows ?? []).filter(
      (r) => match(r) && latestMs !== null && Date.parse(r.at) > latestMs - span,
    );
    return { rows, latestMs, status: read.status };
  };
  const series: Series[] = [];
  let base: Pick<EcoStationDetail, 'name' | 'lon' | 'lat' | 'villageCode' | 'kind'>;
  let endMs: number | null;

  const unknown = { name: code, lon: null, lat: null, villageCode: null };
  const air = sites ? sites.air.find((s) => s.code === code) : /^\d{4}A$/.test(code) ? unknown : undefined;
  const water = sites
    ? sites.water.find((s) => s.code === code)
    : /^[A-Z]{3}\d{2}$/.test(code)
      ? { ...unknown, waterbody: 'river' as const }
      : undefined;
  const noise = sites
    ? sites.noise.find((s) => s.code === code)
    : /^N\d{3}$/.test(code)
      ? unknown
      : undefined;
  if (air) {
    base = { ...air, kind: 'air' };
    const w = inWindow(input.air, (r) => r.stationCode === code);
    endMs = w.latestMs;
    series.push({
      indicatorId: 'aqi',
      unit: '',
      status: w.status,
      points: w.rows.map((r) => ({ at: r.at, value: hourlyReading(r)?.aqi ?? null })),
    });
    for (const k of CONC_KEYS) {
      series.push({
        indicatorId: k,
        unit: AIR_UNITS[k],
        status: w.status,
        points: w.rows.map((r) => ({ at: r.at, value: r[k] })),
      });
    }
  } else if (water) {
    base = { ...water, kind: 'water' };
    const w = inWindow(input.water, (r) => r.sectionCode === code);
    endMs = w.latestMs;
    for (const [k, unit] of WATER_KEYS) {
      if (k === 'tn' && water.waterbody === 'river') continue; // not assessed for rivers
      series.push({
        indicatorId: k,
        unit,
        status: w.status,
        points: w.rows.map((r) => ({ at: r.at, value: r[k] })),
      });
    }
  } else if (noise) {
    base = { ...noise, kind: 'noise' };
    const w = inWindow(input.noise, (r) => r.pointCode === code);
    endMs = w.latestMs;
    series.push({
      indicatorId: 'leq',
      unit: 'dB(A)',
      status: w.status,
      points: w.rows.map((r) => ({ at: r.at, value: r.leq })),
    });
  } else {
    return null;
  }

  const yearOnYear = series.map((s) => {
    const cmp =
      endMs === null
        ? null
        : compareYearOnYear(
            s.points.map((p) => ({ atMs: Date.parse(p.at), value: p.value })),
            { window, endMs: endMs + 1 },
          );
    const digits = meanDigits(base.kind, s.indicatorId);
    const round = (v: number | null | undefined) => (v == null ? null : roundTo(v, digits));
    return {
      indicatorId: s.indicatorId,
      currentMean: round(cmp?.current.mean),
      previousMean: round(cmp?.previous.mean),
      change: round(cmp?.change),
      note: cmp?.previous.count ? null : NO_LAST_YEAR,
    };
  });
  return {
    code,
    name: base.name,
    kind: base.kind,
    lon: base.lon,
    lat: base.lat,
    villageCode: base.villageCode,
    window,
    series,
    yearOnYear,
  };
}

/**
 * Published precision of a mean: AQI an integer (HJ 633-2012); concentrations in whole μg/m³ and CO in mg/m³
 * with one decimal, as HJ 633 reports them (HJ 663 rounding); Leq one decimal (GB 3096); water parameters two
 * decimals. "72.67" AQI becomes 73.
 */
export function meanDigits(kind: string, indicatorId: string): number {
  if (kind === 'air') return indicatorId === 'co' ? 1 : 0;
  if (kind === 'noise') return 1;
  return 2;
}

/** Round half away from zero at `digits` decimals (the convention of the standards above). */
function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  return (Math.sign(v) * Math.round(Math.abs(v) * f + Number.EPSILON)) / f;
}
