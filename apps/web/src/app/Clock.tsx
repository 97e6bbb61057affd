import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, formatDate } from '../lib/format';

/** Beijing time, ticking once a second (one interval, cleared on unmount). */
export function Clock() {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(id);
  }, []);
  return (
    <div className="clock" aria-live="off">
      <span className="clock__time">{formatClock(now)}</span>
      <span className="clock__date">{formatDate(now, i18n.language)}</span>
    </div>
  );
}
