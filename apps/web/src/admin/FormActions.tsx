import { useTranslation } from 'react-i18next';

/** 保存 / 取消 under an admin form. */
export function FormActions({
  onCancel,
  busy,
  saveTestId,
}: {
  onCancel: () => void;
  busy?: boolean;
  saveTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="admin-form__actions">
      <button type="submit" className="button button--primary" disabled={busy} data-testid={saveTestId}>
        {t('admin.save')}
      </button>
      <button type="button" className="button button--ghost" onClick={onCancel}>
        {t('admin.cancel')}
      </button>
    </div>
  );
}
