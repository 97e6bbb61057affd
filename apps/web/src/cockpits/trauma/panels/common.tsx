import type { TraumaSnapshot } from '@cockpit/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountdown, remainingSeconds } from '../model';

/** Source name, time and status of the 120 dispatch data, for panel footers. */
export function useSource(snapshot: TraumaSnapshot | undefined) {
  const { i18n } = useTranslation();
  const s = snapshot?.sources[0];
  return {
    source: s ? (i18n.language === 'en' ? s.name.en : s.name.zh) : '120',
    at: snapshot?.asOf ?? undefined,
    status: s?.status,
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

/** An ETA counting down in real seconds from when the snapshot arrived. */
export function Countdown({
  etaSeconds,
  receivedAt,
  className,
}: {
  etaSeconds: number;
  receivedAt: number;
  className?: string;
}) {
  const now = useNow(1000);
  const left = remainingSeconds(etaSeconds, receivedAt, now);
  return (
    <span className={`countdown ${className ?? ''}`} data-testid="eta-countdown" data-seconds={left}>
      {formatCountdown(left)}
    </span>
  );
}
