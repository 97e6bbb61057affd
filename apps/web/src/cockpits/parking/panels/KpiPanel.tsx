import type { IndicatorMeta, ParkingSnapshot } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/Panel';
import { formatCount } from '../../../lib/format';
import { oldestAt, worstStatus } from '../../../lib/indicator-format';
import { KpiTiles } from '../../../panels/kpi/KpiTiles';
import { pick, sourceOf } from './common';

const IDS = [
  'parking.berthTotal',
  'parking.freeBerths',
  'parking.occupancyRate',
  'parking.turnoverRate',
  'parking.averageDwellMinutes',
];

/** Total and free berths, occupancy, turnover and average dwell of the region. */
export function KpiPanel({
  snapshot,
  catalog,
}: {
  snapshot: ParkingSnapshot | undefined;
  catalog: ReadonlyMap<string, IndicatorMeta> | undefined;
}) {
  const { t, i18n } = useTranslation();
  const values = IDS.map((id) => pick(snapshot, id));
  const present = values.filter((v) => v !== undefined);
  const flows = snapshot?.flows;
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
