import '../setup';
import type {
  ParkingGuidanceOptions,
  ParkingGuidanceResponse,
  ParkingLot,
  SourceStatus,
} from '@cockpit/contracts';
import { POI_PRESETS } from '@cockpit/domain/parking';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { ApiRequestError } from '../../../lib/api';
import { formatClock } from '../../../lib/format';
import { useUi } from '../../../stores/ui';
import { guidanceQuery, parkingSnapshotQuery } from '../api/parking.api';
import { type Destination, useParkingUi } from '../store';
import { ROUTE_RGB } from '../transform';
import { loc } from './common';

const rgb = (c: [number, number, number] | undefined) => (c ? `rgb(${c.join(',')})` : undefined);

/** Places to search: the preset points of interest and every lot by name. */
function searchPlaces(query: string, lots: readonly ParkingLot[]): Destination[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const pois: Destination[] = POI_PRESETS.filter(
    (p) => p.name.zh.includes(q) || p.name.en.toLowerCase().includes(q),
  ).map((p) => ({ id: p.id, position: [p.lon, p.lat], label: p.name }));
  const lotHits: Destination[] = lots
    .filter((l) => l.name.toLowerCase().includes(q))
    .map((l) => ({ id: l.lotId, position: [l.lon, l.lat], label: { zh: l.name, en: l.name } }));
  return [...pois, ...lotHits].slice(0, 6);
}

/** The `parking.guidance` panel type: the guidance flow for the region's lots (the host draws the routes). */
export default function GuidancePanelType({ scope }: PanelProps<z.infer<typeof ParkingGuidanceOptions>>) {
  const snapshot = useQuery(parkingSnapshotQuery(scope.regionCode)).data;
  const destination = useParkingUi((s) => s.destination);
  const guidance = useQuery({
    ...guidanceQuery(destination?.position ?? [0, 0], null),
    enabled: destination !== null,
  });
  const error =
    guidance.error instanceof ApiRequestError
      ? guidance.error.message
      : guidance.error
        ? String(guidance.error)
        : null;
  return (
    <GuidancePanel
      sources={snapshot?.sources}
      lots={snapshot?.lots ?? []}
      guidance={destination ? guidance.data : undefined}
      loading={guidance.isFetching}
      error={error}
    />
  );
}

/** Guidance flow: choose a destination (preset or search) → three lots with reasons; routes on the map. */
export function GuidancePanel({
  sources,
  lots,
  guidance,
  loading,
  error,
}: {
  lots: readonly ParkingLot[];
  guidance: ParkingGuidanceResponse | undefined;
  loading: boolean;
  error: string | null;
  /** The parking platform as the snapshot reports it (freshness, simulated). */
  sources?: readonly SourceStatus[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const destination = useParkingUi((s) => s.destination);
  const setDestination = useParkingUi((s) => s.setDestination);
  const selectLot = useParkingUi((s) => s.selectLot);
  const [query, setQuery] = useState('');
  const picking = useUi((u) => u.mapPick !== null);
  const setMapPick = useUi((u) => u.setMapPick);
  // Leaving the cockpit ends a pending map pick.
  useEffect(() => () => setMapPick(null), [setMapPick]);
  const hits = searchPlaces(query, lots);
  const choose = (d: Destination) => {
    setDestination(d);
    setQuery('');
  };
  return (
    <Panel
      title={t('parking.guidance')}
      source={lang === 'en' ? 'Parking platform · road network (approx.)' : '停车平台 · 路网（近似）'}
      sources={sources}
      at={guidance?.dataTime ?? undefined}
      status={error ? 'error' : guidance ? 'ok' : undefined}
      className="parking-guidance"
    >
      <div className="guidance__presets" data-testid="poi-presets">
        {POI_PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            className={`button${destination?.id === p.id ? ' is-active' : ''}`}
            data-poi={p.id}
            onClick={() => choose({ id: p.id, position: [p.lon, p.lat], label: p.name })}
          >
            {loc(p.name, lang)}
          </button>
        ))}
        <button
          type="button"
          className={`button${picking ? ' is-active' : ''}`}
          data-testid="pick-on-map"
          onClick={() =>
            setMapPick(
              picking
                ? null
                : (position) => {
                    setMapPick(null);
                    choose({
                      id: `map:${position.join(',')}`,
                      position,
                      label: { zh: '地图选点', en: 'Point on the map' },
                    });
                  },
            )
          }
        >
          {t('parking.pickOnMap')}
        </button>
        {destination && (
          <button type="button" className="button button--ghost" onClick={() => setDestination(null)}>
            {t('parking.clear')}
          </button>
        )}
      </div>
      <div className="search guidance__search">
        <input
          className="search__input"
          type="search"
          value={query}
          aria-label={t('parking.search')}
          placeholder={t('parking.searchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
        />
        {hits.length > 0 && (
          <ul className="search__results">
            {hits.map((h) => (
              <li key={h.id}>
                <button type="button" onClick={() => choose(h)}>
                  {loc(h.label, lang)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {picking && <p className="guidance__picking">{t('parking.pickHint')}</p>}
      {!destination && !picking && <p className="muted">{t('parking.guidanceHint')}</p>}
      <ul className="parking-legend" aria-label={t('parking.legend')}>
        <li>
          <span className="legend-dot legend-dot--ok" />
          {t('parking.legendOk')}
        </li>
        <li>
          <span className="legend-dot legend-dot--busy" />
          {t('parking.legendBusy')}
        </li>
        <li>
          <span className="legend-dot legend-dot--full" />
          {t('parking.legendFull')}
        </li>
      </ul>
      <p className="parking-note">{t('parking.mapNote')}</p>
      {destination && (
        <div className="guidance__result" data-testid="guidance-result" aria-busy={loading}>
          <p className="muted guidance__meta">
            → {loc(destination.label, lang)} · {t('parking.from')}
            {guidance?.dataTime && ` · ${formatClock(guidance.dataTime)}`}
          </p>
          {error && <p className="guidance__error">{error}</p>}
          {guidance?.estimated && <p className="guidance__note">{t('parking.estimated')}</p>}
          {guidance?.relaxed && <p className="guidance__note">{t('parking.relaxed')}</p>}
          {guidance && guidance.recommendations.length === 0 && (
            <p className="muted">{t('parking.noResult')}</p>
          )}
          <ol className="recs">
            {guidance?.recommendations.map((r) => (
              <li
                key={r.lotId}
                className="rec"
                data-testid="recommendation"
                data-lot={r.lotId}
                style={{ borderLeftColor: rgb(ROUTE_RGB[r.rank - 1]) }}
              >
                <button type="button" className="rec__head" onClick={() => selectLot(r.lotId)}>
                  <span className="rec__rank" style={{ background: rgb(ROUTE_RGB[r.rank - 1]) }}>
                    {r.rank}
                  </span>
                  <span className="rec__name">{r.name}</span>
                  <span className="rec__free">
                    {r.freeOnArrival}
                    <small> {t('parking.freeOnArrival')}</small>
                  </span>
                </button>
                <ul className="rec__reasons">
                  {r.reasons.map((x) => (
                    <li key={x.code} data-reason={x.code} className={x.code === 'FULL_RISK' ? 'is-risk' : ''}>
                      {loc(x.text, lang)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Panel>
  );
}
