import type { IndicatorMeta, OverviewSnapshot } from '@cockpit/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useChartSizes } from '../../../components/chartSizes';
import { EChart } from '../../../components/EChart';
import { Panel } from '../../../components/Panel';
import { oldestAt, worstStatus } from '../../../lib/indicator-format';
import { KpiTiles } from '../../../panels/kpi/KpiTiles';
import { lineOption } from '../../../panels/line/transform';
import { pick, sourceName } from './common';

type Props = {
  title: string;
  snapshot: OverviewSnapshot | undefined;
  catalog: ReadonlyMap<string, IndicatorMeta> | undefined;
  indicatorIds: string[];
  system: string;
  /** An indicator whose 24-hour series to draw under the figures. */
  seriesId?: string;
  color: string;
};

/** One field of the plan (transport, urban management, health, tourism): figures, optionally a 24 h trend. */
export function FieldPanel({ title, snapshot, catalog, indicatorIds, system, seriesId, color }: Props) {
  const { t, i18n } = useTranslation();
  const sizes = useChartSizes();
  const values = indicatorIds.map((id) => pick(snapshot, id));
  const present = values.filter((v) => v !== undefined);
  const series = seriesId ? snapshot?.series.find((s) => s.indicatorId === seriesId) : undefined;
  const meta = seriesId ? catalog?.get(seriesId) : undefined;
  const option = useMemo(
    () =>
      series && series.points.length > 0
        ? lineOption(series, { name: meta?.name.zh ?? series.indicatorId, color, sizes })
        : undefined,
    [series, meta, color, sizes],
  );
  return (
    <Panel
      title={title}
      source={sourceName(snapshot, system, i18n.language)}
      at={oldestAt(present)}
      status={worstStatus(present)}
    >
      {present.length === 0 && snapshot ? (
        <p className="muted">{t('panel.notAtLevel')}</p>
      ) : (
        <KpiTiles values={values} catalog={catalog} />
      )}
      {option && (
        <>
          <div className="chart-caption">
            {t('panel.trend24h')} · {i18n.language === 'en' ? meta?.name.en : meta?.name.zh}
          </div>
          <EChart option={option} label={`${title} 24h`} className="chart chart--line" />
        </>
      )}
    </Panel>
  );
}
