import type {
  EcoAlarmsOptions,
  EcoNoiseOptions,
  EcoWaterSection,
  EcoWaterSectionsOptions,
} from '@cockpit/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useChartSizes } from '../../../components/chartSizes';
import { EChart } from '../../../components/EChart';
import { Loading, Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { formatClock, formatPercent } from '../../../lib/format';
import { StoredAlarmList } from '../../../panels/alarms/StoredAlarmList';
import { useEcoUi } from '../store';
import { sourceOf, useEcoSnapshot, useParamLabels } from './AirPanels';
import { durationParts, waterClassOption } from './transform';
import { ecoAlarmsView, noiseView, waterView } from './views';

/** eco.water-sections: sections by class, compliance with their target, and what fails where. */
export function WaterPanel({ options, scope }: PanelProps<z.infer<typeof EcoWaterSectionsOptions>>) {
  const { t, i18n } = useTranslation();
  const sizes = useChartSizes();
  const select = useEcoUi((s) => s.select);
  const labels = useParamLabels();
  const snapshot = useEcoSnapshot(scope.regionCode);
  const view = waterView(snapshot, options);
  const v = view?.footer;
  const classCounts = view?.classCounts;
  const option = useMemo(
    () => (classCounts ? waterClassOption(classCounts, sizes) : undefined),
    [classCounts, sizes],
  );
  return (
    <Panel
      title={t('eco.water')}
      source={sourceOf(snapshot, i18n.language)}
      sources={snapshot?.sources}
      at={v?.at}
      status={v?.status}
    >
      {!view ? (
        <Loading />
      ) : view.total === 0 ? (
        <p className="muted">—</p>
      ) : (
        <>
          <div className="eco-headline" data-testid="eco-water-share">
            <span className="eco-headline__value">
              {view.complianceShare == null ? '—' : formatPercent(view.complianceShare)}
            </span>
            <span className="muted">
              {view.onTarget.length} / {view.total} {t('eco.sectionsOnTarget')}
            </span>
          </div>
          {option && <EChart option={option} label={t('eco.classDist')} className="chart eco-classes" />}
          <ul className="eco-list">
            {view.offTarget.map((s) => (
              <li key={s.code} className={s.compliant === false ? 'is-off' : ''}>
                <button type="button" className="eco-row" onClick={() => select(s.code)}>
                  <span className="eco-class" style={{ background: s.color ?? undefined }}>
                    {s.label ?? '—'}
                  </span>
                  <span className="eco-row__name">{s.name}</span>
                  <span className="muted">
                    {t('eco.targetClass')} {s.targetClass} · {t('eco.share30d')}{' '}
                    {s.share == null ? '—' : formatPercent(s.share)}
                    {lakeStatus(s, t)}
                  </span>
                  {s.failing.length > 0 && (
                    <span className="eco-failing">
                      {t('eco.failing')}：
                      {s.failing
                        .map(
                          (f) =>
                            `${labels[f.parameter] ?? f.parameter} ${f.value}${f.limitMax !== undefined ? ` > ${f.limitMax}` : f.limitMin !== undefined ? ` < ${f.limitMin}` : ''}`,
                        )
                        .join('、')}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
          {view.onTarget.length > 0 && (
            <p className="muted eco-note">
              {view.onTarget.map((s) => `${s.name} ${s.label}${lakeStatus(s, t)}`).join('、')}
            </p>
          )}
        </>
      )}
    </Panel>
  );
}

/** A lake's TN status and trophic state, shown beside its class (never inside it; 环办〔2011〕22号). */
export function lakeStatus(s: EcoWaterSection, t: (key: string) => string): string {
  const parts: string[] = [];
  if (s.tn) {
    parts.push(
      `${t('eco.tnSeparate')} ${s.tn.label}${s.tn.meetsTarget ? '' : `（${t('eco.tnOffTarget')}）`}`,
    );
  }
  if (s.trophic) parts.push(`${t('eco.tli')} ${s.trophic.tli.toFixed(1)} ${s.trophic.level}`);
  return parts.length === 0 ? '' : ` · ${parts.join(' · ')}`;
}

/** eco.noise: day and night compliance per functional zone, and night exceedances. */
export function NoisePanel({ options, scope }: PanelProps<z.infer<typeof EcoNoiseOptions>>) {
  const { t, i18n } = useTranslation();
  const snapshot = useEcoSnapshot(scope.regionCode);
  const view = noiseView(snapshot, options);
  const v = view?.footer;
  const share = (x: number | null) => (x === null ? '—' : formatPercent(x));
  return (
    <Panel
      title={t('eco.noise')}
      source={sourceOf(snapshot, i18n.language)}
      sources={snapshot?.sources}
      at={v?.at}
      status={v?.status}
    >
      {!view ? (
        <Loading />
      ) : !view.zones ? (
        <p className="muted">—</p>
      ) : (
        <table className="eco-table" data-testid="eco-noise">
          <thead>
            <tr>
              <th>{t('eco.zone')}</th>
              {/* The shares count whole periods (Ld, Ln means), the hours count single hours: labelled so. */}
              <th>{t('eco.dayShareHead')}</th>
              <th>{t('eco.nightShareHead')}</th>
              <th>{t('eco.nightOver')}</th>
            </tr>
          </thead>
          <tbody>
            {view.zones.map((z) => (
              <tr key={z.zone}>
                <td>
                  {z.zone} ({z.limits.day}/{z.limits.night} dB(A))
                </td>
                <td className={z.dayShare !== null && z.dayShare < 1 ? 'is-off' : ''}>{share(z.dayShare)}</td>
                <td className={z.nightShare !== null && z.nightShare < 1 ? 'is-off' : ''}>
                  {share(z.nightShare)}
                </td>
                <td className={z.nightExceedanceHours > 0 ? 'is-off' : ''}>
                  {z.nightExceedanceHours} {t('eco.hours')}
                  {z.maxNightExceedanceDb > 0 ? ` · +${z.maxNightExceedanceDb} dB(A)` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function useDuration() {
  const { t, i18n } = useTranslation();
  return (hours: number) => {
    const d = durationParts(hours);
    if (i18n.language === 'en') return d.days ? `${d.days} d ${d.hours} h` : `${d.hours} h`;
    return d.days ? `${d.days} 天 ${d.hours} ${t('eco.hours')}` : `${d.hours} ${t('eco.hours')}`;
  };
}

/** eco.alarms: alarms with how long they have lasted, and the recent pollution episodes with their upwind stations. */
export function EcoAlarmsPanel({ options, scope }: PanelProps<z.infer<typeof EcoAlarmsOptions>>) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const duration = useDuration();
  const select = useEcoUi((s) => s.select);
  const snapshot = useEcoSnapshot(scope.regionCode);
  const view = ecoAlarmsView(snapshot, options);
  const alarms = view.state === 'ready' ? view.alarms : [];
  const episodes = view.state === 'ready' ? view.episodes : null;
  const nowMs = view.state === 'ready' ? view.nowMs : 0;
  return (
    <Panel
      title={t('eco.alarms')}
      source={sourceOf(snapshot, i18n.language)}
      sources={snapshot?.sources}
      at={snapshot?.generatedAt}
      status={snapshot?.sources[0]?.status}
    >
      {/* Alarms and episodes come and go: more than the cell holds scroll on purpose (slowly by themselves on a wall). */}
      <div className="auto-scroll" data-scroll="list" data-scroll-list="">
        <StoredAlarmList regionCode={scope.regionCode} source="env-monitor" limit={5} />
        {!snapshot ? (
          <Loading />
        ) : alarms.length === 0 ? (
          <p className="muted">{t('eco.noAlarms')}</p>
        ) : (
          <ul className="alarms" data-testid="eco-alarms">
            {alarms.map((a) => (
              <li key={a.id} className={`alarm alarm--${a.severity}`}>
                <button type="button" className="eco-row" onClick={() => a.entityId && select(a.entityId)}>
                  {en ? a.title.en : a.title.zh}
                  {a.since && nowMs > 0 && (
                    <span className="muted">
                      {' '}
                      · {t('eco.since')}{' '}
                      {duration(Math.max(0, Math.round((nowMs - Date.parse(a.since)) / 3600_000)))}（
                      {formatClock(a.since)}）
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        )}
        {episodes && <div className="chart-caption">{t('eco.episodes')}</div>}
        {!episodes ? null : episodes.length === 0 ? (
          <p className="muted">—</p>
        ) : (
          <ul className="eco-list">
            {episodes.map((e) => (
              <li key={`${e.stationCode}${e.startAt}`}>
                {e.stationName} · {formatClock(e.startAt)} · {duration(e.hours)} · AQI {e.peakAqi}
                {e.ongoing ? ` · ${t('eco.ongoing')}` : ''} · {t('eco.upwind')}：
                {e.upwind.length
                  ? e.upwind.map((u) => `${u.name} ${(u.distanceM / 1000).toFixed(1)} km`).join('、')
                  : t('eco.noUpwind')}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Panel>
  );
}
