import { lazy } from 'react';
import type { ThemeModule } from '../../layout/types';

/** Stub until the trauma cockpit is converted to panels: its hand-written cockpit is the host (no layout). */
export const traumaModule: ThemeModule = {
  theme: 'trauma',
  Host: lazy(() => import('./TraumaCockpit')),
  panels: [],
};
