import type { IndicatorStatus, SourceStatus } from '@cockpit/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../lib/format';
import { panelFreshness } from '../lib/indicator-format';

type Props = {
  title: string;
  /** Where the data comes from, e.g. 停车平台. Defaults to the names of `sources`. */
  source?: string | undefined;
  /**
   * The department systems feeding the panel, as the snapshot reports them: the badge shows the worst of
   * their state and `status` (延迟 / 中断), and the footer says 模拟数据 when any of them is simulated.
   */
  sources?: readonly SourceStatus[] | undefined;
  /** Time of the data (ISO, UTC). */
  at?: string | undefined;
  status?: IndicatorStatus | undefined;
  children: ReactNode;
  className?: string;
};

/** Every panel: a title, the figure or chart, and a one-line footer with source, time of data and freshness. */
export function Panel({ title, source, sources, at, status, children, className }: Props) {
  const { t, i18n } = useTranslation();
  const fresh = panelFreshness(status, sources ?? []);
  const names =
    source ?? (sources ?? []).map((s) => (i18n.language === 'en' ? s.name.en : s.name.zh)).join(' · ');
  const simulated = (sources ?? []).some((s) => s.simulated);
  return (
    <section className={`panel ${className ?? ''}`} aria-label={title}>
      <h2 className="panel__title">{title}</h2>
      <div className="panel__body">{children}</div>
      <footer className="panel__footer">
        <div className="panel__footer-line">
          <span className="panel__source" title={names}>
            {t('panel.sourceIs', { names })}
          </span>
          {/* Apart from the (possibly truncated) names, so the marker always shows. */}
          {simulated && (
            <span className="panel__simulated" data-testid="simulated">
              {t('panel.simulated')}
            </span>
          )}
          {at && (
            <span className="panel__at" title={`${t('panel.updated')} ${formatClock(at)}`}>
              <span className="panel__at-label">{t('panel.updated')} </span>
              {formatClock(at)}
            </span>
          )}
          {fresh && <FreshnessBadge status={fresh.status} down={fresh.down} />}
        </div>
      </footer>
    </section>
  );
}

/** 正常, 延迟 (late: the data is older than its target) or 中断 (down: the system does not answer). */
export function FreshnessBadge({ status, down }: { status: IndicatorStatus; down?: boolean | undefined }) {
  const { t } = useTranslation();
  const label =
    status === 'ok' ? t('status.ok') : status === 'error' || down ? t('status.down') : t('status.stale');
  return (
    <span className={`badge badge--${status}`} data-status={status} data-down={down ? 'true' : undefined}>
      {label}
    </span>
  );
}

/** Shown instead of content until the first data has arrived: absence is stated only once it is known. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" data-testid="loading" aria-busy="true">
      {t('panel.loading')}
    </p>
  );
}

/** A headline figure with its unit in a smaller size beside it. */
export function Figure({ value, unit, label }: { value: string; unit?: string; label?: string }) {
  return (
    <div className="figure">
      {label && <div className="figure__label">{label}</div>}
      <div>
        <span className="figure__value">{value}</span>
        {unit && <span className="figure__unit">{unit}</span>}
      </div>
    </div>
  );
}
