import type { IndicatorMeta, IndicatorValue } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import { FreshnessBadge } from '../../components/Panel';
import { formatClock } from '../../lib/format';
import { formatIndicator } from '../../lib/indicator-format';

type Props = {
  values: readonly (IndicatorValue | undefined)[];
  catalog: ReadonlyMap<string, IndicatorMeta> | undefined;
  /** Shown where an indicator is not counted at this level. */
  notAtLevel?: string;
  /** The band a figure is in and its colour (KPI tiles by their bands); absent: no band colouring. */
  bandOf?: (value: IndicatorValue) => { band: string; colour: string | undefined } | null;
};

/**
 * Headline figures with their units. A stale value stays on screen, marked with its badge and the time of
 * the last good value; a value that was never obtained shows a dash.
 */
export function KpiTiles({ values, catalog, bandOf }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="kpis">
      {values.map((v, i) => {
        if (!v) return null;
        const meta = catalog?.get(v.indicatorId);
        const { text, unit } = formatIndicator(v.value, v.unit, lang);
        const band = bandOf?.(v);
        return (
          <div
            key={v.indicatorId ?? i}
            className={`kpi kpi--${v.status}`}
            data-indicator={v.indicatorId}
            data-status={v.status}
            data-band={band?.band}
          >
            {/* Until the catalogue arrives the label is the indicator's id, marked as still loading. */}
            <div className="kpi__label" aria-busy={catalog ? undefined : true}>
              {meta ? (lang === 'en' ? meta.name.en : meta.name.zh) : v.indicatorId}
            </div>
            <div>
              <span className="kpi__value" style={band?.colour ? { color: band.colour } : undefined}>
                {text}
              </span>
              {unit && <span className="kpi__unit">{unit}</span>}
            </div>
            {v.status !== 'ok' && (
              <div className="kpi__stale">
                <FreshnessBadge status={v.status} />
                {v.lastGoodAt && (
                  <span>
                    {' '}
                    {t('panel.lastGood')} {formatClock(v.lastGoodAt)}
                  </span>
                )}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
