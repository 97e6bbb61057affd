import { useEffect, useRef } from 'react';
import { getMapRuntime } from './runtime';

/** Hosts the app's single map. Mounting adopts the map element; unmounting only detaches it. */
export function MapStage({ children }: { children?: React.ReactNode }) {
  const hostRef = useRef<HTMLDivElement>(null);

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
    <div ref={hostRef} className="map-stage">
      {children}
    </div>
  );
}
