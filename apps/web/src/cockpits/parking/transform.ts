import type {
  ParkingGuideScreen,
  ParkingLot,
  ParkingLotDetail,
  ParkingOccupancyCurve,
  ParkingOccupancyLevel,
} from '@cockpit/contracts';
import { formatBeijing } from '@cockpit/domain/time';
import type { ChartSizes } from '../../components/chartSizes';
import type { EChartsOption } from '../../components/echarts';

/** Status colours (theme.css --ok / --warning / --alarm): occupancy < 85 %, ≥ 85 %, ≥ 95 %. */
export const LEVEL_RGB: Record<ParkingOccupancyLevel, [number, number, number]> = {
  ok: [46, 204, 113],
  busy: [245, 165, 36],
  full: [255, 77, 79],
};
/** Route colours by rank (theme accent family; not status colours). */
export const ROUTE_RGB: [number, number, number][] = [
  [79, 141, 255],
  [54, 195, 240],
  [180, 140, 255],
];
const ACCENT = '#4f8dff';
const MUTED = '#a9bbd6';

/** Circle radius in metres from the capacity: area ∝ berths (320 berths ≈ 160 m). */
export function lotRadiusM(berthTotal: number): number {
  return Math.max(40, Math.sqrt(Math.max(0, berthTotal)) * 9);
}

/** A screen icon's colour: offline or stale heartbeat → alarm red, out of sync → amber, else ok green. */
export function screenRgb(screen: Pick<ParkingGuideScreen, 'online' | 'issues'>): [number, number, number] {
  const codes = screen.issues.map((i) => i.code);
  if (!screen.online || codes.includes('OFFLINE') || codes.includes('STALE_HEARTBEAT')) return LEVEL_RGB.full;
  if (codes.includes('MISMATCH') || codes.includes('UNKNOWN_LOT')) return LEVEL_RGB.busy;
  return LEVEL_RGB.ok;
}

/** HH:mm in Beijing time, whatever the machine's zone. */
export function beijingHm(iso: string): string {
  return formatBeijing(iso, 'HH:mm');
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/**
 * The 24 h occupancy curve (%) followed by the forecast (+15/+30/+60) and its band. Category axis of
 * Beijing HH:mm labels; the forecast line starts at the last observed point so the two join. The band is a
 * transparent lower series plus a stacked (upper − lower) area.
 */
export function occupancyCurveOption(
  curve: ParkingOccupancyCurve,
  opts: { sizes: ChartSizes; names: { observed: string; forecast: string; band: string } },
): EChartsOption {
  const { sizes } = opts;
  const obs = curve.points;
  const fc = curve.forecast;
  const labels = [...obs.map((p) => beijingHm(p.at)), ...fc.map((p) => beijingHm(p.at))];
  const lastObs = obs.at(-1);
  const n = obs.length;
  const observed = [...obs.map((p) => pct(p.rate)), ...fc.map(() => null)];
  const forecast = [
    ...obs.map((_, i) => (i === n - 1 && lastObs ? pct(lastObs.rate) : null)),
    ...fc.map((p) => pct(p.rate)),
  ];
  const lower = [
    ...obs.map((_, i) => (i === n - 1 && lastObs ? pct(lastObs.rate) : null)),
    ...fc.map((p) => pct(p.lower)),
  ];
  const width = [
    ...obs.map((_, i) => (i === n - 1 && lastObs ? 0 : null)),
    ...fc.map((p) => pct(p.upper - p.lower)),
  ];
  return {
    animation: false,
    grid: { left: sizes.axis * 2.8, right: sizes.axis, top: sizes.axis * 1.8, bottom: sizes.axis * 1.8 },
    legend: {
      top: 0,
      right: 0,
      textStyle: { color: MUTED, fontSize: sizes.axis },
      data: [opts.names.observed, opts.names.forecast, opts.names.band],
    },
    tooltip: { trigger: 'axis', textStyle: { fontSize: sizes.axis } },
    xAxis: {
      type: 'category',
      data: labels,
      boundaryGap: false,
      axisLabel: {
        color: MUTED,
        fontSize: sizes.axis,
        interval: Math.max(0, Math.ceil(labels.length / 6) - 1),
        // A narrow chart (an ultra-wide column) drops the hour labels that would run into each other.
        hideOverlap: true,
      },
      axisLine: { lineStyle: { color: 'rgba(100,160,230,0.4)' } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 50,
      axisLabel: { color: MUTED, fontSize: sizes.axis, formatter: '{value}%' },
      splitLine: { lineStyle: { color: 'rgba(100,160,230,0.15)' } },
    },
    series: [
      {
        type: 'line',
        name: opts.names.observed,
        data: observed,
        showSymbol: false,
        lineStyle: { width: Math.max(2, sizes.stroke / 6), color: ACCENT },
        itemStyle: { color: ACCENT },
        areaStyle: { color: ACCENT, opacity: 0.1 },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { color: MUTED, fontSize: sizes.axis, formatter: '{c}%', position: 'insideEndTop' },
          lineStyle: { color: 'rgba(245,165,36,0.7)', type: 'dashed' },
          data: [{ yAxis: 85 }],
        },
      },
      {
        type: 'line',
        name: opts.names.band,
        data: lower,
        stack: 'band',
        showSymbol: false,
        lineStyle: { opacity: 0 },
        itemStyle: { color: 'rgba(54,195,240,0.35)' },
        tooltip: { show: false },
      },
      {
        type: 'line',
        name: opts.names.band,
        data: width,
        stack: 'band',
        showSymbol: false,
        lineStyle: { opacity: 0 },
        itemStyle: { color: 'rgba(54,195,240,0.35)' },
        areaStyle: { color: 'rgba(54,195,240,0.28)' },
        tooltip: { show: false },
      },
      {
        type: 'line',
        name: opts.names.forecast,
        data: forecast,
        showSymbol: true,
        symbolSize: sizes.axis / 3,
        lineStyle: { width: Math.max(2, sizes.stroke / 6), color: '#36c3f0', type: 'dashed' },
        itemStyle: { color: '#36c3f0' },
      },
    ],
  };
}

/** The lots of `ids`, in that order (ids not in `lots` are skipped). */
export function lotsByIds(lots: readonly ParkingLot[], ids: readonly string[]): ParkingLot[] {
  const byId = new Map(lots.map((l) => [l.lotId, l]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Free berths at a horizon, or null. */
export function freeAt(lot: ParkingLot, horizonMin: number): number | null {
  return lot.prediction.find((p) => p.horizonMin === horizonMin)?.free ?? null;
}

/** Lot detail chart: free berths over the last 24 h, then the forecast with its band. */
export function lotFreeOption(
  detail: ParkingLotDetail,
  opts: { sizes: ChartSizes; names: { observed: string; forecast: string; band: string } },
): EChartsOption {
  const h = detail.history;
  const f = detail.forecast;
  const { sizes } = opts;
  const labels = [...h.map((p) => beijingHm(p.at)), ...f.map((p) => beijingHm(p.at))];
  const n = h.length;
  const last = h.at(-1);
  const join = (i: number, v: number | null) => (i === n - 1 && last ? v : null);
  return {
    animation: false,
    grid: { left: sizes.axis * 2.6, right: sizes.axis, top: sizes.axis * 1.8, bottom: sizes.axis * 1.8 },
    legend: {
      top: 0,
      right: 0,
      textStyle: { color: MUTED, fontSize: sizes.axis },
      data: [opts.names.observed, opts.names.forecast],
    },
    tooltip: { trigger: 'axis', textStyle: { fontSize: sizes.axis } },
    xAxis: {
      type: 'category',
      data: labels,
      boundaryGap: false,
      axisLabel: {
        color: MUTED,
        fontSize: sizes.axis,
        interval: Math.max(0, Math.ceil(labels.length / 5) - 1),
        // A narrow chart (an ultra-wide column) drops the hour labels that would run into each other.
        hideOverlap: true,
      },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: detail.lot.berthTotal,
      splitNumber: 2,
      axisLabel: { color: MUTED, fontSize: sizes.axis },
      splitLine: { lineStyle: { color: 'rgba(100,160,230,0.15)' } },
    },
    series: [
      {
        type: 'line',
        name: opts.names.observed,
        data: [...h.map((p) => p.free), ...f.map(() => null)],
        showSymbol: false,
        lineStyle: { color: ACCENT, width: Math.max(2, sizes.stroke / 6) },
        itemStyle: { color: ACCENT },
      },
      {
        type: 'line',
        name: opts.names.band,
        stack: 'band',
        data: [...h.map((_, i) => join(i, last?.free ?? null)), ...f.map((p) => p.lower)],
        showSymbol: false,
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
      },
      {
        type: 'line',
        name: opts.names.band,
        stack: 'band',
        data: [...h.map((_, i) => join(i, 0)), ...f.map((p) => p.upper - p.lower)],
        showSymbol: false,
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(54,195,240,0.28)' },
        tooltip: { show: false },
      },
      {
        type: 'line',
        name: opts.names.forecast,
        data: [...h.map((_, i) => join(i, last?.free ?? null)), ...f.map((p) => p.free)],
        showSymbol: true,
        symbolSize: sizes.axis / 3,
        lineStyle: { color: '#36c3f0', type: 'dashed', width: Math.max(2, sizes.stroke / 6) },
        itemStyle: { color: '#36c3f0' },
      },
    ],
  };
}
