import { effectiveBands, type GaugeOptions } from '@cockpit/contracts';
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
import { gaugeOption } from './transform';

/** The `gauge` panel type: one indicator's value on an arc between the options' min and max. */
export default function GaugePanel({ options, scope }: PanelProps<z.infer<typeof GaugeOptions>>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sizes = useChartSizes();
  const snapshot = useQuery(themeSnapshotQuery(scope.theme, scope.regionCode)).data;
  const catalog = useQuery(indicatorCatalogQuery()).data;
  const definition = useQuery(indicatorDefinitionsByIdQuery()).data?.get(options.indicatorId);
  const bands = useMemo(
    () => effectiveBands(options.thresholds, definition),
    [options.thresholds, definition],
  );
  const value = snapshot?.indicators.find((v) => v.indicatorId === options.indicatorId);
  const meta = catalog?.get(options.indicatorId);
  const name = meta ? (lang === 'en' ? meta.name.en : meta.name.zh) : options.indicatorId;
  const option = useMemo(() => {
    if (!value) return undefined;
    const f = formatIndicator(value.value, value.unit, lang);
    return gaugeOption(value.value, {
      unit: value.unit,
      min: options.min,
      max: options.max,
      color: '#36c3f0',
      sizes,
      text: f.text,
      unitText: f.unit,
      bands,
    });
  }, [value, options.min, options.max, bands, sizes, lang]);
  return (
    <Panel
      title={panelTitle(options.title, lang, name || t('layout.gauge'))}
      sources={sourcesOf(snapshot?.sources ?? [], [options.indicatorId], (id) => catalog?.get(id)?.source)}
      at={value?.at}
      status={value?.status}
    >
      {!snapshot ? (
        <Loading />
      ) : !option ? (
        <p className="muted">{t('layout.notForLevel')}</p>
      ) : (
        <EChart option={option} label={name} className="chart chart--gauge" />
      )}
    </Panel>
  );
}
