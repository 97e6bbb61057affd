import type { DistributionOptions } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useChartSizes } from '../../components/chartSizes';
import { EChart } from '../../components/EChart';
import { Loading, Panel } from '../../components/Panel';
import { themeSnapshotQuery } from '../../layout/snapshot';
import type { PanelProps } from '../../layout/types';
import { formatIndicator } from '../../lib/indicator-format';
import { indicatorCatalogQuery, indicatorDefinitionsByIdQuery } from '../../lib/snapshot';
import { sourcesOf } from '../kpi/transform';
import { panelTitle } from '../title';
import { distributionOption, distributionSlices } from './transform';

/** The `distribution` panel type: how an indicator splits across the region's children (ring or bars). */
export default function DistributionPanel({
  options,
  scope,
}: PanelProps<z.infer<typeof DistributionOptions>>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sizes = useChartSizes();
  const snapshot = useQuery(themeSnapshotQuery(scope.theme, scope.regionCode)).data;
  const catalog = useQuery(indicatorCatalogQuery()).data;
  const direction = useQuery(indicatorDefinitionsByIdQuery()).data?.get(options.indicatorId)?.direction;
  const breakdown = snapshot?.breakdowns.find((b) => b.indicatorId === options.indicatorId);
  const meta = catalog?.get(options.indicatorId);
  const name = meta ? (lang === 'en' ? meta.name.en : meta.name.zh) : options.indicatorId;
  const option = useMemo(() => {
    if (!breakdown) return undefined;
    const slices = distributionSlices(breakdown, options.limit, t('layout.other'), options.sort, direction);
    if (slices.length === 0) return undefined;
    return distributionOption(slices, {
      style: options.style,
      sizes,
      format: (v) => {
        const f = formatIndicator(v, breakdown.unit, lang);
        return `${f.text}${f.unit}`;
      },
    });
  }, [breakdown, options.limit, options.style, options.sort, direction, sizes, lang, t]);
  return (
    <Panel
      title={panelTitle(options.title, lang, `${name} · ${t('layout.distribution')}`)}
      sources={sourcesOf(snapshot?.sources ?? [], [options.indicatorId], (id) => catalog?.get(id)?.source)}
      at={snapshot?.generatedAt}
    >
      {!snapshot ? (
        <Loading />
      ) : !option ? (
        <p className="muted">{t('layout.notForLevel')}</p>
      ) : (
        <>
          {breakdown?.regionName && (
            <div className="chart-caption">{t('panel.ofParent', { name: breakdown.regionName })}</div>
          )}
          <EChart option={option} label={name} className="chart chart--ranking" />
        </>
      )}
    </Panel>
  );
}
