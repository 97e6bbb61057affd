import './i18n';
import './grassroots.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { themeSnapshotQuery } from '../../layout/snapshot';
import type { PanelScope } from '../../layout/types';
import { useLiveSnapshot } from '../../lib/useLiveSnapshot';
import { useMapStageElement } from '../../map/useMapStageElement';
import { useGrassrootsUi } from './store';
import { useGrassrootsLayers } from './useGrassrootsLayers';

/**
 * 基层治理, once per screen: the live subscription of the region's grassroots snapshot, the event map (points
 * by type, the heat of the chosen window, flood points) and a note over the map that the positions inside a
 * village are approximate and the data simulated. The grid's panels read the same snapshot query.
 */
export default function GrassrootsHost({ regionCode }: Omit<PanelScope, 'theme'>) {
  const { t } = useTranslation();
  const snapshot = useQuery(themeSnapshotQuery('grassroots', regionCode)).data;
  useLiveSnapshot('grassroots', regionCode);
  useGrassrootsLayers(snapshot?.theme === 'grassroots' ? snapshot : undefined);
  const reset = useGrassrootsUi((s) => s.reset);
  // Leaving the cockpit forgets the heat window and hidden types.
  useEffect(() => () => reset(), [reset]);
  const stage = useMapStageElement();
  if (!stage || !snapshot) return null;
  return createPortal(
    <div className="gr-map-note" data-testid="gr-map-note">
      {t('grassroots.positionsNote')} · {t('panel.simulated')}
    </div>,
    stage,
  );
}
