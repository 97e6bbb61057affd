import './i18n';
import './eco.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import type { PanelScope } from '../../layout/types';
import { useLiveSnapshot } from '../../lib/useLiveSnapshot';
import { useMapStageElement } from '../../map/useMapStageElement';
import { useUi } from '../../stores/ui';
import { ecoSnapshotQuery } from './api/eco.api';
import { useEcoLayers } from './layers/useEcoLayers';
import { LegendPanel, StationPanel } from './panels/MapPanels';
import { useEcoUi } from './store';

/**
 * 生态环保, once per screen: the live subscription, the map layers (PM2.5 surface, stations, rivers, noise
 * points), and what floats over the map (a portal into the map's stage): on a wall the legend docks on the map (top left), and the selected
 * station's detail docks at its lower right on every profile. The grid's panels read the same snapshot query.
 */
export default function EcoHost({ level, regionCode, profile }: Omit<PanelScope, 'theme'>) {
  const snapshot = useQuery(ecoSnapshotQuery(regionCode));
  useLiveSnapshot('eco', regionCode);
  const data = snapshot.data;
  useEcoLayers(data);
  const selected = useEcoUi((s) => s.selected);
  const wall = useUi((s) => s.profile) === 'wall';
  const select = useEcoUi((s) => s.select);
  // Leaving the cockpit drops the selected station. A change of scope keeps it: on a mouse screen the shared
  // map also drills into the region under a clicked station, and the detail must survive that.
  useEffect(() => () => select(null), [select]);
  // Over the map wherever the layout puts it (a portal into the map's stage), never in a grid cell.
  const stage = useMapStageElement();
  if (!stage) return null;
  return createPortal(
    <>
      {wall && (
        <div className="eco-legend-dock">
          <LegendPanel
            options={{}}
            scope={{ theme: 'eco', level, regionCode, profile }}
            instanceId="legend-dock"
          />
        </div>
      )}
      {selected && (
        <div className="eco-dock">
          <StationPanel code={selected} sources={data?.sources} />
        </div>
      )}
    </>,
    stage,
  );
}
