import { type FieldError, serverFieldErrors } from '../auth/form';
import { ApiRequestError } from '../lib/api';

/** A failed write as field errors: the fields the BFF named, or one form-level line with its message. */
export function serverErrors(err: unknown): FieldError[] {
  if (err instanceof ApiRequestError) {
    const named = serverFieldErrors(err.details);
    if (named.length > 0) return named;
    return [{ field: '(form)', kind: 'invalid', message: `${err.code}: ${err.message}` }];
  }
  return [{ field: '(form)', kind: 'invalid', message: err instanceof Error ? err.message : String(err) }];
}
