import { AQI_LEVELS, WATER_CLASSES } from '@cockpit/domain/eco';
import { describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../../components/chartSizes';
import {
  aqiColor,
  aqiGaugeOption,
  aqiPieces,
  beijingLabel,
  hexToRgba,
  iaqiBarsOption,
  surfaceCells,
  waterClassOption,
  windowPoints,
} from './transform';

const sizes = CHART_SIZES.wall;
type AnyRecord = Record<string, unknown>;
const series0 = (o: unknown) => ((o as { series: AnyRecord[] }).series[0] ?? {}) as AnyRecord;

describe('eco transforms', () => {
  it('colours by the official HJ 633 levels at their boundaries', () => {
    expect(aqiColor(50)).toBe('#00E400');
    expect(aqiColor(51)).toBe('#FFFF00');
    expect(aqiColor(100)).toBe('#FFFF00');
    expect(aqiColor(101)).toBe('#FF7E00');
    expect(aqiColor(201)).toBe('#99004C');
    expect(aqiColor(301)).toBe('#7E0023');
    const pieces = aqiPieces();
    expect(pieces).toHaveLength(6);
    expect(pieces[0]).toEqual({ gte: 0, lte: 50, color: '#00E400' });
    expect(pieces[1]).toEqual({ gt: 50, lte: 100, color: '#FFFF00' });
    expect(pieces[5]).toEqual({ gt: 300, color: '#7E0023' });
  });

  it('draws the gauge arc in the six level colours and shows — without a reading', () => {
    const opt = series0(aqiGaugeOption(null, sizes));
    const stops = (opt.axisLine as { lineStyle: { color: [number, string][] } }).lineStyle.color;
    expect(stops.map((s) => s[1])).toEqual(AQI_LEVELS.map((l) => l.color));
    expect(stops.map((s) => s[0])).toEqual([0.1, 0.2, 0.3, 0.4, 0.6, 1]);
    expect((opt.detail as { formatter: string }).formatter).toBe('—');
    const withReading = series0(
      aqiGaugeOption(
        {
          aqi: 120,
          level: 3,
          category: '轻度污染',
          categoryEn: 'Lightly Polluted',
          color: '#FF7E00',
          primary: ['pm25'],
          exceeding: ['pm25'],
          iaqi: { pm25: 120 },
        },
        sizes,
      ),
    );
    expect((withReading.data as { value: number }[])[0]!.value).toBe(120);
    expect((withReading.detail as { color: string }).color).toBe('#FF7E00');
  });

  it('colours each IAQI bar by its own level', () => {
    const opt = series0(iaqiBarsOption({ pm25: 120, pm10: 40, o3_1h: 60 }, { pm25: 'PM2.5' }, sizes));
    expect(
      (opt.data as { value: number; itemStyle: { color: string } }[]).map((d) => d.itemStyle.color),
    ).toEqual(['#FF7E00', '#00E400', '#FFFF00']);
  });

  it('colours water classes officially', () => {
    const counts = WATER_CLASSES.map((c, i) => ({ label: c.label, color: c.color, count: i }));
    const opt = series0(waterClassOption(counts, sizes));
    expect((opt.data as { itemStyle: { color: string } }[])[5]!.itemStyle.color).toBe('#FF0000');
  });

  it('cuts a series to its window and labels hours in Beijing time', () => {
    const points = Array.from({ length: 48 }, (_, i) => ({
      at: new Date(Date.parse('2026-10-01T00:00:00Z') + i * 3600_000).toISOString(),
      value: i,
    }));
    const day = windowPoints(points, '24h');
    expect(day).toHaveLength(24);
    expect(day[0]!.value).toBe(24);
    expect(windowPoints(points, '7d')).toHaveLength(48);
    expect(beijingLabel('2026-10-01T16:00:00Z', '24h')).toBe('00:00');
    expect(beijingLabel('2026-10-01T16:00:00Z', '7d')).toBe('10-02 00:00');
  });

  it('turns the IDW grid into cells coloured by the PM2.5 level, leaving out cells outside the county', () => {
    const cells = surfaceCells({
      method: 'IDW p=2',
      pollutant: 'pm25',
      unit: 'μg/m³',
      at: '2026-10-03T04:00:00Z',
      bbox: [120, 29, 120.2, 29.1],
      cols: 2,
      rows: 1,
      cellSizeDeg: [0.1, 0.1],
      values: [35, null],
    });
    expect(cells).toHaveLength(1);
    expect(cells[0]!.polygon[0]).toEqual([120, 29.1]);
    expect(cells[0]!.color).toEqual(hexToRgba('#00E400', 80)); // 35 μg/m³ → IAQI 50 → 优
    const over = surfaceCells({
      method: 'IDW p=2',
      pollutant: 'pm25',
      unit: 'μg/m³',
      at: '2026-10-03T04:00:00Z',
      bbox: [120, 29, 120.1, 29.1],
      cols: 1,
      rows: 1,
      cellSizeDeg: [0.1, 0.1],
      values: [36],
    });
    expect(over[0]!.color).toEqual(hexToRgba('#FFFF00', 80));
  });
});
