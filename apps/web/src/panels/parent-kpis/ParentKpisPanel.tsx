import { type ParentKpisOptions, parentCodeOf } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Loading, Panel } from '../../components/Panel';
import { themeSnapshotQuery } from '../../layout/snapshot';
import type { PanelProps } from '../../layout/types';
import { oldestAt, worstStatus } from '../../lib/indicator-format';
import { indicatorCatalogQuery } from '../../lib/snapshot';
import { regionQuery } from '../../map/regions.api';
import { KpiTiles } from '../kpi/KpiTiles';
import { kpiValues, sourcesOf } from '../kpi/transform';
import { panelTitle } from '../title';

/**
 * The `parent-kpis` panel type: the parent region's figures (a village screen shows its township's), from the
 * parent's snapshot of the same cockpit. The title names the parent: these are not the region's own figures.
 */
export default function ParentKpisPanel({ options, scope }: PanelProps<z.infer<typeof ParentKpisOptions>>) {
  const { t, i18n } = useTranslation();
  const parentCode = parentCodeOf(scope.regionCode);
  const snapshot = useQuery({
    ...themeSnapshotQuery(scope.theme, parentCode ?? scope.regionCode),
    enabled: parentCode !== undefined,
  }).data;
  const parent = useQuery({ ...regionQuery(parentCode ?? ''), enabled: parentCode !== undefined }).data;
  const catalog = useQuery(indicatorCatalogQuery()).data;
  const values = kpiValues(snapshot?.indicators ?? [], options.indicatorIds);
  const present = values.filter((v) => v !== undefined);
  const own = panelTitle(options.title, i18n.language, t('layout.kpis'));
  return (
    <Panel
      title={`${t('panel.ofParent', { name: parent?.name ?? '…' })} · ${own}`}
      sources={sourcesOf(snapshot?.sources ?? [], options.indicatorIds, (id) => catalog?.get(id)?.source)}
      at={oldestAt(present)}
      status={worstStatus(present)}
    >
      <div data-testid="parent-kpis" data-parent={parentCode ?? ''} style={{ display: 'contents' }}>
        {parentCode === undefined ? (
          <p className="muted">{t('panel.notAtLevel')}</p>
        ) : !snapshot || !parent ? (
          <Loading />
        ) : present.length === 0 ? (
          <p className="muted">{t('panel.notAtLevel')}</p>
        ) : (
          <KpiTiles values={values} catalog={catalog} />
        )}
      </div>
    </Panel>
  );
}
