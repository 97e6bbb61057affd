import '../setup';
import type { IndicatorMeta, ParkingKpisOptions, ParkingSnapshot } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { formatCount } from '../../../lib/format';
import { oldestAt, worstStatus } from '../../../lib/indicator-format';
import { indicatorCatalogQuery } from '../../../lib/snapshot';
import { KpiTiles } from '../../../panels/kpi/KpiTiles';
import { parkingSnapshotQuery } from '../api/parking.api';
import { pick, sourceOf } from './common';

/** Total and free berths, occupancy, turnover and average dwell of the region. */
export default function KpiPanelType({ options, scope }: PanelProps<z.infer<typeof ParkingKpisOptions>>) {
  const snapshot = useQuery(parkingSnapshotQuery(scope.regionCode)).data;
  const catalog = useQuery(indicatorCatalogQuery()).data;
  return <KpiPanel snapshot={snapshot} catalog={catalog} options={options} />;
}

export function KpiPanel({
  snapshot,
  catalog,
  options,
}: {
  snapshot: ParkingSnapshot | undefined;
  catalog: ReadonlyMap<string, IndicatorMeta> | undefined;
  options: z.infer<typeof ParkingKpisOptions>;
}) {
  const { t, i18n } = useTranslation();
  const values = options.indicatorIds.map((id) => pick(snapshot, id));
  const present = values.filter((v) => v !== undefined);
  const flows = options.showFlows ? snapshot?.flows : undefined;
  return (
    <Panel
      title={t('parking.kpis')}
      source={sourceOf(snapshot, i18n.language)}
      sources={snapshot?.sources}
      at={oldestAt(present)}
      status={worstStatus(present)}
      className="parking-kpis"
    >
      <KpiTiles values={values} catalog={catalog} />
      {flows && (
        <p className="muted parking-flows">
          {t('parking.flows', {
            inflow: formatCount(flows.inflow, i18n.language),
            outflow: flows.outflow === null ? '—' : formatCount(flows.outflow, i18n.language),
          })}
        </p>
      )}
    </Panel>
  );
}
