import type { DepartmentSummary, IndicatorMeta, OverviewSnapshot } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Loading, Panel } from '../../../components/Panel';
import { oldestAt, worstStatus } from '../../../lib/indicator-format';
import { KpiTiles } from '../../../panels/kpi/KpiTiles';

type Props = {
  snapshot: OverviewSnapshot | undefined;
  catalog: ReadonlyMap<string, IndicatorMeta> | undefined;
  regionCode: string;
};

/** One summary tile for each department cockpit; a tap opens that cockpit for the same region. */
export function DepartmentsPanel({ snapshot, catalog, regionCode }: Props) {
  const { t, i18n } = useTranslation();
  const { search } = useLocation();
  const summaries = snapshot?.summaries ?? [];
  const all = summaries.flatMap((s) => [s.headline, ...s.secondary]);
  return (
    <Panel
      title={t('overview.departments')}
      sources={snapshot?.sources.filter((s) => s.system !== 'county-services')}
      at={oldestAt(all)}
      status={worstStatus(all)}
    >
      {!snapshot && <Loading />}
      <div className="departments">
        {summaries.map((s: DepartmentSummary) => (
          <Link
            key={s.theme}
            to={`/${s.theme}/${regionCode}${search}`}
            className={`department department--${s.theme}`}
          >
            <div className="department__title">{t(`theme.${s.theme}`)}</div>
            <KpiTiles values={[s.headline, ...s.secondary]} catalog={catalog} />
            {s.note && (
              <div className="department__note">{i18n.language === 'en' ? s.note.en : s.note.zh}</div>
            )}
          </Link>
        ))}
      </div>
    </Panel>
  );
}
