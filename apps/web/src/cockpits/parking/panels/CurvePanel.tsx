import '../setup';
import type { ParkingCurveOptions } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useChartSizes } from '../../../components/chartSizes';
import { EChart } from '../../../components/EChart';
import { Loading, Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { parkingSnapshotQuery } from '../api/parking.api';
import { occupancyCurveOption } from '../transform';
import { sourceOf } from './common';

/** Region occupancy over the last 24 h with the +15/+30/+60 forecast and its band. */
export default function CurvePanel({ scope }: PanelProps<z.infer<typeof ParkingCurveOptions>>) {
  const { t, i18n } = useTranslation();
  const snapshot = useQuery(parkingSnapshotQuery(scope.regionCode)).data;
  const sizes = useChartSizes();
  const series = snapshot?.series.find((s) => s.indicatorId === 'parking.occupancyRate');
  const curve = snapshot?.occupancy;
  const option = useMemo(
    () =>
      curve && curve.points.length > 0
        ? occupancyCurveOption(curve, {
            sizes,
            names: {
              observed: t('parking.observed'),
              forecast: t('parking.forecast'),
              band: t('parking.band'),
            },
          })
        : undefined,
    [curve, sizes, t],
  );
  return (
    <Panel
      title={t('parking.curve')}
      source={sourceOf(snapshot, i18n.language)}
      sources={snapshot?.sources}
      at={snapshot?.dataTime ?? undefined}
      status={series?.status}
      className="parking-curve"
    >
      {option ? (
        <EChart option={option} label={t('parking.curve')} className="chart parking-chart" />
      ) : snapshot ? (
        <p className="muted">{t('parking.noLots')}</p>
      ) : (
        <Loading />
      )}
    </Panel>
  );
}
