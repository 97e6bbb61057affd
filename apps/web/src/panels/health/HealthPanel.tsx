import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { healthQuery } from '../../app/health.api';
import { useChartSizes } from '../../components/chartSizes';
import { EChart } from '../../components/EChart';
import { Panel } from '../../components/Panel';
import { healthGaugeOption } from './transform';

/** Sample panel: the BFF's health through TanStack Query, drawn by the shared EChart component. */
export function HealthPanel() {
  const { t } = useTranslation();
  const health = useQuery(healthQuery());
  const sizes = useChartSizes();
  const option = useMemo(
    () => (health.data ? healthGaugeOption(health.data, { title: t('health.upstreams') }, sizes) : undefined),
    [health.data, t, sizes],
  );
  const data = health.data;
  return (
    <Panel
      title={t('health.title')}
      source="BFF /api/v1/health"
      at={data?.now}
      status={health.isError ? 'error' : data ? (data.status === 'ok' ? 'ok' : 'stale') : undefined}
    >
      {option && <EChart option={option} label={t('health.title')} className="chart chart--gauge" />}
      {data ? (
        <dl className="facts">
          <dt>{t('health.service')}</dt>
          <dd>{t(`health.${data.status}`)}</dd>
          <dt>{t('health.uptime')}</dt>
          <dd>
            {Math.floor(data.uptimeSeconds / 3600)} {t('unit.hours')}{' '}
            {Math.floor((data.uptimeSeconds % 3600) / 60)} {t('unit.minutes')}
          </dd>
          <dt>{t('health.version')}</dt>
          <dd>{data.version}</dd>
          {data.upstreams.length === 0 && <dd className="muted">{t('health.none')}</dd>}
        </dl>
      ) : (
        <p className="muted">{t('panel.loading')}</p>
      )}
    </Panel>
  );
}
