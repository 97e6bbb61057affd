import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../stores/ui';
import { getMapRuntime } from './runtime';

/**
 * Hosts the app's single map. Mounting adopts the map element; unmounting only detaches it. Until the
 * geometry of `regionCode` is drawn the stage says it is loading, so an empty map never reads as "nothing here".
 */
export function MapStage({ regionCode, children }: { regionCode: string; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const hostRef = useRef<HTMLDivElement>(null);
  const shown = useUi((s) => s.mapShownRegion);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const { element, map } = getMapRuntime();
    host.prepend(element);
    map.resize();
    const observer = new ResizeObserver(() => map.resize());
    observer.observe(host);
    return () => {
      observer.disconnect();
      element.remove();
    };
  }, []);

  return (
    <div ref={hostRef} className="map-stage" aria-busy={shown !== regionCode}>
      {shown !== regionCode && (
        <div className="map-loading" role="status" data-testid="map-loading">
          {t('map.loading')}
        </div>
      )}
      {children}
    </div>
  );
}
