import { type ComponentType, lazy } from 'react';
import type { z } from 'zod';
import type { PanelDefinition, PanelProps } from '../layout/types';

/**
 * A panel type's web half: its type name, the options schema its component is typed against (the same zod
 * schema `PANEL_TYPES[type].options` holds, which the layout renderer parses the instance's options with), and
 * the lazily loaded component. The one cast here is what that parse guarantees: the component receives
 * `z.infer<S>`, while the registry stores every type under the common `PanelDefinition`.
 */
export function definePanel<S extends z.ZodType>(
  type: string,
  _options: S,
  load: () => Promise<{ default: ComponentType<PanelProps<z.infer<S>>> }>,
): PanelDefinition {
  return { type, component: lazy(load) as unknown as PanelDefinition['component'] };
}
