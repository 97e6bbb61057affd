import type { Series } from '@cockpit/contracts';
import type { ChartSizes } from '../../components/chartSizes';
import type { EChartsOption } from '../../components/echarts';
import type { Bands } from '../gauge/transform';
import { beijingHourLabel, lineOption } from './transform';

/** A predicted value after the last observation, with its band (same unit as the series). */
export type ForecastPoint = { at: string; value: number; lower: number; upper: number };

type SeriesItem = Record<string, unknown>;

/**
 * Pure transform of the `trend` panel: the series as a line or an area (Beijing hours, midnight marked, as
 * lineOption draws it) and, when a forecast is given, the forecast after the last observation as a dashed
 * line with its band (lower bound plus the band's width, stacked and filled).
 */
export function trendOption(
  series: Series,
  opts: {
    name: string;
    color: string;
    style: 'line' | 'area';
    sizes: ChartSizes;
    dayLabel?: string;
    forecast?: readonly ForecastPoint[];
    names?: { forecast: string; band: string };
    axisLabel?: ((iso: string) => string) | undefined;
    dayMarks?: boolean;
    /** Warning and alarm limits drawn as lines in their band colours (the axis stretches to show them). */
    bands?: Bands | null | undefined;
    bandNames?: { warning: string; alarm: string };
  },
): EChartsOption {
  const drawn = lineOption(series, {
    name: opts.name,
    color: opts.color,
    sizes: opts.sizes,
    dayLabel: opts.dayLabel,
    axisLabel: opts.axisLabel,
    dayMarks: opts.dayMarks ?? true,
  });
  const limits = bandLines(opts.bands, opts.bandNames, opts.sizes.axis);
  const [observed] = drawn.series as SeriesItem[];
  const line: SeriesItem = { ...observed };
  const base: EChartsOption =
    limits.length === 0
      ? drawn
      : {
          ...drawn,
          // The limits stay in view even when the values keep far from them.
          yAxis: {
            ...(drawn.yAxis as SeriesItem),
            min: (e: { min: number }) => Math.min(e.min, ...limits.map((l) => l.yAxis)),
            max: (e: { max: number }) => Math.max(e.max, ...limits.map((l) => l.yAxis)),
          },
        };
  if (limits.length > 0) {
    const marks: SeriesItem & { data?: unknown[] } = (observed?.markLine as SeriesItem | undefined) ?? {
      silent: true,
      symbol: 'none',
      lineStyle: { color: '#a9bbd6', type: 'dashed', width: 1 },
    };
    line.markLine = { ...marks, data: [...(marks.data ?? []), ...limits] };
  }
  if (opts.style === 'line') delete line.areaStyle;
  const forecast = opts.forecast ?? [];
  if (forecast.length === 0) return { ...base, series: [line] };

  const n = series.points.length;
  const last = series.points.at(-1)?.value ?? null;
  // The forecast starts at the last observation, so the dashed line and its band join the observed one.
  const join = <T>(atLast: T, rest: T[]) => [
    ...series.points.map((_, i) => (i === n - 1 ? atLast : null)),
    ...rest,
  ];
  const xAxis = base.xAxis as SeriesItem;
  return {
    ...base,
    xAxis: {
      ...xAxis,
      data: [
        ...series.points.map((p) => beijingHourLabel(p.at)),
        ...forecast.map((p) => beijingHourLabel(p.at)),
      ],
    },
    series: [
      { ...line, data: [...(line.data as (number | null)[]), ...forecast.map(() => null)] },
      {
        type: 'line',
        name: opts.names?.forecast ?? 'forecast',
        data: join(
          last,
          forecast.map((p) => p.value),
        ),
        showSymbol: false,
        lineStyle: { width: Math.max(2, opts.sizes.stroke / 6), color: opts.color, type: 'dashed' },
      },
      {
        type: 'line',
        name: `${opts.names?.band ?? 'band'}-lower`,
        data: join(
          last,
          forecast.map((p) => p.lower),
        ),
        stack: 'band',
        showSymbol: false,
        lineStyle: { opacity: 0 },
        silent: true,
      },
      {
        type: 'line',
        name: opts.names?.band ?? 'band',
        data: join(
          last === null ? null : 0,
          forecast.map((p) => p.upper - p.lower),
        ),
        stack: 'band',
        showSymbol: false,
        lineStyle: { opacity: 0 },
        areaStyle: { color: opts.color, opacity: 0.25 },
        silent: true,
      },
    ],
  };
}

/**
 * The markLine items of the warning and alarm limits (value scale, as the series), each in its band colour
 * and labelled with its name.
 */
export function bandLines(
  bands: Bands | null | undefined,
  names: { warning: string; alarm: string } | undefined,
  fontSize: number,
): { yAxis: number; name: string; lineStyle: SeriesItem; label: SeriesItem }[] {
  if (!bands) return [];
  return (['warning', 'alarm'] as const).flatMap((band) => {
    const limit = bands.thresholds[band];
    if (limit === null) return [];
    const colour = bands.colors[band];
    const name = names?.[band] ?? band;
    return [
      {
        yAxis: limit,
        name,
        lineStyle: { color: colour, type: 'solid', width: 2 },
        label: { formatter: name, color: colour, fontSize, position: 'insideEndTop' },
      },
    ];
  });
}
