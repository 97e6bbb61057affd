import { useTranslation } from 'react-i18next';
import type { PanelChange } from './studio-model';

/** A readable list of panel changes (version comparison, 409). */
export function ChangeList({ changes }: { changes: PanelChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p>{t('studio.noDiff')}</p>;
  return (
    <ul className="studio-changes" data-testid="studio-changes">
      {changes.map((c) => (
        <li key={`${c.profile}:${c.panelId}:${c.change}`} data-change={c.change}>
          <strong>{t(`studio.change.${c.change}`)}</strong> {c.panelId}{' '}
          <small>{t(`studio.profiles.${c.profile}`, { defaultValue: c.profile })}</small>
        </li>
      ))}
    </ul>
  );
}
