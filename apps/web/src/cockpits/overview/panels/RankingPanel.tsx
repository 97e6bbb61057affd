import type { IndicatorMeta, OverviewSnapshot } from '@cockpit/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChartSizes } from '../../../components/chartSizes';
import { EChart } from '../../../components/EChart';
import { Panel } from '../../../components/Panel';
import { formatIndicator } from '../../../lib/indicator-format';
import { rankingOption, rankOf } from '../../../panels/ranking/transform';
import { useUi } from '../../../stores/ui';

const ROTATE_MS = 20_000;

/**
 * The region's children ranked on one indicator. On the wall it steps through the indicators on its own
 * (the one purposeful motion of this panel); on desk and tablet the tabs choose.
 */
export function RankingPanel({
  snapshot,
  catalog,
  regionCode,
}: {
  snapshot: OverviewSnapshot | undefined;
  catalog: ReadonlyMap<string, IndicatorMeta> | undefined;
  regionCode: string;
}) {
  const { t, i18n } = useTranslation();
  const sizes = useChartSizes();
  const profile = useUi((s) => s.profile);
  const breakdowns = snapshot?.breakdowns ?? [];
  const [index, setIndex] = useState(0);
  const count = breakdowns.length;
  useEffect(() => {
    if (profile !== 'wall' || count < 2) return;
    const id = window.setInterval(() => setIndex((i) => (i + 1) % count), ROTATE_MS);
    return () => window.clearInterval(id);
  }, [profile, count]);
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
            limit: 8,
            color: '#36c3f0',
            sizes,
            format: (v) => {
              const f = formatIndicator(v, current.unit, lang);
              return `${f.text}${f.unit}`;
            },
            highlight: regionCode,
          })
        : undefined,
    [current, sizes, lang, regionCode],
  );
  if (count === 0) return null;
  const nameOf = (id: string) => {
    const meta = catalog?.get(id);
    return meta ? (lang === 'en' ? meta.name.en : meta.name.zh) : id;
  };
  return (
    <Panel
      title={
        // A village is ranked among its township's villages: the title says whose ranking it is.
        current?.regionName
          ? place
            ? t('overview.rankingIn', { parent: current.regionName, ...place })
            : t('overview.rankingInNone', { parent: current.regionName })
          : t('overview.ranking')
      }
      sources={snapshot?.sources.filter((s) =>
        current?.indicatorId.startsWith('parking.')
          ? s.system === 'parking-platform'
          : s.system === 'county-services',
      )}
      at={snapshot?.generatedAt}
    >
      <div className="chips" role="tablist">
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
