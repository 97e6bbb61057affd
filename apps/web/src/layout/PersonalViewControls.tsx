import { PANEL_TYPES } from '@cockpit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moved, type PersonalView } from './personalView';

/**
 * The tablet's small edit mode for a personal view: every panel of the published layout with hide/show,
 * pin and up/down, and a reset to the published layout. Touch targets are buttons of full height.
 */
export function PersonalViewControls({ view }: { view: PersonalView }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const editable = view.editable;
  if (!editable) return null;
  const { published, choice } = editable;
  const shown = view.state.status === 'ready' ? [...view.state.layout.panels] : [];
  shown.sort((a, b) => a.y - b.y || a.x - b.x);
  const hidden = published.panels.filter((p) => choice.hidden.includes(p.id));
  const name = (type: string, id: string) => {
    const spec = PANEL_TYPES[type];
    return `${spec ? (i18n.language === 'en' ? spec.name.en : spec.name.zh) : type} · ${id}`;
  };
  const toggle = (list: readonly string[], id: string) =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
  return (
    <>
      <button
        type="button"
        className="button button--ghost"
        data-testid="personal-edit"
        data-view-stored={editable.stored ? 'yes' : 'no'}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('personalView.done') : t('personalView.edit')}
      </button>
      {open && (
        <section className="personal-view" data-testid="personal-view" aria-label={t('personalView.title')}>
          <h2>{t('personalView.title')}</h2>
          <ol>
            {shown.map((p, i) => (
              <li key={p.id} data-panel-id={p.id}>
                <span>
                  {name(p.type, p.id)}
                  {choice.pinned.includes(p.id) && <small> · {t('personalView.pinned')}</small>}
                </span>
                <button
                  type="button"
                  className="button"
                  data-testid={`personal-hide-${p.id}`}
                  onClick={() => view.save({ ...choice, hidden: [...choice.hidden, p.id] })}
                >
                  {t('personalView.hide')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => view.save({ ...choice, pinned: toggle(choice.pinned, p.id) })}
                >
                  {choice.pinned.includes(p.id) ? t('personalView.unpin') : t('personalView.pin')}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={i === 0}
                  onClick={() => view.save(moved(shown, choice, p.id, -1))}
                >
                  {t('personalView.up')}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={i === shown.length - 1}
                  onClick={() => view.save(moved(shown, choice, p.id, 1))}
                >
                  {t('personalView.down')}
                </button>
              </li>
            ))}
            {hidden.map((p) => (
              <li key={p.id} data-panel-id={p.id} className="personal-view__hidden">
                <span>
                  {name(p.type, p.id)} <small>· {t('personalView.hidden')}</small>
                </span>
                <button
                  type="button"
                  className="button"
                  data-testid={`personal-show-${p.id}`}
                  onClick={() => view.save({ ...choice, hidden: choice.hidden.filter((x) => x !== p.id) })}
                >
                  {t('personalView.show')}
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button--ghost"
            data-testid="personal-reset"
            onClick={view.reset}
          >
            {t('personalView.reset')}
          </button>
        </section>
      )}
    </>
  );
}
