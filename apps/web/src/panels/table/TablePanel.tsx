import type { TableOptions } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Loading, Panel } from '../../components/Panel';
import { themeSnapshotQuery } from '../../layout/snapshot';
import type { PanelProps } from '../../layout/types';
import { formatIndicator } from '../../lib/indicator-format';
import { indicatorCatalogQuery, indicatorDefinitionsByIdQuery } from '../../lib/snapshot';
import { sourcesOf } from '../kpi/transform';
import { panelTitle } from '../title';
import { tableRows } from './transform';

/** The `table` panel type: the region's children (rows) by the indicators named (columns). */
export default function TablePanel({ options, scope }: PanelProps<z.infer<typeof TableOptions>>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const snapshot = useQuery(themeSnapshotQuery(scope.theme, scope.regionCode)).data;
  const catalog = useQuery(indicatorCatalogQuery()).data;
  const definitions = useQuery(indicatorDefinitionsByIdQuery()).data;
  const { columns, rows } = tableRows(
    snapshot?.breakdowns ?? [],
    options.indicatorIds,
    options.limit,
    options.sort,
    definitions?.get(options.indicatorIds[0] ?? '')?.direction,
  );
  const nameOf = (id: string) => {
    const meta = catalog?.get(id);
    return meta ? (lang === 'en' ? meta.name.en : meta.name.zh) : id;
  };
  return (
    <Panel
      title={panelTitle(options.title, lang, t('layout.table'))}
      sources={sourcesOf(snapshot?.sources ?? [], options.indicatorIds, (id) => catalog?.get(id)?.source)}
      at={snapshot?.generatedAt}
    >
      {!snapshot ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="muted">{t('layout.notForLevel')}</p>
      ) : (
        <table className="data-table" data-testid="panel-table">
          <thead>
            <tr>
              <th scope="col">{t('layout.region')}</th>
              {options.indicatorIds.map((id) => (
                <th key={id} scope="col">
                  {nameOf(id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.regionCode}>
                <th scope="row">{row.name}</th>
                {row.values.map((v, i) => {
                  const f = formatIndicator(v, columns[i]?.unit ?? '', lang);
                  return (
                    <td key={options.indicatorIds[i]}>
                      {f.text}
                      {f.unit && <small> {f.unit}</small>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
