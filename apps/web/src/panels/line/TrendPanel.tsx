import { effectiveBands, type TrendOptions } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useChartSizes } from '../../components/chartSizes';
import { EChart } from '../../components/EChart';
import { Loading, Panel } from '../../components/Panel';
import { themeSnapshotQuery } from '../../layout/snapshot';
import type { PanelProps } from '../../layout/types';
import { indicatorCatalogQuery, indicatorDefinitionsByIdQuery } from '../../lib/snapshot';
import { sourcesOf } from '../kpi/transform';
import { panelTitle } from '../title';
import { forecastOf } from './forecast';
import { indicatorHistoryQuery } from './history.api';
import { trendOption } from './trend';
import { axisLabelOf, seriesFromHistory, stepMinutes, windowCaption } from './window';

/**
 * The `trend` panel type: an indicator's last 24 hours (the snapshot's series) or 7/30/365 days (the stored
 * history) as a line or an area, captioned with its span and step; on 24 h, its forecast band if asked.
 */
export default function TrendPanel({ options, scope }: PanelProps<z.infer<typeof TrendOptions>>) {
  const { t, i18n } = useTranslation();
  const sizes = useChartSizes();
  const snapshot = useQuery(themeSnapshotQuery(scope.theme, scope.regionCode)).data;
  const catalog = useQuery(indicatorCatalogQuery()).data;
  const definition = useQuery(indicatorDefinitionsByIdQuery()).data?.get(options.indicatorId);
  const bands = useMemo(
    () => effectiveBands(options.thresholds, definition),
    [options.thresholds, definition],
  );
  const window = options.window;
  const fromHistory = window !== '24h';
  const history = useQuery({
    ...indicatorHistoryQuery(options.indicatorId, scope.regionCode, window === '24h' ? '7d' : window),
    enabled: fromHistory && options.indicatorId !== '',
  });
  const series = fromHistory
    ? history.data && seriesFromHistory(history.data)
    : snapshot?.series.find((s) => s.indicatorId === options.indicatorId);
  const meta = catalog?.get(options.indicatorId);
  const name = meta ? (i18n.language === 'en' ? meta.name.en : meta.name.zh) : options.indicatorId;
  const option = useMemo(
    () =>
      series && series.points.length > 0
        ? trendOption(series, {
            name,
            color: options.color,
            style: options.style,
            sizes,
            dayLabel: t('panel.midnight'),
            forecast: options.forecast && !fromHistory ? forecastOf(snapshot, options.indicatorId) : [],
            names: { forecast: t('layout.forecast'), band: t('layout.band') },
            axisLabel: axisLabelOf(window),
            dayMarks: window === '24h' || window === '7d',
            bands,
            bandNames: { warning: t('panel.bandWarning'), alarm: t('panel.bandAlarm') },
          })
        : undefined,
    [series, snapshot, name, options, sizes, t, window, fromHistory, bands],
  );
  const caption = windowCaption(
    window,
    series ? stepMinutes(series.points) : null,
    i18n.language,
    fromHistory ? history.data?.downsampled?.bucketSeconds : null,
  );
  return (
    <Panel
      title={panelTitle(options.title, i18n.language, `${caption.split(' · ')[0]} · ${name}`)}
      sources={sourcesOf(snapshot?.sources ?? [], [options.indicatorId], (id) => catalog?.get(id)?.source)}
      at={fromHistory ? history.data?.to : snapshot?.generatedAt}
      status={series?.status}
    >
      {fromHistory && history.isError ? (
        <p className="muted">{history.error.message}</p>
      ) : (fromHistory ? !history.data : !snapshot) ? (
        <Loading />
      ) : fromHistory && series?.points.length === 0 ? (
        <p className="muted">{t('panel.noData')}</p>
      ) : !option ? (
        <p className="muted">{t('layout.notForLevel')}</p>
      ) : (
        <>
          <div className="chart-caption" data-testid="trend-window">
            {caption}
          </div>
          {series?.regionName && (
            <div className="chart-caption" data-testid="series-caption">
              {t('panel.ofParent', { name: series.regionName })}
            </div>
          )}
          <EChart option={option} label={name} className="chart chart--line" />
        </>
      )}
    </Panel>
  );
}
