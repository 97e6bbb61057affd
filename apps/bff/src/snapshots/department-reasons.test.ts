import { describe, expect, it } from 'vitest';
import { airHost, parkingReason, traumaReason } from './department-reasons';

const region = <L extends 'county' | 'township' | 'village'>(
  code: string,
  name: string,
  level: L,
  parentCode: string | null,
) => ({ code, name, level, parentCode, centroid: [120.9, 29.15] as const });
const county = region('331023', '天台县', 'county', null);
const town = region('331023105', '平桥镇', 'township', '331023');
const village = region('331023105200', '八角亭村', 'village', '331023105');
const regions = new Map([county, town, village].map((r) => [r.code, r]));
const regionOf = (code: string) => regions.get(code);

describe('why a department tile has no figure of its own', () => {
  it('parking: nothing before the lots have arrived; no lot in the village names the nearest with its distance', () => {
    expect(parkingReason(village, undefined)).toBeNull();
    const lots = [
      // 0.01° of latitude ≈ 1.11 km; the farther one is listed first.
      { name: '远处停车场', lon: 120.9, lat: 29.2, villageCode: '331023105201' },
      { name: '镇中心停车场', lon: 120.9, lat: 29.17, villageCode: '331023105201' },
    ];
    expect(parkingReason(village, lots)).toEqual({
      zh: '本村无停车场 · 最近：镇中心停车场 2.2 公里',
      en: 'This village has no car park · nearest: 镇中心停车场, 2.2 km',
    });
    // A village with a lot of its own has its own figures: no reason.
    expect(parkingReason(village, [{ ...lots[0]!, villageCode: village.code }])).toBeNull();
    expect(parkingReason(village, [])?.zh).toBe('本村无停车场');
  });

  it('eco: a village without a station is shown the nearest enclosing region that has one, named', () => {
    expect(airHost(village, undefined, regionOf)).toBeUndefined();
    expect(airHost(village, ['331023105200'], regionOf)).toEqual({ host: village, reason: null });
    expect(airHost(village, ['331023105201'], regionOf)).toEqual({
      host: town,
      reason: {
        zh: '本村无空气监测站，显示所属乡镇（平桥镇）',
        en: 'This village has no air station: showing 平桥镇',
      },
    });
    const up = airHost(village, ['331023101001'], regionOf)!;
    expect(up.host).toBe(county);
    expect(up.reason?.zh).toBe('本村无空气监测站，显示所属县（天台县）');
    expect(airHost(village, [], regionOf)).toEqual({
      host: village,
      reason: { zh: '本村无空气监测站', en: 'This village has no air station' },
    });
  });

  it('trauma: no reason while the median is known or the incidents have not arrived; else what the 24 hours held', () => {
    const now = Date.parse('2026-07-15T04:00:00Z');
    const call = (hoursAgo: number, villageCode = village.code) => ({
      villageCode,
      calledAt: now - hoursAgo * 3_600_000,
      arrivedSceneAt: null,
    });
    expect(traumaReason(village, undefined, now, false)).toBeNull();
    expect(traumaReason(village, [call(1)], now, true)).toBeNull();
    expect(traumaReason(village, [call(30), call(1, '331023105201')], now, false)?.zh).toBe(
      '本村近 24 小时无急救呼叫',
    );
    expect(traumaReason(village, [call(1), call(2), call(30)], now, false)?.zh).toBe(
      '近 24 小时 2 起呼叫，尚无到达现场记录',
    );
  });
});
