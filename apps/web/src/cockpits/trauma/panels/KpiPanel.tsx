import type { TraumaKpisOptions } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useChartSizes } from '../../../components/chartSizes';
import { EChart } from '../../../components/EChart';
import { Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { oldestAt, worstStatus } from '../../../lib/indicator-format';
import { indicatorCatalogQuery } from '../../../lib/snapshot';
import { KpiTiles } from '../../../panels/kpi/KpiTiles';
import { lineOption } from '../../../panels/line/transform';
import { useSource, useTraumaSnapshot } from './common';
import { kpisView } from './views';

/** trauma.kpis: pre-hospital KPI cards (medians over 24 h, bound by indicator id) and the calls-per-hour trend. */
export default function KpiPanel({ options, scope }: PanelProps<z.infer<typeof TraumaKpisOptions>>) {
  const { t } = useTranslation();
  const sizes = useChartSizes();
  const { snapshot } = useTraumaSnapshot(scope.regionCode);
  const catalog = useQuery(indicatorCatalogQuery());
  const src = useSource(snapshot);
  const { values, present, trend } = kpisView(snapshot, options);
  const option = useMemo(
    () =>
      trend ? lineOption(trend, { name: t('trauma.callsPerHour'), color: '#ff6b81', sizes }) : undefined,
    [trend, sizes, t],
  );
  return (
    <Panel
      title={t('trauma.kpis')}
      source={src.source}
      sources={src.sources}
      at={oldestAt(present)}
      status={worstStatus(present)}
    >
      <KpiTiles values={values} catalog={catalog.data} />
      {option && (
        <>
          <div className="chart-caption">{t('trauma.callsPerHour')}</div>
          <EChart option={option} label={t('trauma.callsPerHour')} className="chart chart--line" />
        </>
      )}
    </Panel>
  );
}
