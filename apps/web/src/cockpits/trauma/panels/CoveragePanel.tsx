import type { TraumaCoverageOptions } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Figure, Loading, Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { formatPercent } from '../../../lib/format';
import { BAND_COLORS, BEYOND_COLOR, type Rgba } from '../model';
import { useTraumaUi } from '../store';
import { useSource, useTraumaSnapshot } from './common';
import { coverageView } from './views';

const css = ([r, g, b]: Rgba) => `rgb(${r}, ${g}, ${b})`;

/** trauma.coverage: villages beyond 15 minutes from the nearest ambulance station, by township; the isochrone toggle. */
export default function CoveragePanel({ options, scope }: PanelProps<z.infer<typeof TraumaCoverageOptions>>) {
  const { t } = useTranslation();
  const { snapshot } = useTraumaSnapshot(scope.regionCode);
  const src = useSource(snapshot);
  const show = useTraumaUi((s) => s.showCoverage);
  const toggle = useTraumaUi((s) => s.toggleCoverage);
  const c = coverageView(snapshot, options);
  const bands = t('trauma.bands', { returnObjects: true }) as string[];
  return (
    <Panel title={t('trauma.coverage')} source={src.source} sources={src.sources} className="panel--compact">
      {!c ? (
        <Loading />
      ) : (
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
              {c.townships.map((r) => (
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
