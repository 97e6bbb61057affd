import { PANEL_TYPES, type Theme } from '@cockpit/contracts';
import { ecoModule } from '../cockpits/eco/module';
import { grassrootsModule } from '../cockpits/grassroots/module';
import { overviewModule } from '../cockpits/overview/module';
import { parkingModule } from '../cockpits/parking/module';
import { traumaModule } from '../cockpits/trauma/module';
import { GENERIC_PANELS } from '../panels/generic';
import type { PanelDefinition, ThemeModule } from './types';

/** Every theme's module: its host (live data, map layers) and its own panel types. */
export const THEME_MODULES: Record<Theme, ThemeModule> = {
  overview: overviewModule,
  parking: parkingModule,
  trauma: traumaModule,
  eco: ecoModule,
  grassroots: grassrootsModule,
};

/**
 * The web's panel registry, the way Grafana maps a plugin id to its lazily loaded module: panel type →
 * definition, for the generic types and every theme's own. The options schema of each type lives in
 * @cockpit/contracts PANEL_TYPES (the BFF validates stored layouts with it).
 */
export const PANEL_REGISTRY: ReadonlyMap<string, PanelDefinition> = new Map(
  [...GENERIC_PANELS, ...Object.values(THEME_MODULES).flatMap((m) => m.panels)].map((d) => [d.type, d]),
);

/** Types declared in contracts that the web cannot render (a test keeps this empty). */
export function typesWithoutComponent(): string[] {
  return Object.keys(PANEL_TYPES).filter((type) => !PANEL_REGISTRY.has(type));
}
