import { useEffect, useState } from 'react';
import { getMapRuntime } from './runtime';

/**
 * The element that holds the app's one map now (MapStage's `.map-stage`), for a theme to float things over the
 * map with a portal, wherever the layout has put the map. MapStage resizes the map whenever it adopts it, so
 * the element is looked up again on every resize (a new layout may mount a new stage).
 */
export function useMapStageElement(): HTMLElement | null {
  const [stage, setStage] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const { element, map } = getMapRuntime();
    const update = () => setStage(element.parentElement);
    update();
    map.on('resize', update);
    return () => {
      map.off('resize', update);
    };
  }, []);
  return stage;
}
