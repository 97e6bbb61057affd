import {
  GRASSROOTS_EVENT_TYPES,
  type GrassrootsEscalationsOptions,
  type GrassrootsEventsByTypeOptions,
  type GrassrootsFunnelOptions,
  type GrassrootsGridWorkersOptions,
  type GrassrootsMapLegendOptions,
  type GrassrootsOverdueOptions,
} from '@cockpit/contracts';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type ChartSizes, useChartSizes } from '../../../components/chartSizes';
import { EChart } from '../../../components/EChart';
import { Loading } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { formatClock, formatPercent } from '../../../lib/format';
import { useGrassrootsUi } from '../store';
import {
  ageParts,
  EVENT_TYPE_COLORS,
  escalationsView,
  eventsByTypeView,
  funnelView,
  gridWorkersView,
  HEAT_WINDOWS,
  type HeatWindow,
  overdueView,
} from '../transform';
import { GrFigure, GrPanel, useGrassrootsSnapshot } from './common';

/** grassroots.funnel: 上报 → 受理 → 流转 → 办结 → 评价 over 30 days, each stage with how many reached it. */
export function FunnelPanel({ scope }: PanelProps<z.infer<typeof GrassrootsFunnelOptions>>) {
  const { t } = useTranslation();
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const view = funnelView(snapshot);
  return (
    <GrPanel title={t('grassroots.funnel')} snapshot={snapshot} testId="funnel" parts={['events']}>
      {view.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          <div className="gr-funnel">
            {view.rows.map((r) => (
              <div key={r.stage} className="gr-funnel__row" data-stage={r.stage} data-count={r.reached}>
                <span>{t(`grassroots.stage.${r.stage}`)}</span>
                <div className="gr-track">
                  <div className="gr-bar" style={{ width: `${(r.share ?? 0) * 100}%` }} />
                </div>
                <span className="gr-num">
                  {r.reached}
                  <span className="gr-meta"> {t('grassroots.units.events')}</span>
                </span>
              </div>
            ))}
          </div>
          <p className="gr-note">
            {t('grassroots.open')} <strong className="gr-num">{view.open}</strong>{' '}
            {t('grassroots.units.events')} · {t('grassroots.funnelNote')}
          </p>
        </>
      )}
    </GrPanel>
  );
}

/** grassroots.overdue: open cases past their deadline, the longest overdue first, with age and village. */
export function OverduePanel({ options, scope }: PanelProps<z.infer<typeof GrassrootsOverdueOptions>>) {
  const { t } = useTranslation();
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const view = overdueView(snapshot, options.limit);
  return (
    <GrPanel title={t('grassroots.overdue')} snapshot={snapshot} testId="overdue" parts={['events']}>
      {view.state === 'loading' ? (
        <Loading />
      ) : view.rows.length === 0 ? (
        <p className="muted">{t('grassroots.overdueNone')}</p>
      ) : (
        <>
          <ul className="gr-list" data-scroll="list" data-count={view.total}>
            {view.rows.map((c) => (
              <li key={c.id} data-case={c.id}>
                <span className="gr-tag" style={{ background: EVENT_TYPE_COLORS[c.type] }}>
                  {t(`grassroots.type.${c.type}`)}
                </span>
                <span className="gr-grow" title={c.summary}>
                  {c.villageName} · {c.summary}
                </span>
                <span className="gr-late">{t('grassroots.late', ageParts(c.overdueHours))}</span>
                <span className="gr-meta">
                  {t('grassroots.age', ageParts(c.ageHours))} · {t(`grassroots.stage.${c.stage}`)} ·{' '}
                  {t(`grassroots.handling.${c.handlingLevel}`)}
                  {c.reporterMasked ? ` · ${c.reporterMasked}` : ''}
                </span>
              </li>
            ))}
          </ul>
          {view.capped && <p className="gr-note">{t('grassroots.overdueCapped')}</p>}
        </>
      )}
    </GrPanel>
  );
}

/** grassroots.escalations: events escalated village → township → the county 矛调中心, newest first. */
export function EscalationsPanel({
  options,
  scope,
}: PanelProps<z.infer<typeof GrassrootsEscalationsOptions>>) {
  const { t } = useTranslation();
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const view = escalationsView(snapshot, options.limit, options.countyOnly);
  return (
    <GrPanel title={t('grassroots.escalations')} snapshot={snapshot} testId="escalations" parts={['events']}>
      {view.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          <div className="gr-figures">
            <GrFigure
              label={t('grassroots.toCounty')}
              value={String(view.toCounty)}
              unit={t('grassroots.units.events')}
            />
            <GrFigure
              label={t('grassroots.toTownship')}
              value={String(view.toTownship)}
              unit={t('grassroots.units.events')}
            />
          </div>
          {view.rows.length === 0 ? (
            <p className="muted">{t('grassroots.escalationsNone')}</p>
          ) : (
            <ul className="gr-list" data-scroll="list">
              {view.rows.map((e) => (
                <li key={`${e.eventId}-${e.to}`}>
                  <span className="gr-tag" style={{ background: EVENT_TYPE_COLORS[e.type] }}>
                    {t(`grassroots.type.${e.type}`)}
                  </span>
                  <span className="gr-grow">{e.villageName}</span>
                  <span>
                    {t(`grassroots.handling.${e.from}`)} → {t(`grassroots.handling.${e.to}`)}
                  </span>
                  <span className="gr-meta">{formatClock(e.at).slice(0, 5)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </GrPanel>
  );
}

/** grassroots.grid-workers: each grid's worker today (check-ins, patrol km, visits); names masked by the BFF. */
export function GridWorkersPanel({
  options,
  scope,
}: PanelProps<z.infer<typeof GrassrootsGridWorkersOptions>>) {
  const { t } = useTranslation();
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const view = gridWorkersView(snapshot, options.limit);
  const u = (k: string) => t(`grassroots.units.${k}`);
  return (
    <GrPanel
      title={t('grassroots.workers')}
      snapshot={snapshot}
      testId="grid-workers"
      parts={['grids', 'patrols']}
    >
      {view.state === 'loading' ? (
        <Loading />
      ) : view.workers === 0 ? (
        <p className="muted">{t('grassroots.workersNone')}</p>
      ) : (
        <>
          <div className="gr-figures">
            <GrFigure
              label={t('grassroots.checkIns')}
              value={String(view.totals.checkIns)}
              unit={u('times')}
            />
            <GrFigure label={t('grassroots.km')} value={view.totals.km.toFixed(1)} unit={u('km')} />
            <GrFigure label={t('grassroots.visits')} value={String(view.totals.visits)} unit={u('times')} />
          </div>
          <p className="gr-note">
            {t('grassroots.workersActive', { active: view.totals.active, n: view.workers })}
          </p>
          <ul className="gr-list" data-scroll="list">
            {view.rows.map((w) => (
              <li key={w.gridId}>
                <span className="gr-grow">
                  {w.gridName} · {w.workerName}
                </span>
                <span className="gr-meta gr-num">
                  {t('grassroots.checkIns')} {w.checkInsToday} · {w.patrolKmToday.toFixed(1)} {u('km')} ·{' '}
                  {t('grassroots.visits')} {w.visitsToday}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </GrPanel>
  );
}

/** Daily events per type, stacked bars (or lines), in the types' map colours. */
export function eventsByTypeOption(
  view: Extract<ReturnType<typeof eventsByTypeView>, { state: 'ready' }>,
  name: (type: string) => string,
  style: 'stacked' | 'lines',
  sizes: ChartSizes,
): EChartsOption {
  return {
    animation: false,
    // The types are named in HTML above the chart (with their totals), in the map's colours: no legend here.
    grid: { left: sizes.axis * 2.5, right: sizes.axis, top: sizes.axis, bottom: sizes.axis * 1.8 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: view.dates.map((d) => d.slice(5)),
      axisLabel: { color: '#a9bbd6', fontSize: sizes.axis },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: '#a9bbd6', fontSize: sizes.axis },
      splitLine: { lineStyle: { color: 'rgba(100,160,230,0.15)' } },
    },
    series: view.series.slice(0, 6).map((s) => ({
      type: style === 'stacked' ? 'bar' : 'line',
      name: name(s.type),
      stack: style === 'stacked' ? 'events' : undefined,
      data: s.counts,
      showSymbol: false,
      itemStyle: { color: EVENT_TYPE_COLORS[s.type] },
      lineStyle: { width: Math.max(2, sizes.stroke / 4) },
    })),
  };
}

/** grassroots.events-by-type: the last 30 days' events, per day and type. */
export function EventsByTypePanel({
  options,
  scope,
}: PanelProps<z.infer<typeof GrassrootsEventsByTypeOptions>>) {
  const { t, i18n } = useTranslation();
  const sizes = useChartSizes();
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const view = eventsByTypeView(snapshot);
  // biome-ignore lint/correctness/useExhaustiveDependencies: names change with the language
  const option = useMemo(
    () =>
      view.state === 'ready' && view.total > 0
        ? eventsByTypeOption(view, (type) => t(`grassroots.type.${type}`), options.style, sizes)
        : undefined,
    [snapshot, options.style, sizes, i18n.language],
  );
  return (
    <GrPanel title={t('grassroots.byType')} snapshot={snapshot} testId="by-type" parts={['events']}>
      {view.state === 'loading' ? (
        <Loading />
      ) : !option ? (
        <p className="muted">{t('grassroots.byTypeNone')}</p>
      ) : (
        <>
          <div className="gr-chips" data-total={view.total}>
            {view.series.slice(0, 6).map((x) => (
              <span key={x.type} className="gr-meta">
                <span className="gr-swatch" style={{ background: EVENT_TYPE_COLORS[x.type] }} />
                {t(`grassroots.type.${x.type}`)} {x.total}
              </span>
            ))}
            <span className="gr-meta">
              · {view.total} {t('grassroots.units.events')}
            </span>
          </div>
          <EChart option={option} label={t('grassroots.byType')} className="chart gr-chart" />
        </>
      )}
    </GrPanel>
  );
}

/** grassroots.map-legend: the event types (click to hide one) and the heat window of the event map. */
export function MapLegendPanel({ scope }: PanelProps<z.infer<typeof GrassrootsMapLegendOptions>>) {
  const { t } = useTranslation();
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const { window, hidden, setWindow, toggle } = useGrassrootsUi();
  const overdue = snapshot?.eventPoints.filter((p) => p.overdue).length;
  return (
    <GrPanel title={t('grassroots.legend')} snapshot={snapshot} testId="legend">
      <div className="gr-chips">
        <span className="gr-meta">{t('grassroots.heat')}</span>
        {(Object.keys(HEAT_WINDOWS) as HeatWindow[]).map((w) => (
          <button
            key={w}
            type="button"
            className={`chip ${w === window ? 'is-active' : ''}`}
            aria-pressed={w === window}
            onClick={() => setWindow(w)}
          >
            {t(`grassroots.windows.${w}`)}
          </button>
        ))}
      </div>
      <div className="gr-chips">
        {GRASSROOTS_EVENT_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            className={`chip ${hidden.has(type) ? '' : 'is-active'}`}
            aria-pressed={!hidden.has(type)}
            onClick={() => toggle(type)}
          >
            <span className="gr-swatch" style={{ background: EVENT_TYPE_COLORS[type] }} />
            {t(`grassroots.type.${type}`)}
          </button>
        ))}
      </div>
      {overdue !== undefined && (
        <p className="gr-note">
          {t('grassroots.overdueNow')} {overdue} {t('grassroots.units.events')} ·{' '}
          {formatPercent(snapshot?.eventPoints.length ? overdue / snapshot.eventPoints.length : 0)}
        </p>
      )}
      <p className="gr-note">{t('grassroots.legendNote')}</p>
    </GrPanel>
  );
}
