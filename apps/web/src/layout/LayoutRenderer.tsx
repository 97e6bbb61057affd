import './layout.css';
import {
  type EffectiveLayout,
  type GridRect,
  PANEL_TYPES,
  type PanelInstance,
  PROFILES,
} from '@cockpit/contracts';
import { type CSSProperties, type ReactNode, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, Panel } from '../components/Panel';
import { rowsUsed } from './effective';
import { ErrorPanel, PanelBoundary } from './PanelBoundary';
import { PANEL_REGISTRY } from './registry';
import type { PanelScope } from './types';

const area = (r: GridRect): CSSProperties => ({
  gridColumn: `${r.x + 1} / span ${r.w}`,
  gridRow: `${r.y + 1} / span ${r.h}`,
});

type Props = {
  layout: Pick<EffectiveLayout, 'layoutId' | 'version' | 'map' | 'panels'>;
  scope: PanelScope;
  /** The app's one map (MapStage): placed in the layout's map rectangle, hidden where the profile has none. */
  map: ReactNode;
};

/**
 * A cockpit screen: the profile's grid (PROFILES[profile]: a fixed canvas cut into cells on a wall, rows of a
 * fixed height on a scrolling page), the map in its rectangle and every panel instance in its own, each
 * loaded lazily and shown inside an error boundary with a loading panel until its code has arrived.
 */
export function LayoutRenderer({ layout, scope, map }: Props) {
  const grid = PROFILES[scope.profile];
  const style: CSSProperties = {
    gridTemplateColumns: `repeat(${grid.cols}, minmax(0, 1fr))`,
    gridTemplateRows: grid.scroll
      ? `repeat(${rowsUsed(layout)}, ${grid.rowHeightPx ?? 64}px)`
      : `repeat(${grid.rows}, minmax(0, 1fr))`,
  };
  return (
    <div
      className={`layout-grid ${grid.scroll ? 'layout-grid--scroll' : 'layout-grid--fixed'}`}
      style={style}
      data-testid="layout"
      data-layout-id={layout.layoutId}
      data-layout-version={layout.version}
      data-profile-id={scope.profile}
    >
      <div
        className="layout-map"
        style={layout.map ? area(layout.map) : undefined}
        hidden={!layout.map}
        data-testid="layout-map"
      >
        {map}
      </div>
      {layout.panels.map((p) => (
        <div key={p.id} className="layout-cell" style={area(p)} data-panel-id={p.id} data-panel-type={p.type}>
          <PanelSlot instance={p} scope={scope} />
        </div>
      ))}
    </div>
  );
}

/** One panel instance: its registered component with parsed options, or a panel that says what is wrong. */
function PanelSlot({ instance, scope }: { instance: PanelInstance; scope: PanelScope }) {
  const { t, i18n } = useTranslation();
  const spec = PANEL_TYPES[instance.type];
  const definition = PANEL_REGISTRY.get(instance.type);
  // Parsed once per instance (not per render), so a panel's memoised view models keep their inputs.
  const parsed = useMemo(() => spec?.options.safeParse(instance.options), [spec, instance.options]);
  if (!spec || !definition || !parsed)
    return <ErrorPanel type={instance.type} message={t('layout.unknownType', { type: instance.type })} />;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return (
      <ErrorPanel
        type={instance.type}
        message={t('layout.badOptions', {
          id: instance.id,
          field: issue?.path.join('.') || '(options)',
          message: issue?.message ?? '',
        })}
      />
    );
  }
  const Component = definition.component;
  const name = i18n.language === 'en' ? spec.name.en : spec.name.zh;
  return (
    <PanelBoundary
      type={instance.type}
      describe={(e) =>
        t('layout.failed', { id: instance.id, message: e instanceof Error ? e.message : String(e) })
      }
    >
      <Suspense
        fallback={
          <Panel title={name}>
            <Loading />
          </Panel>
        }
      >
        <Component options={parsed.data} scope={scope} instanceId={instance.id} />
      </Suspense>
    </PanelBoundary>
  );
}
