import '../i18n';
import '../grassroots.css';
import type { GrassrootsPart, GrassrootsSnapshot } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/Panel';
import { themeSnapshotQuery } from '../../../layout/snapshot';

/**
 * The grassroots snapshot of a region: the theme's one query (shared by key with the host), also read by the
 * grassroots panels placed on a township's or village's overview.
 */
export function useGrassrootsSnapshot(regionCode: string): GrassrootsSnapshot | undefined {
  const data = useQuery(themeSnapshotQuery('grassroots', regionCode)).data;
  return data?.theme === 'grassroots' ? data : undefined;
}

/** Whether a part of the snapshot is unknown: its dataset has not loaded since the BFF started. */
export const isUnavailable = (snapshot: GrassrootsSnapshot | undefined, part: GrassrootsPart) =>
  snapshot?.unavailable?.includes(part) ?? false;

/** Said instead of an absence when the data that would prove it has not arrived (its system is down). */
export function Unavailable() {
  const { t } = useTranslation();
  return (
    <p className="muted" data-testid="unavailable">
      {t('grassroots.unavailable')}
    </p>
  );
}

/**
 * A grassroots panel: the platform as source (its freshness badge, 模拟数据), time of the platform's data.
 * `parts` are the snapshot parts it shows: while one of them has never loaded, the panel says the data has not
 * arrived rather than letting an empty list read as "none".
 */
export function GrPanel({
  title,
  snapshot,
  children,
  testId,
  parts = [],
}: {
  title: string;
  snapshot: GrassrootsSnapshot | undefined;
  children: ReactNode;
  testId: string;
  parts?: readonly GrassrootsPart[];
}) {
  const { t } = useTranslation();
  const sources = snapshot?.sources.filter((s) => s.system === 'grassroots');
  const unavailable = parts.some((part) => isUnavailable(snapshot, part));
  return (
    <Panel
      title={title}
      source={sources?.length ? undefined : t('grassroots.source')}
      sources={sources?.length ? sources : snapshot?.sources}
      at={snapshot?.asOf ?? undefined}
      className={`panel--gr panel--compact gr-${testId}`}
    >
      <div
        data-testid={`gr-${testId}`}
        data-ready={snapshot ? 'true' : 'false'}
        data-unavailable={unavailable ? 'true' : undefined}
        style={{ display: 'contents' }}
      >
        {unavailable ? <Unavailable /> : children}
      </div>
    </Panel>
  );
}

/** One labelled figure with its unit. */
export function GrFigure({
  label,
  value,
  unit,
  tone,
}: {
  label: string;
  value: string;
  unit?: string | undefined;
  tone?: 'alarm' | 'ok' | undefined;
}) {
  return (
    <div className={`gr-figure ${tone ? `gr-figure--${tone}` : ''}`}>
      <div className="gr-figure__label" title={label}>
        {label}
      </div>
      <div>
        <span className="gr-figure__value">{value}</span>
        {unit && <span className="gr-figure__unit">{unit}</span>}
      </div>
    </div>
  );
}
