import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useUi } from '../stores/ui';
import { healthQuery } from './health.api';

/** Header indicator: are we receiving live data? Driven by the live stream, the BFF's health and its upstreams. */
export function Freshness() {
  const { t } = useTranslation();
  const health = useQuery(healthQuery());
  const live = useUi((s) => s.liveState);
  // Red when the BFF cannot be reached or the live stream is down; amber when a department system fails.
  const state =
    health.isError || live === 'down'
      ? 'error'
      : health.data?.status === 'degraded'
        ? 'stale'
        : health.data
          ? 'ok'
          : 'stale';
  const label =
    state === 'ok' ? t('header.fresh') : state === 'stale' ? t('header.stale') : t('header.error');
  // Demo data: a department system served by the bundled simulator (the BFF says which).
  const simulated = health.data?.upstreams.some((u) => u.simulated) ?? false;
  return (
    <>
      {simulated && (
        <div className="header-demo" data-testid="demo-data" title={t('header.demoTitle')}>
          {t('header.demo')}
        </div>
      )}
      <div className={`freshness freshness--${state}`} data-testid="freshness" data-state={state}>
        <span className="freshness__dot" aria-hidden />
        {t('header.freshness')} {label}
      </div>
    </>
  );
}
