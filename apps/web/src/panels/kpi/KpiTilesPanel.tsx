import { effectiveBands, type KpiTilesOptions } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Loading, Panel } from '../../components/Panel';
import { themeSnapshotQuery } from '../../layout/snapshot';
import type { PanelProps } from '../../layout/types';
import { oldestAt, worstStatus } from '../../lib/indicator-format';
import { indicatorCatalogQuery, indicatorDefinitionsByIdQuery } from '../../lib/snapshot';
import { panelTitle } from '../title';
import { KpiTiles } from './KpiTiles';
import { kpiBand, kpiValues, sourcesOf } from './transform';

/** The `kpi-tiles` panel type: headline figures of the indicators named, from the scope's snapshot. */
export default function KpiTilesPanel({ options, scope }: PanelProps<z.infer<typeof KpiTilesOptions>>) {
  const { t, i18n } = useTranslation();
  const snapshot = useQuery(themeSnapshotQuery(scope.theme, scope.regionCode)).data;
  const catalog = useQuery(indicatorCatalogQuery()).data;
  const definitions = useQuery(indicatorDefinitionsByIdQuery()).data;
  const values = kpiValues(snapshot?.indicators ?? [], options.indicatorIds);
  const present = values.filter((v) => v !== undefined);
  return (
    <Panel
      title={panelTitle(options.title, i18n.language, t('layout.kpis'))}
      sources={sourcesOf(snapshot?.sources ?? [], options.indicatorIds, (id) => catalog?.get(id)?.source)}
      at={oldestAt(present)}
      status={worstStatus(present)}
    >
      {!snapshot ? (
        <Loading />
      ) : present.length === 0 ? (
        <p className="muted">{t('panel.notAtLevel')}</p>
      ) : (
        <KpiTiles
          values={values}
          catalog={catalog}
          bandOf={(v) =>
            kpiBand(
              v,
              effectiveBands(options.thresholds[v.indicatorId] ?? null, definitions?.get(v.indicatorId)),
            )
          }
        />
      )}
    </Panel>
  );
}
