import './i18n';
import './eco.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { indicatorCatalogQuery } from '../../lib/snapshot';
import { useLiveSnapshot } from '../../lib/useLiveSnapshot';
import { useUi } from '../../stores/ui';
import type { CockpitProps } from '../registry';
import { ecoSnapshotQuery } from './api/eco.api';
import { useEcoLayers } from './layers/useEcoLayers';
import { AirTrendPanel, AqiPanel, RankingPanel } from './panels/AirPanels';
import { LegendPanel, StationPanel } from './panels/MapPanels';
import { EcoAlarmsPanel, NoisePanel, WaterPanel } from './panels/WaterNoisePanels';
import { useEcoUi } from './store';

/** 生态环保驾驶舱: air, water and noise of one region against the national standards, live. */
export default function EcoCockpit({ level, regionCode }: CockpitProps) {
  const snapshot = useQuery(ecoSnapshotQuery(regionCode));
  const catalog = useQuery(indicatorCatalogQuery());
  useLiveSnapshot('eco', regionCode);
  const data = snapshot.data;
  useEcoLayers(data);
  const selected = useEcoUi((s) => s.selected);
  // On the wall the legend sits on the map; on smaller screens it heads the right column.
  const wall = useUi((s) => s.profile) === 'wall';
  const select = useEcoUi((s) => s.select);
  // Leaving the cockpit drops the selected station. A change of scope keeps it: on a mouse screen the shared
  // map also drills into the region under a clicked station, and the detail must survive that.
  useEffect(() => () => select(null), [select]);
  return (
    <>
      <aside className="column column--left eco-column" data-level={level} data-region={regionCode}>
        <AqiPanel snapshot={data} catalog={catalog.data} />
        <AirTrendPanel snapshot={data} />
        <RankingPanel snapshot={data} />
      </aside>
      <aside className="column column--right eco-column">
        {!wall && <LegendPanel snapshot={data} />}
        <EcoAlarmsPanel snapshot={data} />
        <WaterPanel snapshot={data} />
        <NoisePanel snapshot={data} />
      </aside>
      {wall && (
        <div className="eco-legend-dock">
          <LegendPanel snapshot={data} />
        </div>
      )}
      {selected && (
        <div className="eco-dock">
          <StationPanel code={selected} sources={data?.sources} />
        </div>
      )}
    </>
  );
}
