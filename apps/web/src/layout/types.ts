import type { Level, ProfileId, Theme } from '@cockpit/contracts';
import type { ComponentType, LazyExoticComponent } from 'react';
import type { z } from 'zod';

/** The scope every panel and theme host is shown in. */
export type PanelScope = { theme: Theme; level: Level; regionCode: string; profile: ProfileId };

export type PanelProps<O> = {
  /** The instance's options, already parsed with the type's schema (defaults filled in). */
  options: O;
  scope: PanelScope;
  /** The panel instance id within the layout (stable across versions of a layout). */
  instanceId: string;
};

/**
 * A panel type on the web, the way Grafana registers panel plugins: the options schema comes from
 * `PANEL_TYPES` in @cockpit/contracts (shared with the BFF's validation); the web adds the lazily loaded
 * component. Each panel computes its view model with a pure, tested `transform(data, options)` exported
 * next to it (not part of this record, since its input differs per type).
 */
export type PanelDefinition<S extends z.ZodType = z.ZodType> = {
  type: string;
  component: LazyExoticComponent<ComponentType<PanelProps<z.infer<S>>>>;
};

/**
 * What a theme contributes: its panel types, and a host rendered once per cockpit screen that owns the
 * theme's live subscription and map layers (it renders no panel itself).
 */
export type ThemeModule = {
  theme: Theme;
  Host: LazyExoticComponent<ComponentType<Omit<PanelScope, 'theme'>>>;
  panels: PanelDefinition[];
};
