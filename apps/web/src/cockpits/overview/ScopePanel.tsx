import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Figure, Panel } from '../../components/Panel';
import { regionQuery } from '../../map/regions.api';
import { useUi } from '../../stores/ui';
import type { CockpitProps } from '../registry';

/** The region in scope: its level and how many units sit below it; the hovered child is named. */
export function ScopePanel({ level, regionCode }: CockpitProps) {
  const { t } = useTranslation();
  const region = useQuery(regionQuery(regionCode));
  const hovered = useUi((s) => s.hoveredRegionCode);
  const detail = region.data;
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
            {t(`level.${level}`)} · {detail.code}
          </div>
          {level !== 'village' && (
            <Figure
              value={String(detail.children.length)}
              unit={t('scope.unit')}
              label={t(`level.${childLevel}`)}
            />
          )}
          <div className="scope__hover">{hoveredName ?? (level !== 'village' ? t('scope.hint') : '')}</div>
        </div>
      )}
    </Panel>
  );
}
