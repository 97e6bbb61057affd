import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { indicatorCatalogQuery } from '../../lib/snapshot';
import { useLiveSnapshot } from '../../lib/useLiveSnapshot';
import type { CockpitProps } from '../registry';
import { overviewSnapshotQuery } from './api/overview.api';
import { AlarmsPanel } from './panels/AlarmsPanel';
import { DepartmentsPanel } from './panels/DepartmentsPanel';
import { FieldPanel } from './panels/FieldPanel';
import { RankingPanel } from './panels/RankingPanel';
import { ScopePanel } from './ScopePanel';

/** 县域总览: the plan's four fields and the three department cockpits, for one region, live. */
export default function OverviewCockpit(props: CockpitProps) {
  const { t } = useTranslation();
  const { regionCode } = props;
  const snapshot = useQuery(overviewSnapshotQuery(regionCode));
  const catalog = useQuery(indicatorCatalogQuery());
  useLiveSnapshot('overview', regionCode);
  const data = snapshot.data;
  const c = catalog.data;
  return (
    <>
      <aside className="column column--left">
        <ScopePanel {...props} />
        <FieldPanel
          title={t('overview.transport')}
          snapshot={data}
          catalog={c}
          indicatorIds={['traffic.congestionIndex', 'parking.freeBerths', 'parking.occupancyRate']}
          systems={['county-services', 'parking-platform']}
          seriesId="traffic.congestionIndex"
          color="#4f8dff"
        />
        <FieldPanel
          title={t('overview.urban')}
          snapshot={data}
          catalog={c}
          indicatorIds={['urban.casesReported', 'urban.casesClosed', 'urban.closureRate']}
          systems={['county-services']}
          color="#f5a524"
        />
        <FieldPanel
          title={t('overview.health')}
          snapshot={data}
          catalog={c}
          indicatorIds={['health.outpatientVisits', 'health.edLoad']}
          systems={['county-services']}
          seriesId="health.outpatientVisits"
          color="#ff6b81"
        />
      </aside>
      <aside className="column column--right">
        <FieldPanel
          title={t('overview.tourism')}
          snapshot={data}
          catalog={c}
          indicatorIds={['tourism.visitorsToday', 'tourism.spotFlow']}
          systems={['county-services']}
          color="#3ddc97"
        />
        <DepartmentsPanel snapshot={data} catalog={c} regionCode={regionCode} />
        <RankingPanel snapshot={data} catalog={c} regionCode={regionCode} />
        <AlarmsPanel snapshot={data} />
      </aside>
    </>
  );
}
