import type { DepartmentSummary, DepartmentTilesOptions } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { z } from 'zod';
import { Loading, Panel } from '../../components/Panel';
import { themeSnapshotQuery } from '../../layout/snapshot';
import type { PanelProps } from '../../layout/types';
import { oldestAt, worstStatus } from '../../lib/indicator-format';
import { indicatorCatalogQuery } from '../../lib/snapshot';
import { KpiTiles } from '../kpi/KpiTiles';
import { departmentTiles, tileFigures, tileLines } from './transform';

type Options = z.infer<typeof DepartmentTilesOptions>;

/**
 * One summary tile for each department cockpit (from the region's overview snapshot, whatever theme the
 * panel is placed on); a tap opens that cockpit for the same region.
 */
export default function DepartmentTilesPanel({ options, scope }: PanelProps<Options>) {
  const { t, i18n } = useTranslation();
  const { search } = useLocation();
  const snapshot = useQuery(themeSnapshotQuery('overview', scope.regionCode)).data;
  const catalog = useQuery(indicatorCatalogQuery()).data;
  const summaries = departmentTiles(snapshot && 'summaries' in snapshot ? snapshot.summaries : [], options);
  const all = summaries.flatMap((s) => [s.headline, ...s.secondary]);
  const lang = i18n.language;
  return (
    <Panel
      title={
        options.title ? (lang === 'en' ? options.title.en : options.title.zh) : t('overview.departments')
      }
      sources={snapshot?.sources.filter((s) => s.system !== 'county-services')}
      at={oldestAt(all)}
      status={worstStatus(all)}
    >
      {!snapshot && <Loading />}
      <div className="departments">
        {summaries.map((s: DepartmentSummary) => (
          <Link
            key={s.theme}
            to={`/${s.theme}/${scope.regionCode}${search}`}
            className={`department department--${s.theme}`}
          >
            <div className="department__title">{t(`theme.${s.theme}`)}</div>
            {tileFigures(s).length > 0 && <KpiTiles values={tileFigures(s)} catalog={catalog} />}
            {tileLines(s).map((line) => (
              <div
                key={line.kind}
                className={`department__note department__${line.kind}`}
                data-testid={`department-${line.kind}`}
              >
                {lang === 'en' ? line.text.en : line.text.zh}
              </div>
            ))}
          </Link>
        ))}
      </div>
    </Panel>
  );
}
