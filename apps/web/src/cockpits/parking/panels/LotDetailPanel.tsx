import '../setup';
import type { ParkingLotDetailOptions, SourceStatus } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Reveal } from '../../../auth/Reveal';
import { useChartSizes } from '../../../components/chartSizes';
import { EChart } from '../../../components/EChart';
import { Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { formatClock, formatPercent } from '../../../lib/format';
import { lotDetailQuery, parkingSnapshotQuery } from '../api/parking.api';
import { useParkingUi } from '../store';
import { lotFreeOption, screenRgb } from '../transform';
import { loc } from './common';

/** The `parking.lot-detail` panel type: the selected lot, or how to select one. */
export default function LotDetailPanelType({ scope }: PanelProps<z.infer<typeof ParkingLotDetailOptions>>) {
  const { t, i18n } = useTranslation();
  const selectedLotId = useParkingUi((s) => s.selectedLotId);
  const sources = useQuery(parkingSnapshotQuery(scope.regionCode)).data?.sources;
  if (selectedLotId) return <LotDetailPanel lotId={selectedLotId} sources={sources} />;
  return (
    <Panel
      title={t('parking.lotDetail')}
      source={i18n.language === 'en' ? 'Parking platform' : '停车平台'}
      sources={sources}
      className="parking-detail"
    >
      <p className="muted" data-testid="lot-detail-hint">
        {t('parking.detailHint')}
      </p>
    </Panel>
  );
}

/** The selected lot: berths, 24 h history and forecast, the screens pointing to it, the latest entries. */
export function LotDetailPanel({
  lotId,
  sources,
}: {
  lotId: string;
  sources?: readonly SourceStatus[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sizes = useChartSizes();
  const close = useParkingUi((s) => s.selectLot);
  const q = useQuery(lotDetailQuery(lotId));
  const d = q.data;
  // While someone reveals a plate the list of entries holds still (new entries would push the record away
  // under their hands); they resume it when done. Another lot starts live again.
  type Records = NonNullable<typeof d>['recentRecords'];
  const [held, setHeld] = useState<{ lotId: string; records: Records } | null>(null);
  const heldRecords = held?.lotId === lotId ? held.records : null;
  const records = heldRecords ?? d?.recentRecords.slice(0, 5) ?? [];
  const option = useMemo(
    () =>
      d && d.history.length > 0
        ? lotFreeOption(d, {
            sizes,
            names: { observed: t('parking.free'), forecast: t('parking.forecast'), band: t('parking.band') },
          })
        : undefined,
    [d, sizes, t],
  );
  const lot = d?.lot;
  return (
    <Panel
      title={`${t('parking.lotDetail')}${lot ? ` · ${lot.name}` : ''}`}
      source={lang === 'en' ? 'Parking platform' : '停车平台'}
      sources={sources}
      at={lot?.updatedAt}
      status={q.isError ? 'error' : lot?.sensorSilent ? 'stale' : lot ? 'ok' : undefined}
      className="parking-detail"
    >
      <button type="button" className="button button--ghost detail__close" onClick={() => close(null)}>
        {t('parking.close')}
      </button>
      {lot && (
        <div data-testid="lot-detail" data-lot={lot.lotId}>
          <dl className="facts detail__facts">
            <dt>{t('parking.berths')}</dt>
            <dd>{lot.berthTotal}</dd>
            <dt>{t('parking.free')}</dt>
            <dd className={`level--${lot.level}`}>{lot.berthFree}</dd>
            <dt>{t('parking.occupancy')}</dt>
            <dd className={`level--${lot.level}`}>{formatPercent(lot.occupancyRate ?? 0)}</dd>
            <dt>{t('parking.price')}</dt>
            <dd>
              {lot.pricePerHour === null
                ? t('parking.priceUnknown')
                : lot.pricePerHour === 0
                  ? t('parking.freeOfCharge')
                  : `${lot.pricePerHour} ${t('parking.priceUnit')}`}
            </dd>
          </dl>
          <div className="detail__horizons">
            {lot.prediction.map((p) => (
              <span key={p.horizonMin}>
                {t('parking.horizon', { h: p.horizonMin })}: <b>{p.free}</b>{' '}
                <small>
                  [{p.lower}–{p.upper}]
                </small>
              </span>
            ))}
          </div>
          {option && (
            <EChart option={option} label={t('parking.prediction')} className="chart parking-detail-chart" />
          )}
          <h3 className="detail__sub">{t('parking.screensPointing')}</h3>
          {d.screens.length === 0 ? (
            <p className="muted">{t('parking.noScreens')}</p>
          ) : (
            <ul className="detail__screens">
              {d.screens.map((s) => {
                const dir = s.directions.find((x) => x.lotIds.includes(lot.lotId));
                return (
                  <li key={s.screenId}>
                    <span className="screen-dot" style={{ background: `rgb(${screenRgb(s).join(',')})` }} />
                    {s.name} · {s.online ? t('parking.online') : t('parking.offline')}
                    {dir && (
                      <span className="muted">
                        {' '}
                        · {dir.direction} {t('parking.shows')} {dir.displayed ?? '--'} /{' '}
                        {t('parking.expected')} {dir.expectedText}
                      </span>
                    )}
                    {s.issues.length > 0 && (
                      <span className="detail__issue">
                        {' '}
                        · {s.issues.map((i) => loc(i.detail, lang)).join('；')}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <h3 className="detail__sub">{t('parking.recent')}</h3>
          {heldRecords && (
            <p className="detail__held" data-testid="records-held">
              {t('parking.recordsHeld')}{' '}
              <button type="button" className="button button--ghost" onClick={() => setHeld(null)}>
                {t('parking.recordsResume')}
              </button>
            </p>
          )}
          <ul className="detail__records" data-testid="lot-records">
            {records.map((r) => (
              <li key={r.recordId} data-record={r.recordId}>
                <Reveal
                  kind="plate"
                  masked={r.plate}
                  revealRef={r.revealRef}
                  valueClassName="plate"
                  onStart={() => setHeld({ lotId, records })}
                />{' '}
                {formatClock(r.inAt)}
                {r.outAt ? ` → ${formatClock(r.outAt)}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  );
}
