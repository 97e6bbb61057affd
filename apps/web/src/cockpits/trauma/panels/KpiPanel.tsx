import type { IndicatorMeta, TraumaSnapshot } from '@cockpit/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useChartSizes } from '../../../components/chartSizes';
import { EChart } from '../../../components/EChart';
import { Panel } from '../../../components/Panel';
import { oldestAt, worstStatus } from '../../../lib/indicator-format';
import { KpiTiles } from '../../../panels/kpi/KpiTiles';
import { lineOption } from '../../../panels/line/transform';
import { useSource } from './common';

const IDS = [
  'trauma.callToDispatchMinutes',
  'trauma.medianResponseMinutes',
  'trauma.onSceneMinutes',
  'trauma.transportMinutes',
  'trauma.preHospitalMinutes',
  'trauma.goldenHourShare',
  'trauma.doorToCtMinutes',
  'trauma.timeSavedMinutes',
];

/** Pre-hospital KPI cards (medians over 24 h) and the calls-per-hour trend. */
export function KpiPanel({
  snapshot,
  catalog,
}: {
  snapshot: TraumaSnapshot | undefined;
  catalog: ReadonlyMap<string, IndicatorMeta> | undefined;
}) {
  const { t } = useTranslation();
  const sizes = useChartSizes();
  const src = useSource(snapshot);
  const values = IDS.map((id) => snapshot?.indicators.find((i) => i.indicatorId === id));
  const present = values.filter((v) => v !== undefined);
  const series = snapshot?.series.find((s) => s.indicatorId === 'trauma.callsPerHour');
  const option = useMemo(
    () =>
      series ? lineOption(series, { name: t('trauma.callsPerHour'), color: '#ff6b81', sizes }) : undefined,
    [series, sizes, t],
  );
  return (
    <Panel
      title={t('trauma.kpis')}
      source={src.source}
      sources={src.sources}
      at={oldestAt(present)}
      status={worstStatus(present)}
    >
      <KpiTiles values={values} catalog={catalog} />
      {option && (
        <>
          <div className="chart-caption">{t('trauma.callsPerHour')}</div>
          <EChart option={option} label={t('trauma.callsPerHour')} className="chart chart--line" />
        </>
      )}
    </Panel>
  );
}
