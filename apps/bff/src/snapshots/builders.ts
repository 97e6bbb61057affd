import type { Theme } from '@cockpit/contracts';
import type { ThemeBuilder } from './builder';
import { ecoBuilder } from './eco/eco.builder';
import { grassrootsBuilder } from './grassroots/grassroots.builder';
import { overviewBuilder } from './overview';
import { parkingBuilder } from './parking/parking.builder';
import { traumaBuilder } from './trauma/trauma.builder';

/** Theme → snapshot builder. Each department cockpit owns its folder under snapshots/. */
export const BUILDERS: Partial<Record<Theme, ThemeBuilder>> = {
  overview: overviewBuilder,
  parking: parkingBuilder,
  trauma: traumaBuilder,
  eco: ecoBuilder,
  grassroots: grassrootsBuilder,
};
