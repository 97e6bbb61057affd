import type { MapLayersOptions } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Panel } from '../../components/Panel';
import type { PanelProps } from '../../layout/types';
import { useUi } from '../../stores/ui';
import { panelTitle } from '../title';
import { layerToggles } from './transform';

/** The `map-layers` panel type: switches for the map's context layers (water, roads, seats and landmarks). */
export default function MapLayersPanel({ options }: PanelProps<z.infer<typeof MapLayersOptions>>) {
  const { t, i18n } = useTranslation();
  const hidden = useUi((s) => s.hiddenMapGroups);
  const toggle = useUi((s) => s.toggleMapGroup);
  return (
    <Panel
      title={panelTitle(options.title, i18n.language, t('layout.mapLayers'))}
      source={t('layout.mapSource')}
    >
      <div className="layer-toggles" data-testid="map-layer-toggles">
        {layerToggles(options.layers, hidden).map(({ group, shown }) => (
          <button
            key={group}
            type="button"
            className="button layer-toggle"
            aria-pressed={shown}
            data-group={group}
            onClick={() => toggle(group)}
          >
            {t(`layout.mapGroups.${group}`)} · {shown ? t('layout.on') : t('layout.off')}
          </button>
        ))}
      </div>
    </Panel>
  );
}
