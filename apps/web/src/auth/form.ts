import type { z } from 'zod';

/** One problem with one field of a form, as the contract's zod schema found it. */
export type FieldError = {
  /** The field's name in the request (`username`, `name.zh`, `roles`). */
  field: string;
  kind: 'required' | 'too-short' | 'too-long' | 'format' | 'invalid';
  /** The limit of a too-short / too-long error (characters or items). */
  limit?: number;
  /** zod's own message (English), for anything not covered by `kind`. */
  message: string;
};

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/**
 * Validates a form's request body with the same zod schema the BFF uses, and turns the issues into one
 * error per field (the first one), each naming its field.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Validation<z.infer<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const field = issue.path.filter((p) => typeof p !== 'symbol').join('.') || '(form)';
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push(toFieldError(field, issue, value));
  }
  return { ok: false, errors };
}

function toFieldError(field: string, issue: z.core.$ZodIssue, value: unknown): FieldError {
  const message = issue.message;
  if (issue.code === 'too_small') {
    const raw = valueAt(value, field);
    const empty = raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0);
    return empty
      ? { field, kind: 'required', message }
      : { field, kind: 'too-short', limit: Number(issue.minimum), message };
  }
  if (issue.code === 'too_big') return { field, kind: 'too-long', limit: Number(issue.maximum), message };
  if (issue.code === 'invalid_format') return { field, kind: 'format', message };
  if (issue.code === 'invalid_type' && valueAt(value, field) === undefined)
    return { field, kind: 'required', message };
  return { field, kind: 'invalid', message };
}

function valueAt(value: unknown, field: string): unknown {
  let v = value;
  for (const key of field.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Errors the BFF named (400 with `details`), in the same shape, when it sent any. */
export function serverFieldErrors(details: unknown): FieldError[] {
  const list = Array.isArray(details)
    ? details
    : details && typeof details === 'object' && Array.isArray((details as { issues?: unknown }).issues)
      ? (details as { issues: unknown[] }).issues
      : [];
  const errors: FieldError[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const { path, field, message } = item as { path?: unknown; field?: unknown; message?: unknown };
    const name =
      typeof field === 'string'
        ? field
        : typeof path === 'string'
          ? path
          : Array.isArray(path)
            ? path.join('.')
            : null;
    if (name)
      errors.push({ field: name, kind: 'invalid', message: typeof message === 'string' ? message : '' });
  }
  return errors;
}

/** Text of a field error in the UI language, starting with the field's label. */
export function describeFieldError(error: FieldError, label: string, lang: string, hint?: string): string {
  const zh = lang !== 'en';
  if (hint && (error.kind === 'format' || error.kind === 'invalid'))
    return zh ? `${label}：${hint}` : `${label}: ${hint}`;
  switch (error.kind) {
    case 'required':
      return zh ? `${label}：必填` : `${label}: required`;
    case 'too-short':
      return zh ? `${label}：至少 ${error.limit} 个字符` : `${label}: at least ${error.limit} characters`;
    case 'too-long':
      return zh ? `${label}：最多 ${error.limit} 个字符` : `${label}: at most ${error.limit} characters`;
    case 'format':
      return zh ? `${label}：格式不正确（${error.message}）` : `${label}: wrong format (${error.message})`;
    default:
      return zh ? `${label}：${error.message || '不正确'}` : `${label}: ${error.message || 'invalid'}`;
  }
}

/** "3 分钟" / "45 秒" for a Retry-After in seconds. */
export function formatWait(seconds: number, lang: string): string {
  const zh = lang !== 'en';
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return zh ? `${minutes} 分钟` : `${minutes} min`;
  }
  return zh ? `${Math.ceil(seconds)} 秒` : `${Math.ceil(seconds)} s`;
}
