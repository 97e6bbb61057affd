import type { IndicatorStatus } from '@cockpit/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../lib/format';

type Props = {
  title: string;
  /** Where the data comes from, e.g. 停车平台. */
  source: string;
  /** Time of the data (ISO, UTC). */
  at?: string | undefined;
  status?: IndicatorStatus | undefined;
  children: ReactNode;
  className?: string;
};

/** Every panel: a title, the figure or chart, and a one-line footer with source, time of data and freshness. */
export function Panel({ title, source, at, status, children, className }: Props) {
  const { t } = useTranslation();
  return (
    <section className={`panel ${className ?? ''}`} aria-label={title}>
      <h2 className="panel__title">{title}</h2>
      <div className="panel__body">{children}</div>
      <footer className="panel__footer">
        <span>
          {t('panel.source')}：{source}
        </span>
        {at && (
          <span>
            {t('panel.updated')} {formatClock(at)}
          </span>
        )}
        {status && <FreshnessBadge status={status} />}
      </footer>
    </section>
  );
}

export function FreshnessBadge({ status }: { status: IndicatorStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
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
