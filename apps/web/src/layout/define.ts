import { type ComponentType, lazy } from 'react';
import type { z } from 'zod';
import type { PanelDefinition, PanelProps } from './types';

/**
 * A panel type's web half: its lazily loaded component (a module whose default export renders the panel),
 * typed by the type's options schema from @cockpit/contracts. The schema is only used for typing here; the
 * renderer parses every instance's options with PANEL_TYPES[type].options.
 */
export function definePanel<S extends z.ZodType>(
  type: string,
  _options: S,
  load: () => Promise<{ default: ComponentType<PanelProps<z.infer<S>>> }>,
): PanelDefinition {
  // A component of one options type stands for "a panel" in the registry; the renderer hands it options
  // parsed with the same schema, so the widening is sound.
  return { type, component: lazy(load) as unknown as PanelDefinition['component'] };
}
