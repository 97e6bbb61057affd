import type { OverviewFieldOptions } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useChartSizes } from '../../../components/chartSizes';
import { EChart } from '../../../components/EChart';
import { Loading, Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { oldestAt, worstStatus } from '../../../lib/indicator-format';
import { indicatorCatalogQuery } from '../../../lib/snapshot';
import { KpiTiles } from '../../../panels/kpi/KpiTiles';
import { lineOption } from '../../../panels/line/transform';
import { overviewSnapshotQuery } from '../api/overview.api';
import { pick, sourceName } from './common';

/** One field of the plan (transport, urban management, health, tourism): figures, optionally a 24 h trend. */
export default function FieldPanel({ options, scope }: PanelProps<z.infer<typeof OverviewFieldOptions>>) {
  const { t, i18n } = useTranslation();
  const snapshot = useQuery(overviewSnapshotQuery(scope.regionCode)).data;
  const catalog = useQuery(indicatorCatalogQuery()).data;
  const { indicatorIds, systems, color } = options;
  const seriesId = options.seriesIndicatorId ?? undefined;
  const title = t(`overview.${options.field}`);
  const sizes = useChartSizes();
  const values = indicatorIds.map((id) => pick(snapshot, id));
  const present = values.filter((v) => v !== undefined);
  const series = seriesId ? snapshot?.series.find((s) => s.indicatorId === seriesId) : undefined;
  const meta = seriesId ? catalog?.get(seriesId) : undefined;
  const option = useMemo(
    () =>
      series && series.points.length > 0
        ? lineOption(series, {
            name: meta?.name.zh ?? series.indicatorId,
            color,
            sizes,
            dayLabel: t('panel.midnight'),
          })
        : undefined,
    [series, meta, color, sizes, t],
  );
  return (
    <Panel
      title={title}
      source={systems.map((s) => sourceName(snapshot, s, i18n.language)).join(' · ')}
      sources={snapshot?.sources.filter((s) => systems.includes(s.system))}
      at={oldestAt(present)}
      status={worstStatus(present)}
      className="panel--field"
    >
      {!snapshot ? (
        <Loading />
      ) : present.length === 0 ? (
        <p className="muted">{t('panel.notAtLevel')}</p>
      ) : (
        <KpiTiles values={values} catalog={catalog} />
      )}
      {option && (
        <>
          <div className="chart-caption" data-testid="series-caption" data-region={series?.regionCode ?? ''}>
            {/* A series of another region (a village is shown its township's) names that region. */}
            {series?.regionName && (
              <strong className="chart-caption__parent">
                {t('panel.ofParent', { name: series.regionName })} ·{' '}
              </strong>
            )}
            {t('panel.trend24h')} · {i18n.language === 'en' ? meta?.name.en : meta?.name.zh}
            {/* A "today" total starts again at 0 at midnight: the caption says so. */}
            {seriesId === 'health.outpatientVisits' && ` · ${t('panel.dayBoundary')}`}
          </div>
          <EChart option={option} label={`${title} 24h`} className="chart chart--line" />
        </>
      )}
    </Panel>
  );
}
