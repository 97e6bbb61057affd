import { z } from 'zod';
import type { IndicatorDefinition } from '../indicator-definition';

type Direction = IndicatorDefinition['direction'];
type Limits = { warning: number | null; alarm: number | null };

const Colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .meta({ description: 'A colour as #rrggbb' });

/** The semantic status colours of the house (theme.css --ok, --warning, --alarm). */
export const BAND_COLOURS = { normal: '#2ecc71', warning: '#f5a524', alarm: '#ff4d4f' } as const;

/** A panel's own limits for one indicator (value scale, read with the indicator's direction) and colours. */
export const OwnBands = z.object({
  warning: z.number().finite().nullable(),
  alarm: z.number().finite().nullable(),
  colors: z
    .object({ normal: Colour, warning: Colour, alarm: Colour })
    .nullable()
    .default(null)
    .meta({ description: 'Colours of the normal, warning and alarm bands; null: the status colours' }),
});

/**
 * A panel's own bands for its indicator, overriding the stored definition's for this panel only. null (the
 * default): the indicator's bands. Limits are in the value scale (a % indicator as a share 0–1), read with the
 * indicator's direction; `colors` null: the house status colours.
 */
export const PanelThresholds = OwnBands.nullable().default(null).meta({
  description:
    "The panel's own warning/alarm limits (value scale, read with the indicator's direction); null: the indicator's",
});
export type PanelThresholds = z.infer<typeof PanelThresholds>;

/** The own bands of a panel showing several indicators, by indicator id; one not named: the indicator's. */
export const PanelThresholdsByIndicator = z
  .record(z.string().max(80), OwnBands)
  .refine((r) => Object.keys(r).length <= 12, 'at most 12 indicators')
  .default({})
  .meta({
    description: 'Own warning/alarm limits by indicator id; an indicator not named keeps its own bands',
  });
export type PanelThresholdsByIndicator = z.infer<typeof PanelThresholdsByIndicator>;

/** The band a value is in by the limits, read with the direction (the alarm band wins). */
export function thresholdBandOf(
  d: { thresholds: Limits; direction: Direction } | undefined,
  value: number | null,
): 'alarm' | 'warning' | null {
  if (!d || value === null) return null;
  const beyond = (limit: number | null) =>
    limit !== null && (d.direction === 'higherIsWorse' ? value >= limit : value <= limit);
  return beyond(d.thresholds.alarm) ? 'alarm' : beyond(d.thresholds.warning) ? 'warning' : null;
}

/**
 * Why a pair of limits does not fit the direction, or undefined: with higherIsWorse the alarm limit lies above
 * the warning one, with higherIsBetter below it (equal limits leave no warning band). Names the field to blame.
 */
export function bandOrderProblem(
  limits: Limits,
  direction: Direction,
): { field: 'alarm'; message: string } | undefined {
  const { warning, alarm } = limits;
  if (warning === null || alarm === null) return undefined;
  if (direction === 'higherIsWorse' && !(alarm > warning))
    return {
      field: 'alarm',
      message: `the indicator is worse when higher, so the alarm limit (${alarm}) must be above the warning limit (${warning})`,
    };
  if (direction === 'higherIsBetter' && !(alarm < warning))
    return {
      field: 'alarm',
      message: `the indicator is worse when lower, so the alarm limit (${alarm}) must be below the warning limit (${warning})`,
    };
  return undefined;
}

/** The bands a panel draws: its own when set, else the indicator's; with their colours. */
export function effectiveBands(
  override: PanelThresholds | undefined,
  definition: Pick<IndicatorDefinition, 'thresholds' | 'direction'> | undefined,
): {
  thresholds: Limits;
  direction: Direction;
  colors: { normal: string; warning: string; alarm: string };
  own: boolean;
} | null {
  if (!definition) return null;
  return {
    thresholds: override
      ? { warning: override.warning, alarm: override.alarm }
      : { warning: definition.thresholds.warning, alarm: definition.thresholds.alarm },
    direction: definition.direction,
    colors: override?.colors ?? { ...BAND_COLOURS },
    own: override != null,
  };
}
