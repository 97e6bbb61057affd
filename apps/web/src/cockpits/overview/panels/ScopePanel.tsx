import type { OverviewScopeOptions } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Figure, Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { regionQuery } from '../../../map/regions.api';
import { useUi } from '../../../stores/ui';

/** The region in scope: its level and how many units sit below it; the hovered child is named. */
export default function ScopePanel({ scope }: PanelProps<z.infer<typeof OverviewScopeOptions>>) {
  const { level, regionCode } = scope;
  const { t } = useTranslation();
  const region = useQuery(regionQuery(regionCode));
  const hovered = useUi((s) => s.hoveredRegionCode);
  const profile = useUi((s) => s.profile);
  const hint =
    profile === 'tablet' ? 'scope.hintTablet' : profile === 'wall' ? 'scope.hintWall' : 'scope.hint';
  const detail = region.data;
  const parentName = detail?.path.at(-2)?.name;
  const hoveredName = detail?.children.find((c) => c.code === hovered)?.name;
  const childLevel = level === 'county' ? 'township' : 'village';
  return (
    <Panel title={t('scope.title')} source={t('scope.source')} className="panel--compact">
      {detail && (
        <div className="scope">
          <div className="scope__name" data-testid="scope-name">
            {detail.name}
          </div>
          <div className="muted">
            {t(`level.${level}`)}
            {parentName ? ` · ${parentName}` : ''}
            {/* The code helps an analyst at a desk; on a wall or tablet it is boilerplate. */}
            {profile === 'desk' ? ` · ${detail.code}` : ''}
          </div>
          {level !== 'village' && (
            <Figure
              value={String(detail.children.length)}
              unit={t('scope.unit')}
              label={t(`level.${childLevel}`)}
            />
          )}
          <div className="scope__hover">{hoveredName ?? (level !== 'village' ? t(hint) : '')}</div>
        </div>
      )}
    </Panel>
  );
}
