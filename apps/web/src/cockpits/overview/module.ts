import { OverviewFieldOptions, OverviewScopeOptions } from '@cockpit/contracts';
import { lazy } from 'react';
import { definePanel } from '../../layout/define';
import type { ThemeModule } from '../../layout/types';

/** 县域总览: its host (live snapshot) and its own panel types; the rest of its screen is generic panels. */
export const overviewModule: ThemeModule = {
  theme: 'overview',
  Host: lazy(() => import('./OverviewHost')),
  panels: [
    definePanel('overview.scope', OverviewScopeOptions, () => import('./panels/ScopePanel')),
    definePanel('overview.field', OverviewFieldOptions, () => import('./panels/FieldPanel')),
  ],
};
