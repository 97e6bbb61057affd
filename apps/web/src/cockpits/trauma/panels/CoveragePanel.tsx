import type { TraumaSnapshot } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import { Figure, Panel } from '../../../components/Panel';
import { formatPercent } from '../../../lib/format';
import { BAND_COLORS, BEYOND_COLOR, type Rgba } from '../model';
import { useTraumaUi } from '../store';
import { useSource } from './common';

const css = ([r, g, b]: Rgba) => `rgb(${r}, ${g}, ${b})`;

/** Villages beyond 15 minutes from the nearest ambulance station, by township; the isochrone toggle. */
export function CoveragePanel({ snapshot }: { snapshot: TraumaSnapshot | undefined }) {
  const { t } = useTranslation();
  const src = useSource(snapshot);
  const show = useTraumaUi((s) => s.showCoverage);
  const toggle = useTraumaUi((s) => s.toggleCoverage);
  const c = snapshot?.coverage;
  const bands = t('trauma.bands', { returnObjects: true }) as string[];
  return (
    <Panel title={t('trauma.coverage')} source={src.source} sources={src.sources} className="panel--compact">
      {c && (
        <>
          <div className="coverage__head">
            <Figure value={String(c.gaps)} unit={t('trauma.gaps')} />
            <Figure
              value={c.coveredShare === null ? '—' : formatPercent(c.coveredShare).replace('%', '')}
              unit="%"
              label={t('trauma.covered')}
            />
            <button
              type="button"
              className="toggle"
              aria-pressed={show}
              data-testid="coverage-toggle"
              onClick={toggle}
            >
              {show ? t('trauma.hideIsochrones') : t('trauma.showIsochrones')}
            </button>
          </div>
          {show && (
            <ul className="legend">
              {[...BAND_COLORS, BEYOND_COLOR].map((col, i) => (
                <li key={bands[i] ?? i}>
                  <span className="legend__swatch" style={{ background: css(col) }} />
                  {bands[i]}
                </li>
              ))}
            </ul>
          )}
          <table className="board" data-testid="coverage-gaps">
            <thead>
              <tr>
                <th>{t('trauma.township')}</th>
                <th>{t('trauma.gaps')}</th>
                <th>{t('trauma.worst')}</th>
              </tr>
            </thead>
            <tbody>
              {c.townships
                .filter((r) => r.gaps > 0)
                .slice(0, 5)
                .map((r) => (
                  <tr key={r.townshipCode}>
                    <td>{r.name}</td>
                    <td>
                      {r.gaps} / {r.villages}
                    </td>
                    <td>
                      {r.worstMinutes === null ? '—' : `${Math.round(r.worstMinutes)} ${t('trauma.minutes')}`}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p className="muted trauma-note">{t('trauma.approx')}</p>
        </>
      )}
    </Panel>
  );
}
