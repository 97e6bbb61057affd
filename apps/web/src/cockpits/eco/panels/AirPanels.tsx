import '../i18n';
import '../eco.css';
import type {
  EcoAqiGaugeOptions,
  EcoGoodDaysOptions,
  EcoRankingOptions,
  EcoSnapshot,
} from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useChartSizes } from '../../../components/chartSizes';
import { EChart } from '../../../components/EChart';
import { Loading, Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { formatDistance, formatPercent } from '../../../lib/format';
import { indicatorCatalogQuery } from '../../../lib/snapshot';
import { KpiTiles } from '../../../panels/kpi/KpiTiles';
import { ecoSnapshotQuery } from '../api/eco.api';
import { useEcoUi } from '../store';
import { aqiGaugeOption, aqiTrendOption, iaqiBarsOption, windowPoints } from './transform';
import { aqiGaugeView, goodDaysView, rankingView } from './views';

/** The eco snapshot of the panel's region: the theme's one query, shared by key with the host and every panel. */
export function useEcoSnapshot(regionCode: string): EcoSnapshot | undefined {
  return useQuery(ecoSnapshotQuery(regionCode)).data;
}

/** Parameter display names of the current language (stable between renders). */
export function useParamLabels(): Record<string, string> {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels change with the language only
  return useMemo(() => t('eco.param', { returnObjects: true }) as Record<string, string>, [t, i18n.language]);
}

export const sourceOf = (s: EcoSnapshot | undefined, lang: string) => {
  const src = s?.sources[0];
  return src ? (lang === 'en' ? src.name.en : src.name.zh) : '生态环境监测';
};

/** eco.aqi-gauge: AQI gauge with category and primary pollutant, bound figures, and each pollutant's IAQI. */
export function AqiPanel({ options, scope }: PanelProps<z.infer<typeof EcoAqiGaugeOptions>>) {
  const { t, i18n } = useTranslation();
  const sizes = useChartSizes();
  const snapshot = useEcoSnapshot(scope.regionCode);
  const catalog = useQuery(indicatorCatalogQuery()).data;
  const view = aqiGaugeView(snapshot, options);
  const reading = view.state === 'reading' ? view.reading : null;
  const aqi = view.state === 'reading' ? view.footer : undefined;
  const gauge = useMemo(() => aqiGaugeOption(reading, sizes), [reading, sizes]);
  const labels = useParamLabels();
  const showIaqi = view.state === 'reading' && view.showIaqi;
  const bars = useMemo(
    () => (reading && showIaqi ? iaqiBarsOption(reading.iaqi, labels, sizes) : undefined),
    [reading, showIaqi, labels, sizes],
  );
  const en = i18n.language === 'en';
  return (
    <Panel
      title={t('eco.aqiNow')}
      source={sourceOf(snapshot, i18n.language)}
      sources={snapshot?.sources}
      at={aqi?.at}
      status={aqi?.status}
    >
      {view.state === 'loading' ? (
        <Loading />
      ) : view.state === 'no-station' ? (
        <div data-testid="eco-no-station">
          <p className="muted">{t('eco.noStation')}</p>
          {view.nearest.length > 0 && (
            <>
              <div className="chart-caption">{t('eco.nearest')}</div>
              <ul className="eco-nearest" data-testid="eco-nearest">
                {view.nearest.map((n) => (
                  <li key={n.code} data-station={n.code}>
                    <span>{n.name}</span>{' '}
                    <span className="muted">{formatDistance(n.distanceM, i18n.language)}</span>{' '}
                    <strong style={{ color: n.color ?? undefined }}>
                      AQI {n.aqi ?? '—'}
                      {n.category && !en ? ` ${n.category}` : ''}
                    </strong>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        <div className="eco-aqi" data-testid="eco-aqi" data-aqi={reading?.aqi ?? ''}>
          <EChart option={gauge} label="AQI" className="chart eco-gauge" />
          <div className="eco-aqi__side">
            {reading && (
              <div
                className="eco-category"
                style={{ background: reading.color, color: reading.level <= 2 ? '#06101f' : '#fff' }}
              >
                {en ? reading.categoryEn : reading.category}
              </div>
            )}
            <div className="eco-aqi__primary">
              <span className="muted">{t('eco.primary')}</span>{' '}
              {!reading
                ? '—'
                : reading.primary.length
                  ? reading.primary.map((p) => labels[p] ?? p).join('、')
                  : t('eco.noPrimary')}
            </div>
            <div className="muted">
              {view.stationCount} {t('eco.stations')}
            </div>
            <KpiTiles values={view.figures} catalog={catalog} />
          </div>
        </div>
      )}
      {bars && (
        <>
          <div className="chart-caption">{t('eco.iaqi')}</div>
          <EChart option={bars} label={t('eco.iaqi')} className="chart eco-bars" />
        </>
      )}
    </Panel>
  );
}

function Progress({
  label,
  share,
  target,
  detail,
}: {
  label: string;
  share: number | null;
  target: number;
  detail: string;
}) {
  const ok = share !== null && share >= target;
  return (
    <div className="eco-progress" data-share={share ?? ''}>
      <div className="eco-progress__head">
        <span>{label}</span>
        <span className={`eco-progress__value ${ok ? 'is-ok' : 'is-off'}`}>
          {share === null ? '—' : formatPercent(share)}
        </span>
      </div>
      <div className="eco-progress__track">
        <div
          className={`eco-progress__bar ${ok ? 'is-ok' : 'is-off'}`}
          style={{ width: `${(share ?? 0) * 100}%` }}
        />
        <div className="eco-progress__target" style={{ left: `${target * 100}%` }} />
      </div>
      <div className="muted">{detail}</div>
    </div>
  );
}

export function WindowTabs() {
  const { t } = useTranslation();
  const window = useEcoUi((s) => s.window);
  const setWindow = useEcoUi((s) => s.setWindow);
  return (
    <div className="eco-tabs" role="tablist">
      {(['24h', '7d', '30d'] as const).map((w) => (
        <button
          key={w}
          type="button"
          role="tab"
          aria-selected={w === window}
          className="eco-tab"
          onClick={() => setWindow(w)}
        >
          {t(`eco.window.${w}`)}
        </button>
      ))}
    </div>
  );
}

/**
 * eco.good-days: share of good days (month, year) against the target, the daily AQI of the last 30 days, and the
 * AQI trend.
 */
export function AirTrendPanel({ options, scope }: PanelProps<z.infer<typeof EcoGoodDaysOptions>>) {
  const { t, i18n } = useTranslation();
  const labels = useParamLabels();
  const sizes = useChartSizes();
  const window = useEcoUi((s) => s.window);
  const snapshot = useEcoSnapshot(scope.regionCode);
  const view = goodDaysView(snapshot, options);
  const g = view.goodDays;
  const month = view.footer;
  const aqi = view.trend ?? undefined;
  const aqiOpt = useMemo(
    () => (aqi ? aqiTrendOption(windowPoints(aqi.points, window), window, sizes) : undefined),
    [aqi, window, sizes],
  );
  return (
    <Panel
      title={t('eco.goodDaysTrend')}
      source={sourceOf(snapshot, i18n.language)}
      sources={snapshot?.sources}
      at={month?.at}
      status={month?.status}
    >
      {g && (
        <>
          <div className="chart-caption">
            {t('eco.goodDays')} · {t('eco.target')} {formatPercent(g.target)}
          </div>
          <div className="eco-progress-pair">
            <Progress
              label={t('eco.month')}
              share={g.month.share}
              target={g.target}
              detail={`${g.month.goodDays} / ${g.month.validDays} ${t('eco.days')}`}
            />
            <Progress
              label={
                // Until the year's history exists, say what the period really is (e.g. 本年（11-01 起）).
                g.year.from.endsWith('-01-01')
                  ? t('eco.year')
                  : t('eco.yearSince', { from: g.year.from.slice(5) })
              }
              share={g.year.share}
              target={g.target}
              detail={
                g.year.reachable
                  ? `${g.year.goodDays} / ${g.year.validDays} ${t('eco.days')} · ${t('eco.slack')} ${g.year.slackDays} ${t('eco.days')}`
                  : t('eco.unreachable')
              }
            />
          </div>
          {view.daily && <div className="chart-caption">{t('eco.dailyAqi')}</div>}
          {view.daily && (
            <ol className="eco-days" data-testid="eco-days">
              {view.daily.map((d) => (
                <li
                  key={d.date}
                  className={d.complete === false ? 'eco-day eco-day--incomplete' : 'eco-day'}
                  style={{ background: d.complete === false ? undefined : (d.color ?? undefined) }}
                  title={
                    d.complete === false
                      ? `${d.date} ${t('eco.incompleteDay')}：${(d.missing ?? []).map((m) => labels[m] ?? m).join('、')}`
                      : `${d.date} AQI ${d.aqi ?? '—'}`
                  }
                  data-aqi={d.complete === false ? '' : (d.aqi ?? '')}
                  data-complete={d.complete === false ? 'false' : 'true'}
                />
              ))}
            </ol>
          )}
        </>
      )}
      {view.trend !== null && (
        <div className="eco-trend-head">
          <span className="chart-caption">{t('eco.trend')} AQI</span>
          <WindowTabs />
        </div>
      )}
      {view.trend === null ? null : aqiOpt && aqi && aqi.points.length > 0 ? (
        <EChart option={aqiOpt} label="AQI trend" className="chart eco-trend" />
      ) : !snapshot ? (
        <Loading />
      ) : view.stationCount === 0 ? (
        <p className="muted">{t('eco.noStation')}</p>
      ) : (
        <p className="muted">{t('panel.noData')}</p>
      )}
      {g && (
        <p className="muted eco-note">
          {t('eco.historyNote', { from: g.historyFrom, days: g.year.countedDays, stored: g.year.storedDays })}
        </p>
      )}
    </Panel>
  );
}

/** eco.township-ranking: townships by AQI, best first; stationless ones say so. */
export function RankingPanel({ options, scope }: PanelProps<z.infer<typeof EcoRankingOptions>>) {
  const { t, i18n } = useTranslation();
  const snapshot = useEcoSnapshot(scope.regionCode);
  const view = rankingView(snapshot, options);
  const rated = view?.rated ?? [];
  const without = view?.without ?? 0;
  return (
    <Panel
      title={t('eco.ranking')}
      source={sourceOf(snapshot, i18n.language)}
      sources={snapshot?.sources}
      at={snapshot?.air.at ?? undefined}
    >
      {!view && <Loading />}
      <div className="chart-caption">
        AQI · PM2.5 μg/m³
        {without > 0 &&
          ` · ${without} ${i18n.language === 'en' ? 'townships' : '个乡镇'}${t('eco.noStationShort')}`}
      </div>
      {/* More ranked townships than the cell holds: the list scrolls on purpose (by itself on a wall). */}
      <ol
        className="eco-ranking auto-scroll"
        data-scroll="list"
        style={{
          gridTemplateRows: `repeat(${view?.rows ?? 0}, auto)`,
          gridTemplateColumns: options.columns === 1 ? '1fr' : undefined,
        }}
      >
        {rated.map((x, i) => (
          <li key={x.regionCode} data-region={x.regionCode}>
            <span className="muted">{i + 1}</span>
            <span className="eco-chip" style={{ background: x.color ?? undefined }} />
            <span className="eco-ranking__name">{x.name}</span>
            <span className="eco-ranking__value">{x.aqi}</span>
            <span className="muted">{x.pm25 ?? '—'}</span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
