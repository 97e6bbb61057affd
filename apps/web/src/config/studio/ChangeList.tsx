import type { LayoutChange } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';

/** A readable list of panel changes (version comparison, 409). */
export function ChangeList({ changes }: { changes: LayoutChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p>{t('studio.noDiff')}</p>;
  return (
    <ul className="studio-changes" data-testid="studio-changes">
      {changes.map((c) => (
        <li key={`${c.profile}:${c.panelId}:${c.change}`} data-change={c.change}>
          <strong>{t(`studio.change.${c.change}`)}</strong> {c.panelId}{' '}
          <span className="studio-changes__detail">{c.detail}</span>{' '}
          <small>{t(`studio.profiles.${c.profile}`, { defaultValue: c.profile })}</small>
        </li>
      ))}
    </ul>
  );
}
