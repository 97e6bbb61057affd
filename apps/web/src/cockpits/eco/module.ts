import { lazy } from 'react';
import type { ThemeModule } from '../../layout/types';

/** Stub until the eco cockpit is converted to panels: its hand-written cockpit is the host (no layout). */
export const ecoModule: ThemeModule = { theme: 'eco', Host: lazy(() => import('./EcoCockpit')), panels: [] };
