import { z } from 'zod';

/**
 * The fields of a panel type's options form, generated from its zod schema (through `z.toJSONSchema`, so
 * the walk reads plain JSON Schema: types, enums, bounds, defaults, nullable groups). Pure.
 */
export type OptionField =
  | { kind: 'text'; key: string; path: string[]; maxLength?: number; multiline: boolean }
  | { kind: 'colour'; key: string; path: string[] }
  | { kind: 'number'; key: string; path: string[]; integer: boolean; min?: number; max?: number }
  | { kind: 'boolean'; key: string; path: string[] }
  | { kind: 'enum'; key: string; path: string[]; values: (string | number)[] }
  | { kind: 'enum-set'; key: string; path: string[]; values: string[]; maxItems?: number }
  | { kind: 'indicator'; key: string; path: string[] }
  | { kind: 'indicators'; key: string; path: string[]; maxItems?: number }
  | { kind: 'strings'; key: string; path: string[]; maxItems?: number }
  /**
   * A panel's own bands, edited against its indicator's: for its one indicator (PanelThresholds), or by
   * indicator id for a panel of several (PanelThresholdsByIndicator).
   */
  | { kind: 'thresholds'; key: string; path: string[]; perIndicator: boolean }
  | {
      kind: 'group';
      key: string;
      path: string[];
      /** A nullable group (e.g. the title): off means null, the panel's own default. */
      nullable: boolean;
      fields: OptionField[];
      /** The group's value when switched on. */
      empty: Record<string, unknown>;
    }
  | { kind: 'unsupported'; key: string; path: string[]; description: string };

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  const?: unknown;
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  description?: string;
  default?: unknown;
};

const COLOUR_PATTERN = '^#[0-9a-fA-F]{6}$';

function fieldOf(key: string, path: string[], s: JsonSchema): OptionField {
  if (key === 'thresholds' && path.length === 1)
    return { kind: 'thresholds', key, path, perIndicator: s.type === 'object' };
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    // A union of literals (e.g. 1 | 2) is a choice.
    const consts = alternatives.map((a) => a.const);
    if (consts.every((c) => typeof c === 'string' || typeof c === 'number'))
      return { kind: 'enum', key, path, values: consts as (string | number)[] };
    const nonNull = alternatives.filter((a) => a.type !== 'null');
    const only = nonNull[0];
    if (nonNull.length === 1 && only) {
      const inner = fieldOf(key, path, only);
      if (inner.kind === 'group') return { ...inner, nullable: alternatives.length > 1 };
      return inner;
    }
    return { kind: 'unsupported', key, path, description: s.description ?? '' };
  }
  if (s.enum?.every((v) => typeof v === 'string'))
    return { kind: 'enum', key, path, values: s.enum as string[] };
  switch (s.type) {
    case 'string':
      if (s.pattern === COLOUR_PATTERN) return { kind: 'colour', key, path };
      if (key === 'indicatorId') return { kind: 'indicator', key, path };
      return {
        kind: 'text',
        key,
        path,
        ...(s.maxLength !== undefined ? { maxLength: s.maxLength } : {}),
        multiline: (s.maxLength ?? 0) > 200,
      };
    case 'number':
    case 'integer':
      return {
        kind: 'number',
        key,
        path,
        integer: s.type === 'integer',
        ...(s.minimum !== undefined ? { min: s.minimum } : {}),
        ...(s.maximum !== undefined ? { max: s.maximum } : {}),
      };
    case 'boolean':
      return { kind: 'boolean', key, path };
    case 'array': {
      const max = s.maxItems !== undefined ? { maxItems: s.maxItems } : {};
      const items = s.items ?? {};
      if (items.enum?.every((v) => typeof v === 'string'))
        return { kind: 'enum-set', key, path, values: items.enum as string[], ...max };
      if (items.type === 'string')
        return key === 'indicatorIds'
          ? { kind: 'indicators', key, path, ...max }
          : { kind: 'strings', key, path, ...max };
      return { kind: 'unsupported', key, path, description: s.description ?? '' };
    }
    case 'object': {
      const fields = Object.entries(s.properties ?? {}).map(([k, v]) => fieldOf(k, [...path, k], v));
      const empty = Object.fromEntries(fields.map((f) => [f.key, emptyValue(f)]));
      return { kind: 'group', key, path, nullable: false, fields, empty };
    }
    default:
      return { kind: 'unsupported', key, path, description: s.description ?? '' };
  }
}

function emptyValue(f: OptionField): unknown {
  switch (f.kind) {
    case 'text':
    case 'indicator':
      return '';
    case 'colour':
      return '#36c3f0';
    case 'number':
      return f.min ?? 0;
    case 'boolean':
      return false;
    case 'enum':
      return f.values[0] ?? '';
    case 'enum-set':
    case 'indicators':
    case 'strings':
      return [];
    case 'group':
      return f.nullable ? null : f.empty;
    case 'thresholds':
    case 'unsupported':
      return null;
  }
}

/** The form's fields for an options schema (its top-level object's properties). */
export function optionFields(schema: z.ZodType): OptionField[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const root = fieldOf('', [], json);
  return root.kind === 'group' ? root.fields : [root];
}

/** The value at a path of an options object. */
export function valueAt(options: unknown, path: readonly string[]): unknown {
  let v: unknown = options;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** A copy of the options with the value at `path` replaced (intermediate objects created as needed). */
export function withValueAt(
  options: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return options;
  if (rest.length === 0) return { ...options, [head]: value };
  const inner = options[head];
  const base = inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : {};
  return { ...options, [head]: withValueAt(base, rest, value) };
}

/**
 * The options with the schema's defaults filled in (what the panel renders), or the raw options when they
 * do not parse (the form then shows the issues).
 */
export function withDefaults(schema: z.ZodType, options: Record<string, unknown>): Record<string, unknown> {
  const parsed = schema.safeParse(options);
  return parsed.success && parsed.data && typeof parsed.data === 'object'
    ? (parsed.data as Record<string, unknown>)
    : options;
}

/** The schema's issues by field path ("title.zh"), for the form to show next to each field. */
export function optionIssues(schema: z.ZodType, options: unknown): Map<string, string> {
  const parsed = schema.safeParse(options);
  const out = new Map<string, string>();
  if (!parsed.success)
    for (const issue of parsed.error.issues) out.set(issue.path.map(String).join('.'), issue.message);
  return out;
}
