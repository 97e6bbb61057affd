import type {
  GrassrootsBasicsOptions,
  GrassrootsDevicesOptions,
  GrassrootsEventsTodayOptions,
  GrassrootsFloodOptions,
  GrassrootsHomestaysOptions,
  GrassrootsNearbyOptions,
  GrassrootsParentRanksOptions,
  GrassrootsRuralServicesOptions,
} from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Loading } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { formatCount, formatPercent } from '../../../lib/format';
import { formatIndicator } from '../../../lib/indicator-format';
import { indicatorCatalogQuery } from '../../../lib/snapshot';
import { regionQuery } from '../../../map/regions.api';
import {
  EVENT_TYPE_COLORS,
  eventsTodayView,
  floodRows,
  nearbyView,
  parentRanksView,
  partView,
  ruralServicesView,
} from '../transform';
import { GrFigure, GrPanel, isUnavailable, Unavailable, useGrassrootsSnapshot } from './common';

const TIER_TONE = ['ok', undefined, 'alarm'] as const;

/** grassroots.basics: population, elderly, low-income households, collective income with its five-year trend. */
export function BasicsPanel({ scope }: PanelProps<z.infer<typeof GrassrootsBasicsOptions>>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const view = partView(snapshot, 'basics');
  const u = (k: string) => t(`grassroots.units.${k}`);
  return (
    <GrPanel title={t('grassroots.basics')} snapshot={snapshot} testId="basics" parts={['basics']}>
      {view.state === 'loading' ? (
        <Loading />
      ) : view.state === 'none' ? (
        <p className="muted">{t('grassroots.basicsNone')}</p>
      ) : (
        <>
          <div className="gr-figures">
            <GrFigure
              label={t('grassroots.population')}
              value={formatCount(view.part.registeredPopulation, lang)}
              unit={u('people')}
            />
            <GrFigure
              label={t('grassroots.resident')}
              value={formatCount(view.part.residentPopulation, lang)}
              unit={u('people')}
            />
            <GrFigure
              label={t('grassroots.households')}
              value={formatCount(view.part.households, lang)}
              unit={u('households')}
            />
            <GrFigure
              label={t('grassroots.aged60')}
              value={formatCount(view.part.aged60Plus, lang)}
              unit={u('people')}
            />
            <GrFigure
              label={t('grassroots.alone')}
              value={formatCount(view.part.elderlyLivingAlone, lang)}
              unit={u('people')}
            />
            <GrFigure
              label={t('grassroots.lowIncome')}
              value={formatCount(view.part.lowIncomeHouseholds, lang)}
              unit={u('households')}
            />
            <GrFigure
              label={t('grassroots.income')}
              value={view.part.collectiveIncomeWanYuan.toFixed(1)}
              unit={u('wanYuan')}
            />
            <GrFigure
              label={t('grassroots.yoy')}
              value={
                view.part.collectiveIncomeYoY === null
                  ? '—'
                  : `${view.part.collectiveIncomeYoY >= 0 ? '+' : ''}${(view.part.collectiveIncomeYoY * 100).toFixed(1)}`
              }
              unit="%"
              tone={
                view.part.collectiveIncomeYoY !== null && view.part.collectiveIncomeYoY < 0
                  ? 'alarm'
                  : undefined
              }
            />
          </div>
          <IncomeTrend
            trend={view.part.incomeTrend}
            label={t('grassroots.incomeTrend')}
            unit={u('wanYuan')}
          />
          <p className="gr-note">
            {t('grassroots.year', { year: view.part.year })} · {t('grassroots.area')}{' '}
            {view.part.areaKm2.toFixed(1)} {u('km2')}
          </p>
        </>
      )}
    </GrPanel>
  );
}

/** Five years of collective income as small labelled columns (HTML, so the wall's text floor holds). */
function IncomeTrend({
  trend,
  label,
  unit,
}: {
  trend: { year: number; wanYuan: number }[];
  label: string;
  unit: string;
}) {
  const max = Math.max(1, ...trend.map((p) => p.wanYuan));
  if (trend.length === 0) return null;
  return (
    <>
      <div className="gr-note">
        {label}（{unit}）
      </div>
      <div className="gr-years" data-testid="gr-income-trend">
        {trend.map((p) => (
          <div key={p.year} className="gr-year" data-year={p.year}>
            <span>{p.wanYuan.toFixed(0)}</span>
            <div className="gr-year__bar" style={{ height: `${(p.wanYuan / max) * 2}em` }} />
            <span>{p.year}</span>
          </div>
        ))}
      </div>
    </>
  );
}

/** grassroots.events-today: reported and closed today (Beijing date), open and overdue now, today's types. */
export function EventsTodayPanel({ scope }: PanelProps<z.infer<typeof GrassrootsEventsTodayOptions>>) {
  const { t } = useTranslation();
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const view = eventsTodayView(snapshot);
  const ev = t('grassroots.units.events');
  return (
    <GrPanel title={t('grassroots.today')} snapshot={snapshot} testId="events-today" parts={['events']}>
      {view.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          <div className="gr-figures">
            <GrFigure label={t('grassroots.reportedToday')} value={String(view.reported)} unit={ev} />
            <GrFigure label={t('grassroots.closedToday')} value={String(view.closed)} unit={ev} />
            <GrFigure label={t('grassroots.openNow')} value={String(view.open)} unit={ev} />
            <GrFigure
              label={t('grassroots.overdueNow')}
              value={`${view.overdue}${view.overdueCapped ? '+' : ''}`}
              unit={ev}
              tone={view.overdue > 0 ? 'alarm' : 'ok'}
            />
          </div>
          {view.byType.length === 0 ? (
            <p className="gr-note">{t('grassroots.todayNone')}</p>
          ) : (
            <div className="gr-chips">
              {view.byType.map(([type, n]) => (
                <span key={type} className="gr-meta">
                  <span className="gr-swatch" style={{ background: EVENT_TYPE_COLORS[type] }} />
                  {t(`grassroots.type.${type}`)} {n} {ev}
                </span>
              ))}
            </div>
          )}
        </>
      )}
    </GrPanel>
  );
}

/** grassroots.homestays: count, beds, today's occupancy and the 30-day average. */
export function HomestaysPanel({ scope }: PanelProps<z.infer<typeof GrassrootsHomestaysOptions>>) {
  const { t } = useTranslation();
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const view = partView(snapshot, 'homestays');
  const avg =
    view.state === 'ready' && view.part.daily.length
      ? view.part.daily.reduce((a, d) => a + d.occupancyRate, 0) / view.part.daily.length
      : null;
  return (
    <GrPanel title={t('grassroots.homestays')} snapshot={snapshot} testId="homestays" parts={['homestays']}>
      {view.state === 'loading' ? (
        <Loading />
      ) : view.state === 'none' || view.part.count === 0 ? (
        <p className="muted">{t('grassroots.homestaysNone')}</p>
      ) : (
        <div className="gr-figures">
          <GrFigure
            label={t('grassroots.homestays')}
            value={String(view.part.count)}
            unit={t('grassroots.units.count')}
          />
          <GrFigure
            label={t('grassroots.beds')}
            value={String(view.part.beds)}
            unit={t('grassroots.units.beds')}
          />
          <GrFigure
            label={t('grassroots.occupancy')}
            value={
              view.part.occupancyRate === null ? '—' : formatPercent(view.part.occupancyRate).replace('%', '')
            }
            unit="%"
          />
          <GrFigure
            label={t('grassroots.occupancy30')}
            value={avg === null ? '—' : formatPercent(avg).replace('%', '')}
            unit="%"
          />
        </div>
      )}
    </GrPanel>
  );
}

/**
 * grassroots.rural-services (农村服务): homestays today, 浙农码 scans of the county's specialities (a village is
 * shown its township's, named), and the convenience service points open now.
 */
export function RuralServicesPanel({
  options,
  scope,
}: PanelProps<z.infer<typeof GrassrootsRuralServicesOptions>>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const view = ruralServicesView(snapshot, options.limit);
  const times = t('grassroots.units.times');
  const count = t('grassroots.units.count');
  const pct = (share: number | null | undefined) =>
    share === null || share === undefined ? '—' : formatPercent(share).replace('%', '');
  return (
    <GrPanel title={t('grassroots.rural')} snapshot={snapshot} testId="rural-services">
      {view.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          <div className="gr-figures">
            <GrFigure
              label={t('grassroots.homestayCount')}
              value={view.homestays ? String(view.homestays.count) : '—'}
              unit={count}
            />
            <GrFigure label={t('grassroots.occupancy')} value={pct(view.homestays?.occupancyRate)} unit="%" />
            <div data-figure="farm-scans" style={{ display: 'contents' }}>
              <GrFigure
                label={t('grassroots.farmScansToday')}
                value={view.scans ? formatCount(view.scans.today, lang) : '—'}
                unit={times}
              />
            </div>
            <GrFigure
              label={t('grassroots.farmScans30')}
              value={view.scans ? formatCount(view.scans.days30, lang) : '—'}
              unit={times}
            />
            <div data-figure="service-points" style={{ display: 'contents' }}>
              <GrFigure
                label={t('grassroots.servicePointsOpen')}
                value={view.servicePoints ? `${view.servicePoints.open}/${view.servicePoints.total}` : '—'}
                unit={count}
              />
            </div>
            <GrFigure
              label={t('grassroots.servicePointRate')}
              value={pct(view.servicePoints?.openRate)}
              unit="%"
            />
          </div>
          {view.servicePoints?.total === 0 && <p className="gr-note">{t('grassroots.servicePointsNone')}</p>}
          {view.scansOf && <p className="gr-note">{t('grassroots.farmOf', { name: view.scansOf.name })}</p>}
          {view.products.length === 0 ? (
            <p className="gr-note">{t('grassroots.farmNone')}</p>
          ) : (
            <ul className="gr-list" data-scroll="list">
              {view.products.map((p) => (
                <li key={p.product} data-product={p.product} data-scans-today={p.scansToday}>
                  <span className="gr-grow">{lang === 'en' ? p.name.en : p.name.zh}</span>
                  <span className="gr-meta gr-num">
                    {t('grassroots.productScans', {
                      today: formatCount(p.scansToday, lang),
                      days30: formatCount(p.scans30d, lang),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </GrPanel>
  );
}

/** grassroots.devices: perception devices online, by kind. */
export function DevicesPanel({ scope }: PanelProps<z.infer<typeof GrassrootsDevicesOptions>>) {
  const { t, i18n } = useTranslation();
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const view = partView(snapshot, 'devices');
  return (
    <GrPanel title={t('grassroots.devices')} snapshot={snapshot} testId="devices" parts={['devices']}>
      {view.state === 'loading' ? (
        <Loading />
      ) : view.state === 'none' || view.part.total === 0 ? (
        <p className="muted">{t('grassroots.devicesNone')}</p>
      ) : (
        <>
          <div className="gr-figures">
            <GrFigure
              label={t('grassroots.online')}
              value={formatPercent(view.part.online / view.part.total).replace('%', '')}
              unit="%"
              tone={view.part.online / view.part.total < 0.9 ? 'alarm' : 'ok'}
            />
            <GrFigure
              label={t('grassroots.onlineOf', { online: view.part.online, total: view.part.total })}
              value={String(view.part.total)}
              unit={t('grassroots.units.devices')}
            />
          </div>
          <ul className="gr-list" data-scroll="list">
            {view.part.byKind.map((k) => (
              <li key={k.kind}>
                <span className="gr-grow">{i18n.language === 'en' ? k.name.en : k.name.zh}</span>
                <span className="gr-num">
                  {k.online}/{k.total} {t('grassroots.units.devices')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </GrPanel>
  );
}

/** grassroots.flood: duty points manned, gauges above warning; the points that need attention first. */
export function FloodPanel({ options, scope }: PanelProps<z.infer<typeof GrassrootsFloodOptions>>) {
  const { t } = useTranslation();
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const view = partView(snapshot, 'flood');
  return (
    <GrPanel title={t('grassroots.flood')} snapshot={snapshot} testId="flood" parts={['flood']}>
      {view.state === 'loading' ? (
        <Loading />
      ) : view.state === 'none' || view.part.points.length === 0 ? (
        <p className="muted">{t('grassroots.floodNone')}</p>
      ) : (
        <>
          <div className="gr-figures">
            <GrFigure
              label={t('grassroots.dutyManned')}
              value={`${view.part.manned}/${view.part.dutyPoints}`}
              unit={t('grassroots.units.count')}
              tone={view.part.manned < view.part.dutyPoints ? 'alarm' : 'ok'}
            />
            <GrFigure
              label={t('grassroots.aboveWarning')}
              value={String(view.part.aboveWarning)}
              unit={t('grassroots.units.count')}
              tone={view.part.aboveWarning > 0 ? 'alarm' : 'ok'}
            />
          </div>
          <ul className="gr-list" data-scroll="list">
            {floodRows(view.part.points, options.limit).map((p) => (
              <li key={p.id} data-flood={p.id}>
                <span className="gr-grow">
                  {p.name} <span className="gr-meta">{t(`grassroots.kind.${p.kind}`)}</span>
                </span>
                {p.kind === 'duty' ? (
                  <span className={p.manned === false ? 'gr-late' : ''}>
                    {p.manned === false ? t('grassroots.unmanned') : t('grassroots.manned')}
                  </span>
                ) : (
                  <span className={p.aboveWarning ? 'gr-late' : 'gr-meta'}>
                    {t('grassroots.level', {
                      level: p.waterLevelM?.toFixed(2) ?? '—',
                      warning: p.warningLevelM?.toFixed(2) ?? '—',
                    })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </GrPanel>
  );
}

/** grassroots.nearby: a village's nearest lots, 120 stations and hospitals with straight-line distance. */
export function NearbyPanel({ options, scope }: PanelProps<z.infer<typeof GrassrootsNearbyOptions>>) {
  const { t } = useTranslation();
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const view = nearbyView(snapshot, options.kinds, options.limit);
  return (
    <GrPanel title={t('grassroots.nearby')} snapshot={snapshot} testId="nearby">
      {view.state === 'loading' ? (
        <Loading />
      ) : (
        <ul className="gr-list" data-scroll="list">
          {view.groups.map((g) => (
            <li key={g.kind} data-kind={g.kind} style={{ display: 'block' }}>
              <div className="gr-meta">{t(`grassroots.nearbyKind.${g.kind}`)}</div>
              {isUnavailable(snapshot, `nearby.${g.kind}`) ? (
                <Unavailable />
              ) : g.places.length === 0 ? (
                <div className="muted">{t('grassroots.nearbyNone')}</div>
              ) : (
                g.places.map((p) => (
                  <div key={p.id} data-place={p.id} style={{ display: 'flex', gap: '0.6em' }}>
                    <span className="gr-grow">{p.name}</span>
                    <span className="gr-num">
                      {p.distanceKm.toFixed(1)} {t('grassroots.units.km')}
                    </span>
                  </div>
                ))
              )}
            </li>
          ))}
        </ul>
      )}
    </GrPanel>
  );
}

/** grassroots.parent-ranks: the region's place among its parent's children, per indicator, naming the parent. */
export function ParentRanksPanel({ scope }: PanelProps<z.infer<typeof GrassrootsParentRanksOptions>>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const snapshot = useGrassrootsSnapshot(scope.regionCode);
  const catalog = useQuery(indicatorCatalogQuery()).data;
  const view = parentRanksView(snapshot);
  const parent = useQuery({
    ...regionQuery(view.state === 'ready' && view.parentCode ? view.parentCode : ''),
    enabled: view.state === 'ready' && view.parentCode !== null,
  }).data;
  const title = parent
    ? t('grassroots.parentRanks', { parent: parent.name })
    : t('grassroots.parentRanksGeneric');
  return (
    <GrPanel title={title} snapshot={snapshot} testId="parent-ranks">
      {view.state === 'loading' ? (
        <Loading />
      ) : view.rows.length === 0 ? (
        <p className="muted">{t('grassroots.parentRanksNone')}</p>
      ) : (
        <ul className="gr-list" data-scroll="list">
          {view.rows.map((r) => {
            const meta = catalog?.get(r.indicatorId);
            const v = r.value === null ? null : formatIndicator(r.value, meta?.unit ?? '', lang);
            return (
              <li key={r.indicatorId} data-indicator={r.indicatorId} data-rank={r.rank}>
                <span className="gr-grow">
                  {meta ? (lang === 'en' ? meta.name.en : meta.name.zh) : r.indicatorId}
                </span>
                {v && (
                  <span className="gr-meta gr-num">
                    {v.text}
                    {v.unit}
                  </span>
                )}
                <span className={`gr-num ${TIER_TONE[r.tier] === 'alarm' ? 'gr-late' : ''}`}>
                  {t('grassroots.rankOf', { rank: r.rank, of: r.of })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </GrPanel>
  );
}
