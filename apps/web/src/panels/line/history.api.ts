import { IndicatorSeries } from '@cockpit/contracts';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../lib/api';
import { historyRequest, type TrendWindow } from './window';

/**
 * A region's stored series of one indicator over a trend window (GET /api/v1/indicators/{id}/series). The
 * key names the window, not its times: the times are taken (to the whole hour) when it is fetched.
 */
export const indicatorHistoryQuery = (
  indicatorId: string,
  regionCode: string,
  window: Exclude<TrendWindow, '24h'>,
) =>
  queryOptions({
    queryKey: ['indicator-series', indicatorId, regionCode, window] as const,
    queryFn: ({ signal }) => {
      const r = historyRequest(window, Date.now())!;
      const q = new URLSearchParams({ region: regionCode, from: r.from, to: r.to, step: r.step });
      return getJson(
        `/api/v1/indicators/${encodeURIComponent(indicatorId)}/series?${q}`,
        IndicatorSeries,
        signal,
      );
    },
    // The history gains a row an hour.
    staleTime: 10 * 60_000,
    refetchInterval: 15 * 60_000,
  });
