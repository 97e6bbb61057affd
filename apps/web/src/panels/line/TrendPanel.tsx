import type { TrendOptions } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useChartSizes } from '../../components/chartSizes';
import { EChart } from '../../components/EChart';
import { Loading, Panel } from '../../components/Panel';
import { themeSnapshotQuery } from '../../layout/snapshot';
import type { PanelProps } from '../../layout/types';
import { indicatorCatalogQuery } from '../../lib/snapshot';
import { sourcesOf } from '../kpi/transform';
import { panelTitle } from '../title';
import { forecastOf } from './forecast';
import { trendOption } from './trend';

/** The `trend` panel type: an indicator's last 24 hours as a line or an area, with its forecast band if asked. */
export default function TrendPanel({ options, scope }: PanelProps<z.infer<typeof TrendOptions>>) {
  const { t, i18n } = useTranslation();
  const sizes = useChartSizes();
  const snapshot = useQuery(themeSnapshotQuery(scope.theme, scope.regionCode)).data;
  const catalog = useQuery(indicatorCatalogQuery()).data;
  const series = snapshot?.series.find((s) => s.indicatorId === options.indicatorId);
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
            forecast: options.forecast ? forecastOf(snapshot, options.indicatorId) : [],
            names: { forecast: t('layout.forecast'), band: t('layout.band') },
          })
        : undefined,
    [series, snapshot, name, options, sizes, t],
  );
  return (
    <Panel
      title={panelTitle(options.title, i18n.language, `${t('panel.trend24h')} · ${name}`)}
      sources={sourcesOf(snapshot?.sources ?? [], [options.indicatorId], (id) => catalog?.get(id)?.source)}
      at={snapshot?.generatedAt}
      status={series?.status}
    >
      {!snapshot ? (
        <Loading />
      ) : !option ? (
        <p className="muted">{t('layout.notForLevel')}</p>
      ) : (
        <>
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
