import type { ContextGroup } from '../../map/contextGroups';

/** Pure transform of the map-layers panel: each group the layout offers, and whether it is shown now. */
export function layerToggles(offered: readonly ContextGroup[], hidden: readonly ContextGroup[]) {
  return offered.map((group) => ({ group, shown: !hidden.includes(group) }));
}
