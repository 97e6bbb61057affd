import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RegionSearch } from '../app/RegionSearch';
import { regionQuery } from '../map/regions.api';

/** A region scope chosen by search (name, pinyin initials, code); shows the chosen region's name. */
export function ScopePicker({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (code: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const region = useQuery({ ...regionQuery(value), enabled: /^\d{6,12}$/.test(value) });
  return (
    // Enter picks the first result; it must not also submit the surrounding form.
    <div
      className="field scope-picker"
      data-testid="scope-picker"
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
    >
      <span>{label}</span>
      <RegionSearch onPick={onChange} />
      <output className="muted" data-testid="scope-value" data-code={value}>
        {t('admin.scope.current', { name: region.data?.name ?? '…', code: value })}
      </output>
    </div>
  );
}
