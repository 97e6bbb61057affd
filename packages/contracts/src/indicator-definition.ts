import { z } from 'zod';
import { IsoDateTime } from './indicator';
import { Level } from './region';
import { type IndicatorMeta, Localized } from './snapshot';
import { Theme } from './theme';

/** An indicator id: lower-camel segments separated by dots, e.g. `parking.freeBerths`. */
export const IndicatorId = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/, 'an id like parking.freeBerths (dotted lowerCamel)')
  .max(80)
  .meta({ id: 'IndicatorId', description: 'Stable id of an indicator, e.g. parking.freeBerths' });

export const INDICATOR_FIELDS = [
  'transport',
  'urban',
  'health',
  'tourism',
  'parking',
  'trauma',
  'eco',
  'grassroots',
] as const;
export const IndicatorField = z.enum(INDICATOR_FIELDS).meta({
  id: 'IndicatorField',
  description:
    'Field: transport 交通出行, urban 城市管理, health 卫生健康, tourism 文化旅游, parking 停车, trauma 急救, eco 生态环境, grassroots 基层治理',
});
export type IndicatorField = z.infer<typeof IndicatorField>;

/** How a region's value is made from the units below it (village → township → county). */
export const IndicatorRollup = z
  .discriminatedUnion('rule', [
    z.object({ rule: z.literal('sum') }),
    z.object({ rule: z.literal('mean') }),
    z.object({ rule: z.literal('max') }),
    z.object({ rule: z.literal('min') }),
    z.object({ rule: z.literal('none') }),
    z.object({
      rule: z.literal('weightedMean'),
      weight: IndicatorId.meta({ description: 'The indicator whose values weight the mean (e.g. a count)' }),
    }),
    z.object({
      rule: z.literal('ratio'),
      numerator: IndicatorId.optional(),
      denominator: IndicatorId.optional(),
    }),
  ])
  .meta({
    id: 'IndicatorRollup',
    description:
      'sum | mean | max | min of the values of the units below; weightedMean weighted by another indicator; ratio = Σ numerator ÷ Σ denominator over the units below (when the operands are indicators, named here; otherwise pooled by the value function from the units); none = not rolled up: computed afresh at every level from the raw units (medians, AQI from pooled concentrations)',
  });
export type IndicatorRollup = z.infer<typeof IndicatorRollup>;

/** A derived indicator: a structured formula over other indicators (never a string that is evaluated). */
export const IndicatorFormula = z
  .discriminatedUnion('op', [
    z.object({ op: z.literal('ratio'), numerator: IndicatorId, denominator: IndicatorId }),
    z.object({ op: z.literal('share'), numerator: IndicatorId, denominator: IndicatorId }),
    z.object({ op: z.literal('sum'), terms: z.array(IndicatorId).min(2).max(20) }),
    z.object({ op: z.literal('difference'), minuend: IndicatorId, subtrahend: IndicatorId }),
  ])
  .meta({
    id: 'IndicatorFormula',
    description:
      'ratio: numerator ÷ denominator; share: the same quotient shown as % (unit must be %, value a share 0–1); sum: Σ terms; difference: minuend − subtrahend. Operands are indicator ids; computed at each level from the operands there; null when an operand is null or a denominator is 0',
  });
export type IndicatorFormula = z.infer<typeof IndicatorFormula>;

export const IndicatorThresholds = z
  .object({
    warning: z.number().finite().nullable(),
    alarm: z.number().finite().nullable(),
  })
  .meta({
    id: 'IndicatorThresholds',
    description:
      'Band limits in the value scale (a % indicator as a share 0–1), read with direction: higherIsWorse → warning from `warning` up, alarm from `alarm` up; higherIsBetter → warning at or below `warning`, alarm at or below `alarm`. null: no such band',
  });

export const IndicatorTarget = z
  .object({ comparator: z.enum(['>=', '<=']), value: z.number().finite() })
  .meta({ id: 'IndicatorTarget', description: 'A target set by plan or standard, e.g. 优良天数比例 ≥ 0.95' });

export const IndicatorStatusOfDefinition = z
  .enum(['draft', 'active', 'retired'])
  .meta({ id: 'IndicatorDefinitionStatus', description: 'Retiring is a status change; nothing is deleted' });

const text = (max: number) => z.string().trim().min(1).max(max);

/** The part of a definition a person writes (create and update). */
export const IndicatorDefinitionInput = z
  .object({
    id: IndicatorId,
    name: z.object({ zh: text(60), en: text(120) }),
    unit: z
      .string()
      .trim()
      .max(16)
      .meta({ description: 'Display unit, e.g. 个, 件, 人次, 小时, % ("" = none)' }),
    field: IndicatorField,
    theme: Theme.meta({ description: 'The cockpit the indicator belongs to' }),
    definition: z
      .object({ zh: text(1000), en: text(2000) })
      .meta({ description: '口径: what is counted, over which units and period, from which records' }),
    departmentId: text(64).meta({ description: 'The owning department (id of a department)' }),
    source: z
      .object({ system: text(64), dataset: text(120) })
      .meta({ description: 'Source system id and the dataset in it' }),
    levels: z
      .array(Level)
      .min(1)
      .refine((ls) => new Set(ls).size === ls.length, 'levels must not repeat'),
    rollup: IndicatorRollup,
    updateFrequencySeconds: z
      .number()
      .int()
      .positive()
      .max(366 * 86400),
    freshnessTargetSeconds: z
      .number()
      .int()
      .positive()
      .max(366 * 86400),
    direction: z.enum(['higherIsBetter', 'higherIsWorse']),
    thresholds: IndicatorThresholds,
    target: IndicatorTarget.nullable(),
    formula: IndicatorFormula.nullable(),
    status: IndicatorStatusOfDefinition,
  })
  .strict();
export type IndicatorDefinitionInput = z.infer<typeof IndicatorDefinitionInput>;

export const IndicatorDefinition = IndicatorDefinitionInput.extend({
  version: z.number().int().min(1),
  updatedAt: IsoDateTime,
  updatedBy: z.string().meta({ description: 'Username of whoever saved this version (system = the seed)' }),
}).meta({ id: 'IndicatorDefinition', description: 'A stored indicator definition (one version)' });
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;

export const IndicatorDefinitionList = z
  .object({ items: z.array(IndicatorDefinition) })
  .meta({ id: 'IndicatorDefinitionList' });
export type IndicatorDefinitionList = z.infer<typeof IndicatorDefinitionList>;

export const CreateIndicatorRequest = IndicatorDefinitionInput.meta({ id: 'CreateIndicatorRequest' });

export const UpdateIndicatorRequest = IndicatorDefinitionInput.extend({
  version: z.number().int().min(1).meta({ description: 'The version the definition was read at' }),
}).meta({
  id: 'UpdateIndicatorRequest',
  description: 'The whole definition, with the version it was read at',
});
export type UpdateIndicatorRequest = z.infer<typeof UpdateIndicatorRequest>;

export const IndicatorListQuery = z.object({
  field: IndicatorField.optional(),
  department: z.string().max(64).optional(),
  status: IndicatorStatusOfDefinition.optional(),
  q: z.string().max(100).optional().meta({ description: 'Matches id, names and 口径 (case-insensitive)' }),
});

export const IndicatorVersionList = z
  .object({ items: z.array(IndicatorDefinition).meta({ description: 'Every saved version, newest first' }) })
  .meta({ id: 'IndicatorVersionList' });

/** The catalogue entry (IndicatorMeta) of a definition: the fields the cockpits read. */
export function indicatorMetaOf(d: IndicatorDefinitionInput): IndicatorMeta {
  return {
    id: d.id,
    name: d.name,
    unit: d.unit,
    theme: d.theme,
    levels: d.levels,
    source: d.source.system,
    rollup: d.rollup.rule,
    freshnessTargetSeconds: d.freshnessTargetSeconds,
    description: d.definition,
  };
}
