import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionSearchQuery } from '../map/regions.api';

/** Region search (desk and tablet): name, pinyin initials or code prefix. */
export function RegionSearch({ onPick }: { onPick: (code: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const id = window.setTimeout(() => setDebounced(text.trim()), 200);
    return () => window.clearTimeout(id);
  }, [text]);
  const results = useQuery(regionSearchQuery(debounced));
  const items = results.data?.results ?? [];
  const pick = (code: string) => {
    setOpen(false);
    setText('');
    onPick(code);
  };
  return (
    <div className="search">
      <input
        type="search"
        className="search__input"
        value={text}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && items[0]) pick(items[0].code);
          if (e.key === 'Escape') {
            setOpen(false);
            e.stopPropagation();
          }
        }}
      />
      {open && items.length > 0 && (
        <ul className="search__results">
          {items.map((r) => (
            <li key={r.code}>
              <button type="button" onClick={() => pick(r.code)}>
                <span>{r.name}</span>
                <span className="muted">
                  {r.parentName ?? ''} · {r.code}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
