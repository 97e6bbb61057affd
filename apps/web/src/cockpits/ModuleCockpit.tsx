import { type LayoutDocument, PANEL_TYPES, SEED_LAYOUTS } from '@cockpit/contracts';
import { Suspense } from 'react';
import type { ThemeModule } from '../layout/types';
import { useUi } from '../stores/ui';
import type { CockpitProps } from './registry';

/**
 * Interim (until the layout renderer of apps/web/src/layout replaces `COCKPITS`): a theme module rendered the way
 * its hand-written cockpit was: its host, then the panels of its seeded wall (or desk) arrangement in the shell's
 * left and right columns, each column ordered top to bottom.
 */
export function ModuleCockpit({ module, level, regionCode }: CockpitProps & { module: ThemeModule }) {
  const screen = useUi((s) => s.profile);
  const profile = screen === 'wall' ? 'wall' : 'desk';
  const seed = SEED_LAYOUTS.find((d) => d.theme === module.theme && d.level === null && !d.regionCode);
  const Host = module.Host;
  const scope = { theme: module.theme, level, regionCode, profile } as const;
  const column = (side: 'left' | 'right') =>
    (seed ? sideOf(seed, profile, side) : []).map((p) => {
      const def = module.panels.find((d) => d.type === p.type);
      const spec = PANEL_TYPES[p.type];
      if (!def || !spec) return null;
      const Component = def.component;
      return <Component key={p.id} options={spec.options.parse(p.options)} scope={scope} instanceId={p.id} />;
    });
  const columnClass = `column ${module.theme} ${module.theme}-column`;
  return (
    <>
      <Suspense fallback={null}>
        <Host level={level} regionCode={regionCode} profile={profile} />
      </Suspense>
      <aside className={`${columnClass} column--left`} data-level={level} data-region={regionCode}>
        <Suspense fallback={null}>{column('left')}</Suspense>
      </aside>
      <aside className={`${columnClass} column--right`}>
        <Suspense fallback={null}>{column('right')}</Suspense>
      </aside>
    </>
  );
}

function sideOf(doc: LayoutDocument, profile: 'wall' | 'desk', side: 'left' | 'right') {
  const { map, panels } = doc.profiles[profile];
  const mapX = map?.x ?? 0;
  return panels.filter((p) => p.x < mapX === (side === 'left')).sort((a, b) => a.y - b.y || a.x - b.x);
}
