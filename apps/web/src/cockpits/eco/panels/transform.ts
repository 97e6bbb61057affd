import type { AqiReading, EcoSnapshot, EcoSurface, EcoWindow, Series } from '@cockpit/contracts';
import { AQI_LEVELS, aqiLevelOf, computeAqi } from '@cockpit/domain/eco';
import { formatBeijing } from '@cockpit/domain/time';
import type { ChartSizes } from '../../../components/chartSizes';
import type { EChartsOption } from '../../../components/echarts';

const AXIS = '#a9bbd6';
const GRID = 'rgba(100,160,230,0.15)';
const HOUR_MS = 3600_000;
export const WINDOW_HOURS: Record<EcoWindow, number> = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30 };

/** The official HJ 633 colour of an AQI value. */
export const aqiColor = (aqi: number) => aqiLevelOf(aqi).color;

/** '#RRGGBB' → [r, g, b, a]. */
export function hexToRgba(hex: string, alpha = 255): [number, number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/** Beijing time label: HH:00 for a day, MM-DD HH:00 beyond. */
export function beijingLabel(iso: string, window: EcoWindow): string {
  return formatBeijing(iso, window === '24h' ? 'HH:00' : 'MM-dd HH:00');
}

/** The points of the last `window` hours (relative to the latest point). */
export function windowPoints(points: Series['points'], window: EcoWindow): Series['points'] {
  const last = points.at(-1);
  if (!last) return [];
  const from = Date.parse(last.at) - WINDOW_HOURS[window] * HOUR_MS;
  return points.filter((p) => Date.parse(p.at) > from);
}

/** "3 小时" / "1 天 2 小时" style duration from hours. */
export function durationParts(hours: number): { days: number; hours: number } {
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}

/** AQI gauge 0–500 with the six official level colours on its arc. */
export function aqiGaugeOption(reading: AqiReading | null, sizes: ChartSizes): EChartsOption {
  const stops = AQI_LEVELS.map((l) => [Math.min(l.max ?? 500, 500) / 500, l.color] as [number, string]);
  return {
    animation: false,
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 500,
        splitNumber: 10,
        radius: '92%',
        center: ['50%', '58%'],
        startAngle: 210,
        endAngle: -30,
        axisLine: { lineStyle: { width: sizes.stroke, color: stops } },
        pointer: { show: reading !== null, width: sizes.stroke / 3, itemStyle: { color: '#eaf2ff' } },
        axisTick: { show: false },
        splitLine: { length: sizes.stroke * 0.6, lineStyle: { color: '#06101f', width: 2 } },
        // No numbers round the arc: the colour bands, the figure and the category carry it.
        axisLabel: { show: false },
        title: { show: false },
        detail: {
          valueAnimation: false,
          fontSize: sizes.figure,
          fontWeight: 'bold',
          color: reading ? reading.color : AXIS,
          offsetCenter: [0, '30%'],
          formatter: reading ? '{value}' : '—',
        },
        data: [{ value: reading?.aqi ?? 0, name: 'AQI' }],
      },
    ],
  };
}

const IAQI_ORDER = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3_1h', 'o3_8h'] as const;

/** One bar per pollutant's IAQI, each in the official colour of its own level; a line at 100. */
export function iaqiBarsOption(
  iaqi: AqiReading['iaqi'],
  labels: Record<string, string>,
  sizes: ChartSizes,
): EChartsOption {
  const keys = IAQI_ORDER.filter((k) => iaqi[k] !== undefined);
  return {
    animation: false,
    grid: {
      left: sizes.axis * 3.4,
      right: sizes.axis * 2.4,
      top: sizes.axis * 0.5,
      bottom: sizes.axis * 1.6,
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: (v: { max: number }) => Math.max(150, Math.ceil(v.max / 50) * 50),
      axisLabel: { color: AXIS, fontSize: sizes.axis },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: keys.map((k) => labels[k] ?? k),
      axisLabel: { color: '#eaf2ff', fontSize: sizes.axis, interval: 0 },
    },
    series: [
      {
        type: 'bar',
        barWidth: '62%',
        data: keys.map((k) => ({ value: iaqi[k]!, itemStyle: { color: aqiColor(iaqi[k]!) } })),
        label: { show: true, position: 'right', color: '#eaf2ff', fontSize: sizes.axis },
        markLine: {
          symbol: 'none',
          silent: true,
          label: { show: false },
          lineStyle: { color: '#eaf2ff', type: 'dashed', width: 2 },
          data: [{ xAxis: 100 }],
        },
      },
    ],
  };
}

/** visualMap pieces of the six official AQI levels (contiguous: (50, 100] is 良, …). */
export function aqiPieces() {
  return AQI_LEVELS.map((l, i) => {
    const prev = AQI_LEVELS[i - 1];
    const lower = prev?.max == null ? { gte: 0 } : { gt: prev.max };
    return l.max === null ? { ...lower, color: l.color } : { ...lower, lte: l.max, color: l.color };
  });
}

/** AQI trend over the window, the line coloured by the official level bands (visualMap pieces). */
export function aqiTrendOption(
  points: Series['points'],
  window: EcoWindow,
  sizes: ChartSizes,
  name = 'AQI',
): EChartsOption {
  return {
    animation: false,
    grid: { left: sizes.axis * 2.6, right: sizes.axis, top: sizes.axis, bottom: sizes.axis * 1.8 },
    tooltip: { trigger: 'axis', textStyle: { fontSize: sizes.axis } },
    visualMap: {
      show: false,
      dimension: 1,
      pieces: aqiPieces(),
      outOfRange: { color: AXIS },
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => beijingLabel(p.at, window)),
      axisLabel: {
        color: AXIS,
        fontSize: sizes.axis,
        interval: Math.max(0, Math.ceil(points.length / 5) - 1),
        hideOverlap: true,
      },
      axisLine: { lineStyle: { color: 'rgba(100,160,230,0.4)' } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      splitNumber: 3,
      axisLabel: { color: AXIS, fontSize: sizes.axis },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        type: 'line',
        name,
        data: points.map((p) => p.value),
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: Math.max(2, sizes.stroke / 6) },
        markLine: {
          symbol: 'none',
          silent: true,
          label: { show: false },
          lineStyle: { color: '#FF7E00', type: 'dashed', width: 2 },
          data: [{ yAxis: 100 }],
        },
      },
    ],
  };
}

/** A plain line of one series over the window (water parameters, Leq, concentrations). */
export function seriesLineOption(
  points: Series['points'],
  window: EcoWindow,
  sizes: ChartSizes,
  opts: { name: string; color: string; limit?: number | undefined },
): EChartsOption {
  return {
    animation: false,
    grid: { left: sizes.axis * 2.8, right: sizes.axis, top: sizes.axis, bottom: sizes.axis * 1.8 },
    tooltip: { trigger: 'axis', textStyle: { fontSize: sizes.axis } },
    xAxis: {
      type: 'category',
      data: points.map((p) => beijingLabel(p.at, window)),
      axisLabel: {
        color: AXIS,
        fontSize: sizes.axis,
        interval: Math.max(0, Math.ceil(points.length / 4) - 1),
        hideOverlap: true,
      },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { color: AXIS, fontSize: sizes.axis },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        type: 'line',
        name: opts.name,
        data: points.map((p) => p.value),
        showSymbol: points.length < 60,
        lineStyle: { width: Math.max(2, sizes.stroke / 6), color: opts.color },
        itemStyle: { color: opts.color },
        ...(opts.limit !== undefined
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                label: { show: true, color: '#eaf2ff', fontSize: sizes.axis * 0.8 },
                lineStyle: { color: '#f5a524', type: 'dashed', width: 2 },
                data: [{ yAxis: opts.limit }],
              },
            }
          : {}),
      },
    ],
  };
}

/** Sections per class I … 劣V, each bar in its official GB 3838 colour. */
export function waterClassOption(
  classCounts: EcoSnapshot['water']['classCounts'],
  sizes: ChartSizes,
): EChartsOption {
  return {
    animation: false,
    grid: {
      left: sizes.axis * 0.5,
      right: sizes.axis * 0.5,
      top: sizes.axis * 1.4,
      bottom: sizes.axis * 1.6,
    },
    xAxis: {
      type: 'category',
      data: classCounts.map((c) => c.label),
      axisLabel: { color: '#eaf2ff', fontSize: sizes.axis },
    },
    // Each bar carries its count: no value axis to read.
    yAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    series: [
      {
        type: 'bar',
        data: classCounts.map((c) => ({ value: c.count, itemStyle: { color: c.color } })),
        label: { show: true, position: 'top', color: '#eaf2ff', fontSize: sizes.axis },
      },
    ],
  };
}

export type SurfaceCell = {
  polygon: [number, number][];
  value: number;
  color: [number, number, number, number];
};

/**
 * The IDW grid as cells: each a rectangle around its centre, coloured by the official AQI colour of its
 * PM2.5 (the PM2.5 sub-index, HJ 633 24 h rows as the hourly release does). Null cells (outside the county)
 * are left out.
 */
export function surfaceCells(surface: EcoSurface, alpha = 80): SurfaceCell[] {
  const [west, , , north] = surface.bbox;
  const [dLon, dLat] = surface.cellSizeDeg;
  const out: SurfaceCell[] = [];
  for (let r = 0; r < surface.rows; r++) {
    for (let c = 0; c < surface.cols; c++) {
      const v = surface.values[r * surface.cols + c];
      if (v === null || v === undefined) continue;
      const x0 = west + c * dLon;
      const y0 = north - r * dLat;
      const level = computeAqi({ pm25: v }, { period: 'hour' }).color;
      out.push({
        polygon: [
          [x0, y0],
          [x0 + dLon, y0],
          [x0 + dLon, y0 - dLat],
          [x0, y0 - dLat],
        ],
        value: v,
        color: hexToRgba(level, alpha),
      });
    }
  }
  return out;
}
