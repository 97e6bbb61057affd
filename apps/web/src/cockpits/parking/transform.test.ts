import type { ParkingLot, ParkingOccupancyCurve } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../components/chartSizes';
import { beijingHm, LEVEL_RGB, lotRadiusM, lotsByIds, occupancyCurveOption, screenRgb } from './transform';

const names = { observed: 'obs', forecast: 'fc', band: 'band' };
type LineSeries = { name: string; data: (number | null)[]; stack?: string };

const curve: ParkingOccupancyCurve = {
  points: [
    { at: '2026-10-03T03:30:00.000Z', rate: 0.5 },
    { at: '2026-10-03T03:45:00.000Z', rate: 0.6 },
    { at: '2026-10-03T04:00:00.000Z', rate: 0.7 },
  ],
  forecast: [
    { at: '2026-10-03T04:15:00.000Z', rate: 0.72, lower: 0.7, upper: 0.75 },
    { at: '2026-10-03T04:30:00.000Z', rate: 0.74, lower: 0.7, upper: 0.8 },
  ],
};

describe('occupancyCurveOption', () => {
  const option = occupancyCurveOption(curve, { sizes: CHART_SIZES.wall, names });
  const series = option.series as LineSeries[];
  it('labels the axis in Beijing time, observed then forecast', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['11:30', '11:45', '12:00', '12:15', '12:30']);
  });
  it('draws observed % then the forecast joined at the last observation', () => {
    expect(series.find((s) => s.name === 'obs')!.data).toEqual([50, 60, 70, null, null]);
    expect(series.find((s) => s.name === 'fc')!.data).toEqual([null, null, 70, 72, 74]);
  });
  it('stacks the band as lower + (upper − lower)', () => {
    const band = series.filter((s) => s.stack === 'band');
    expect(band[0]!.data.slice(3)).toEqual([70, 70]);
    expect(band[1]!.data.slice(3).map((v) => Math.round((v ?? 0) * 10) / 10)).toEqual([5, 10]);
  });
});

describe('map encodings', () => {
  it('sizes lots by capacity (area ∝ berths) with a floor', () => {
    expect(lotRadiusM(400)).toBeCloseTo(2 * lotRadiusM(100));
    expect(lotRadiusM(0)).toBe(40);
  });
  it('colours screens: offline red, out of sync amber, fine green', () => {
    expect(screenRgb({ online: false, issues: [] })).toEqual(LEVEL_RGB.full);
    expect(screenRgb({ online: true, issues: [{ code: 'MISMATCH', detail: { zh: '', en: '' } }] })).toEqual(
      LEVEL_RGB.busy,
    );
    expect(screenRgb({ online: true, issues: [] })).toEqual(LEVEL_RGB.ok);
  });
  it('formats HH:mm in Beijing time whatever the zone', () => {
    expect(beijingHm('2026-10-02T16:05:00Z')).toBe('00:05');
  });
  it('orders lots by the given ids and skips unknown ones', () => {
    const lot = (lotId: string) => ({ lotId }) as ParkingLot;
    expect(lotsByIds([lot('A'), lot('B')], ['B', 'X', 'A']).map((l) => l.lotId)).toEqual(['B', 'A']);
  });
});
