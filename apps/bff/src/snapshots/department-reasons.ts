import type { Level, Localized } from '@cockpit/contracts';
import { haversineM } from '@cockpit/domain/routing';
import { inRegion } from '../indicators/rollup';

const DAY_MS = 86_400_000;

type Place = { name: string; lon: number; lat: number; villageCode: string };
type RegionLike = {
  code: string;
  name: string;
  level: Level;
  parentCode: string | null;
  centroid: readonly [number, number];
};

/** 本村 / 本乡镇 / 本县: how a region speaks of itself on its own tile. */
const SELF: Record<Level, Localized> = {
  village: { zh: '本村', en: 'This village' },
  township: { zh: '本乡镇', en: 'This township' },
  county: { zh: '本县', en: 'The county' },
};

/**
 * Why a department tile of a region shows no figure of its own, stated only from data that has arrived (a
 * dataset not loaded yet proves nothing, so it gives no reason): no car park in the region (with the nearest
 * one and its straight-line distance), no air station (the tile then shows the nearest enclosing region that
 * has one, named), no 120 call in the last 24 hours. Null: the region has figures of its own, or the data
 * that would prove their absence has not arrived.
 */
export function parkingReason(region: RegionLike, lots: readonly Place[] | undefined): Localized | null {
  if (!lots || lots.some((l) => inRegion(region.code, l.villageCode))) return null;
  const self = SELF[region.level];
  const [lon, lat] = region.centroid;
  const nearest = lots
    .map((l) => ({ l, km: haversineM(lon, lat, l.lon, l.lat) / 1000 }))
    .sort((a, b) => a.km - b.km)[0];
  if (!nearest) return { zh: `${self.zh}无停车场`, en: `${self.en} has no car park` };
  const km = nearest.km.toFixed(1);
  return {
    zh: `${self.zh}无停车场 · 最近：${nearest.l.name} ${km} 公里`,
    en: `${self.en} has no car park · nearest: ${nearest.l.name}, ${km} km`,
  };
}

/**
 * The region whose air figures an eco tile shows: the region itself when it has a station, else the nearest
 * enclosing region that has one (a village without a station: its township, or the county), with the reason.
 * Undefined when the stations have not arrived.
 */
export function airHost<R extends RegionLike>(
  region: R,
  stationVillages: readonly string[] | undefined,
  regionOf: (code: string) => R | undefined,
): { host: R; reason: Localized | null } | undefined {
  if (!stationVillages) return undefined;
  const has = (r: R) => stationVillages.some((v) => inRegion(r.code, v));
  if (has(region)) return { host: region, reason: null };
  const self = SELF[region.level];
  for (let up = region.parentCode ? regionOf(region.parentCode) : undefined; up; ) {
    if (has(up))
      return {
        host: up,
        reason: {
          zh: `${self.zh}无空气监测站，显示所属${up.level === 'county' ? '县' : '乡镇'}（${up.name}）`,
          en: `${self.en} has no air station: showing ${up.name}`,
        },
      };
    up = up.parentCode ? regionOf(up.parentCode) : undefined;
  }
  return { host: region, reason: { zh: `${self.zh}无空气监测站`, en: `${self.en} has no air station` } };
}

/** Why a region's 120 response median is empty: no call in the last 24 hours, or none reached yet. */
export function traumaReason(
  region: RegionLike,
  incidents: readonly { villageCode: string; calledAt: number; arrivedSceneAt: number | null }[] | undefined,
  nowMs: number,
  medianKnown: boolean,
): Localized | null {
  if (!incidents || medianKnown) return null;
  const self = SELF[region.level];
  const recent = incidents.filter(
    (i) => inRegion(region.code, i.villageCode) && i.calledAt >= nowMs - DAY_MS,
  );
  if (recent.length === 0)
    return { zh: `${self.zh}近 24 小时无急救呼叫`, en: `${self.en}: no 120 call in the last 24 hours` };
  return {
    zh: `近 24 小时 ${recent.length} 起呼叫，尚无到达现场记录`,
    en: `${recent.length} calls in the last 24 hours, none reached on scene yet`,
  };
}
