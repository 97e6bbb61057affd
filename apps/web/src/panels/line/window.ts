import type { IndicatorSeries, Series, TrendOptions } from '@cockpit/contracts';
import { formatBeijing } from '@cockpit/domain/time';
import type { z } from 'zod';

export type TrendWindow = z.infer<typeof TrendOptions>['window'];

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** What the stored history is asked for a window: none for 24h (the snapshot's series is used). */
export function historyRequest(
  window: TrendWindow,
  nowMs: number,
): { from: string; to: string; step: 'hour' | 'day' } | null {
  if (window === '24h') return null;
  const days = window === '7d' ? 7 : window === '30d' ? 30 : 365;
  // Whole hours, so the request (and the cache) does not change with every second.
  const to = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  return {
    from: new Date(to - days * DAY_MS).toISOString(),
    to: new Date(to).toISOString(),
    step: window === '7d' ? 'hour' : 'day',
  };
}

/** The stored series as the trend draws it ([time, value] pairs become points; it is the stored truth). */
export function seriesFromHistory(s: IndicatorSeries): Series {
  return {
    indicatorId: s.indicatorId,
    unit: s.unit,
    status: 'ok',
    points: s.points.map(([at, value]) => ({ at, value })),
  };
}

/** The usual spacing of a series' points in minutes (the median gap), or null with fewer than two. */
export function stepMinutes(points: readonly { at: string }[]): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < points.length; i++)
    gaps.push((Date.parse(points[i]!.at) - Date.parse(points[i - 1]!.at)) / 60_000);
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}

/**
 * The caption that says what a trend shows: its span and its step. `step` in minutes (60 = hourly,
 * 1440 = daily); a downsampled history says the bucket it averaged over.
 */
export function windowCaption(
  window: TrendWindow,
  step: number | null,
  lang: string,
  downsampledSeconds?: number | null,
): string {
  const en = lang === 'en';
  const span = {
    '24h': en ? 'Last 24 h' : '近 24 小时',
    '7d': en ? 'Last 7 days' : '近 7 天',
    '30d': en ? 'Last 30 days' : '近 30 天',
    '365d': en ? 'Last 365 days' : '近 365 天',
  }[window];
  const every = (minutes: number) => {
    const [size, one, many] =
      minutes % 1440 === 0
        ? [1440, en ? 'daily' : '逐日', en ? 'days' : '天']
        : minutes % 60 === 0
          ? [60, en ? 'hourly' : '逐小时', en ? 'h' : '小时']
          : [1, '', en ? 'min' : '分钟'];
    const n = minutes / size;
    if (n === 1 && one) return one;
    return en ? `every ${n} ${many}` : `每 ${n} ${many}`;
  };
  const parts = [span];
  if (downsampledSeconds) parts.push(`${every(downsampledSeconds / 60)}${en ? ' (mean)' : '均值'}`);
  else if (step !== null) parts.push(every(step));
  if (window !== '24h') parts.push(en ? 'stored history' : '历史库');
  return parts.join(' · ');
}

/** The x-axis label of a point: the hour for a day's span, date and hour for a week, the date beyond. */
export function axisLabelOf(window: TrendWindow): ((iso: string) => string) | undefined {
  if (window === '24h') return undefined;
  if (window === '7d') return (iso) => formatBeijing(iso, 'MM-dd HH:00');
  return (iso) => formatBeijing(iso, 'yyyy-MM-dd HH:mm:ss').slice(5, 10);
}
