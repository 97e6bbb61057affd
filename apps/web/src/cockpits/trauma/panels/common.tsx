import '../i18n';
import '../trauma.css';
import type { TraumaSnapshot } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { traumaSnapshotQuery } from '../api/trauma.api';
import { etaText, remainingSeconds } from '../model';

/** The trauma snapshot of the panel's region: the theme's one query (shared by key with the host and every panel). */
export function useTraumaSnapshot(regionCode: string) {
  const q = useQuery(traumaSnapshotQuery(regionCode));
  return { snapshot: q.data, receivedAt: q.dataUpdatedAt || Date.now() };
}

/** Source name, time and status of the 120 dispatch data, for panel footers. */
export function useSource(snapshot: TraumaSnapshot | undefined) {
  const { i18n } = useTranslation();
  const s = snapshot?.sources[0];
  return {
    source: s ? (i18n.language === 'en' ? s.name.en : s.name.zh) : '120',
    at: snapshot?.asOf ?? undefined,
    status: s?.status,
    sources: snapshot?.sources,
  };
}

/** The current time, re-rendering every `ms` (the interval is cleared on unmount). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}

/** An ETA in whole minutes counting down from when the snapshot arrived; the arrival clock time beside it. */
export function Countdown({
  etaSeconds,
  receivedAt,
  className,
  withArrival = false,
}: {
  etaSeconds: number;
  receivedAt: number;
  className?: string;
  withArrival?: boolean;
}) {
  const { i18n } = useTranslation();
  const now = useNow(1000);
  const left = remainingSeconds(etaSeconds, receivedAt, now);
  const eta = etaText(left, now, i18n.language);
  return (
    <span className={`countdown ${className ?? ''}`} data-testid="eta-countdown" data-seconds={left}>
      {eta.countdown}
      {withArrival && <span className="countdown__arrival muted">{eta.arrival}</span>}
    </span>
  );
}
