import type { IndicatorMeta, OverviewSnapshot } from '@cockpit/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useChartSizes } from '../../../components/chartSizes';
import { EChart } from '../../../components/EChart';
import { Loading, Panel } from '../../../components/Panel';
import { oldestAt, worstStatus } from '../../../lib/indicator-format';
import { KpiTiles } from '../../../panels/kpi/KpiTiles';
import { lineOption } from '../../../panels/line/transform';
import { pick, sourceName } from './common';

type Props = {
  title: string;
  snapshot: OverviewSnapshot | undefined;
  catalog: ReadonlyMap<string, IndicatorMeta> | undefined;
  indicatorIds: string[];
  /** The department systems whose data the panel shows. */
  systems: string[];
  /** An indicator whose 24-hour series to draw under the figures. */
  seriesId?: string;
  color: string;
};

/** One field of the plan (transport, urban management, health, tourism): figures, optionally a 24 h trend. */
export function FieldPanel({ title, snapshot, catalog, indicatorIds, systems, seriesId, color }: Props) {
  const { t, i18n } = useTranslation();
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
