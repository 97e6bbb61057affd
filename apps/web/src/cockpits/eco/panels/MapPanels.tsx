import type { EcoLegendOptions, SourceStatus } from '@cockpit/contracts';
import { AQI_LEVELS, NOISE_ZONES, WATER_CLASSES } from '@cockpit/domain/eco';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useChartSizes } from '../../../components/chartSizes';
import { EChart } from '../../../components/EChart';
import { Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { ecoStationQuery } from '../api/eco.api';
import { type EcoMapMode, useEcoUi } from '../store';
import { sourceOf, useEcoSnapshot, useParamLabels, WindowTabs } from './AirPanels';
import { aqiTrendOption, seriesLineOption } from './transform';

/**
 * eco.legend: map mode switch, the legend in the official colours, and the data notes. On a wall the theme's
 * host docks it on the map instead (seeded wall layouts leave it out).
 */
export function LegendPanel({ scope }: PanelProps<z.infer<typeof EcoLegendOptions>>) {
  const { t, i18n } = useTranslation();
  const snapshot = useEcoSnapshot(scope.regionCode);
  const en = i18n.language === 'en';
  const mode = useEcoUi((s) => s.mode);
  const setMode = useEcoUi((s) => s.setMode);
  return (
    <Panel
      title={t('eco.legend')}
      source={sourceOf(snapshot, i18n.language)}
      sources={snapshot?.sources}
      at={snapshot?.air.surface?.at}
    >
      <div className="eco-tabs" role="tablist">
        {(['air', 'water', 'noise'] as EcoMapMode[]).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={m === mode}
            className="eco-tab"
            onClick={() => setMode(m)}
          >
            {t(`eco.mode.${m}`)}
          </button>
        ))}
      </div>
      <ul className="eco-legend" data-testid="eco-legend" data-mode={mode}>
        {mode === 'air' &&
          AQI_LEVELS.map((l) => (
            <li key={l.level}>
              <span className="eco-chip" style={{ background: l.color }} />
              {l.max === null ? `>${l.min - 1}` : `${l.min}–${l.max}`} {en ? l.categoryEn : l.category}
            </li>
          ))}
        {mode === 'water' &&
          WATER_CLASSES.map((c) => (
            <li key={c.class}>
              <span className="eco-chip" style={{ background: c.color }} />
              {c.label} {en ? c.categoryEn : c.category}
            </li>
          ))}
        {mode === 'noise' && (
          <>
            <li>
              <span className="eco-chip eco-chip--ok" />
              {t('eco.compliant')}
            </li>
            <li>
              <span className="eco-chip eco-chip--alarm" />
              {t('eco.exceeded')}
            </li>
            {NOISE_ZONES.map((z) => (
              <li key={z.zone} className="muted">
                {z.zone}: {z.day}/{z.night} dB(A)
              </li>
            ))}
          </>
        )}
      </ul>
      <p className="muted eco-note">
        {mode === 'air' && `${t('eco.surfaceNote')}（${snapshot?.air.surface?.method ?? 'IDW p=2'}）。`}
        {mode === 'water' && `${t('eco.riverNote')}。`}
        {t('eco.positionsNote')}。{t('eco.pickStation')}
      </p>
    </Panel>
  );
}

/** The selected station: its series over the window and the same period last year. */
export function StationPanel({
  code,
  sources,
}: {
  code: string;
  sources?: readonly SourceStatus[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const sizes = useChartSizes();
  const window = useEcoUi((s) => s.window);
  const select = useEcoUi((s) => s.select);
  const labels = useParamLabels();
  const q = useQuery(ecoStationQuery(code, window));
  const d = q.data;
  const [param, setParam] = useState<string | null>(null);
  const main = d?.series.find((s) => s.indicatorId === param) ?? d?.series[0];
  const option = useMemo(() => {
    if (!main) return undefined;
    return main.indicatorId === 'aqi'
      ? aqiTrendOption(main.points, window, sizes)
      : seriesLineOption(main.points, window, sizes, {
          name: labels[main.indicatorId] ?? main.indicatorId,
          color: '#3ddc97',
        });
  }, [main, window, sizes, labels]);
  const yoy =
    d?.yearOnYear.filter((y) => y.currentMean !== null && y.indicatorId === main?.indicatorId) ?? [];
  return (
    <Panel
      title={`${t('eco.station')} · ${d ? d.name : code}`}
      source={i18n.language === 'en' ? 'Environment monitoring' : '生态环境监测'}
      sources={sources}
      at={main?.points.at(-1)?.at}
      status={main?.status}
      className="eco-station"
    >
      <div data-testid="eco-station" data-code={code} data-kind={d?.kind ?? ''}>
        <div className="eco-station__head">
          <span className="muted">
            {d ? t(`eco.kind.${d.kind}`) : ''} {code}
          </span>
          <button type="button" className="eco-tab" onClick={() => select(null)}>
            {t('eco.close')}
          </button>
        </div>
        <WindowTabs />
        {d && d.series.length > 1 && (
          <div className="eco-tabs eco-tabs--wrap" role="tablist">
            {d.series.map((s) => (
              <button
                key={s.indicatorId}
                type="button"
                role="tab"
                aria-selected={s.indicatorId === main?.indicatorId}
                className="eco-tab"
                onClick={() => setParam(s.indicatorId)}
              >
                {labels[s.indicatorId] ?? s.indicatorId}
              </button>
            ))}
          </div>
        )}
        {q.isError && <p className="muted">{String(q.error)}</p>}
        {option && main && (
          <>
            <div className="chart-caption">
              {labels[main.indicatorId] ?? main.indicatorId} {main.unit}
            </div>
            <EChart option={option} label={`${code} ${main.indicatorId}`} className="chart chart--line" />
          </>
        )}
        {yoy.length > 0 && (
          <table className="eco-table">
            <thead>
              <tr>
                <th />
                <th>{t('eco.mean')}</th>
                <th>{t('eco.yoy')}</th>
              </tr>
            </thead>
            <tbody>
              {yoy.map((y) => (
                <tr key={y.indicatorId}>
                  <td>{labels[y.indicatorId] ?? y.indicatorId}</td>
                  <td>{y.currentMean}</td>
                  <td className="muted">
                    {y.previousMean === null ? t('eco.noLastYear') : `${y.previousMean} → ${y.change}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Panel>
  );
}
