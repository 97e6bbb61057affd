import type { RankingOptions } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useChartSizes } from '../../components/chartSizes';
import { EChart } from '../../components/EChart';
import { Loading, Panel } from '../../components/Panel';
import { themeSnapshotQuery } from '../../layout/snapshot';
import type { PanelProps } from '../../layout/types';
import { formatIndicator } from '../../lib/indicator-format';
import { indicatorCatalogQuery, indicatorDefinitionsByIdQuery } from '../../lib/snapshot';
import { useUi } from '../../stores/ui';
import { rankingChoices, rankingOption, rankOf } from './transform';

type Options = z.infer<typeof RankingOptions>;

/**
 * The region's children ranked on one indicator. On the wall it steps through the indicators on its own
 * (the one purposeful motion of this panel); on desk and tablet the tabs choose.
 */
export default function RankingPanel({ options, scope }: PanelProps<Options>) {
  const { t, i18n } = useTranslation();
  const sizes = useChartSizes();
  const profile = useUi((s) => s.profile);
  const { regionCode } = scope;
  const snapshot = useQuery(themeSnapshotQuery(scope.theme, regionCode)).data;
  const catalog = useQuery(indicatorCatalogQuery()).data;
  const definitions = useQuery(indicatorDefinitionsByIdQuery()).data;
  const breakdowns = useMemo(
    () => rankingChoices(snapshot?.breakdowns ?? [], options.indicatorIds),
    [snapshot, options.indicatorIds],
  );
  const [index, setIndex] = useState(0);
  const count = breakdowns.length;
  const rotateMs = options.rotateSeconds * 1000;
  useEffect(() => {
    if (profile !== 'wall' || count < 2 || rotateMs === 0) return;
    const id = window.setInterval(() => setIndex((i) => (i + 1) % count), rotateMs);
    return () => window.clearInterval(id);
  }, [profile, count, rotateMs]);
  const shown = breakdowns[index % Math.max(1, count)];
  // Children without a value (a village where the indicator is not counted) are listed apart, not as blank bars.
  const current = useMemo(
    () => (shown ? { ...shown, children: shown.children.filter((c) => c.value !== null) } : undefined),
    [shown],
  );
  const missing = (shown?.children.length ?? 0) - (current?.children.length ?? 0);
  const place = current ? rankOf(current, regionCode) : undefined;
  const lang = i18n.language;
  const option = useMemo(
    () =>
      current
        ? rankingOption(current, {
            limit: options.limit,
            color: options.color,
            sizes,
            format: (v) => {
              const f = formatIndicator(v, current.unit, lang);
              return `${f.text}${f.unit}`;
            },
            highlight: regionCode,
            sort: options.sort,
            direction: definitions?.get(current.indicatorId)?.direction,
          })
        : undefined,
    [current, sizes, lang, regionCode, options.limit, options.color, options.sort, definitions],
  );
  const nameOf = (id: string) => {
    const meta = catalog?.get(id);
    return meta ? (lang === 'en' ? meta.name.en : meta.name.zh) : id;
  };
  return (
    <Panel
      title={
        options.title
          ? lang === 'en'
            ? options.title.en
            : options.title.zh
          : // A village is ranked among its township's villages: the title says whose ranking it is.
            current?.regionName
            ? place
              ? t('overview.rankingIn', { parent: current.regionName, ...place })
              : t('overview.rankingInNone', { parent: current.regionName })
            : t('overview.ranking')
      }
      sources={snapshot?.sources.filter(
        (s) => current && s.system === (catalog?.get(current.indicatorId)?.source ?? 'county-services'),
      )}
      at={snapshot?.generatedAt}
    >
      {!snapshot && <Loading />}
      {snapshot && count === 0 && <p className="muted">{t('panel.noData')}</p>}
      <div className="chips" role="tablist" aria-busy={catalog ? undefined : true}>
        {breakdowns.map((b, i) => (
          <button
            key={b.indicatorId}
            type="button"
            role="tab"
            aria-selected={i === index % count}
            className={`chip ${i === index % count ? 'is-active' : ''}`}
            onClick={() => setIndex(i)}
          >
            {nameOf(b.indicatorId)}
          </button>
        ))}
      </div>
      {option && <EChart option={option} label={t('overview.ranking')} className="chart chart--ranking" />}
      {missing > 0 && (
        <p className="muted" data-testid="ranking-missing">
          {t('overview.rankingMissing', { n: missing })}
        </p>
      )}
    </Panel>
  );
}
