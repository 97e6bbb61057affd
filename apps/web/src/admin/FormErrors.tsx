import { useTranslation } from 'react-i18next';
import { describeFieldError, type FieldError } from '../auth/form';

/** The errors of a form, one line per field, each naming its field. */
export function FormErrors({
  errors,
  labels,
  hints = {},
}: {
  errors: FieldError[];
  labels: Record<string, string>;
  /** What a well-formed value looks like, for fields with a format (e.g. the username's characters). */
  hints?: Record<string, string>;
}) {
  const { i18n } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <ul className="form-error" role="alert" data-testid="form-errors">
      {errors.map((e) => (
        <li key={e.field} data-field={e.field}>
          {e.field === '(form)'
            ? e.message
            : describeFieldError(e, labels[e.field] ?? e.field, i18n.language, hints[e.field])}
        </li>
      ))}
    </ul>
  );
}
