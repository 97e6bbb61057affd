import {
  diffLayouts,
  type LayoutChange,
  type LayoutDocument,
  type LayoutEditorRights,
  Level,
  layoutEditorRights,
  PANEL_TYPES,
  PROFILES,
  type ProfileId,
  THEMES,
  type Theme,
} from '@cockpit/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ChangeEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LanguageButton } from '../../auth/LanguageButton';
import { can, homePath } from '../../auth/redirect';
import { useSessionUser } from '../../auth/session.api';
import { UserMenu } from '../../auth/UserMenu';
import { LayoutRenderer } from '../../layout/LayoutRenderer';
import { ApiRequestError } from '../../lib/api';
import { formatClock } from '../../lib/format';
import { regionQuery } from '../../map/regions.api';
import { ChangeList } from './ChangeList';
import { editorReducer, initialEditor, keyAction } from './editor-state';
import { OptionsForm } from './OptionsForm';
import { StudioCanvas } from './StudioCanvas';
import {
  conflictOf,
  createLayout,
  deleteDraft,
  draftQuery,
  inertJsonText,
  layoutListQuery,
  publishVersion,
  STUDIO_PROFILES,
  saveDraft,
  storedLayoutQuery,
  validateLayout,
  versionQuery,
} from './studio.api';
import { documentsDiffer, layoutForScope, rebaseDocument, withProfile } from './studio-model';
import { VersionsPanel } from './VersionsPanel';
import '../../admin/admin.css';
import './studio.css';
import './i18n';

/** Where the studio previews a level when no region is chosen: the county, 平桥镇, and a village of 平桥镇. */
const PREVIEW_TOWNSHIP = '331023105';

/** `/studio`: the analysts' layout editor (#15). */
export default function StudioPage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const theme = (THEMES as readonly string[]).includes(params.get('theme') ?? '')
    ? (params.get('theme') as Theme)
    : 'overview';
  const level = Level.safeParse(params.get('level')).data ?? 'county';
  const regionCode = params.get('region') || null;
  // `live=0`: the editing grid alone, without the preview frame (the bench's baseline).
  const live = params.get('live') !== '0';
  const profile = (STUDIO_PROFILES as string[]).includes(params.get('profile') ?? '')
    ? (params.get('profile') as ProfileId)
    : 'wall';
  const setParam = (key: string, value: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  const county = useQuery(regionQuery(user?.scope ?? '331023'));
  const township = useQuery(regionQuery(PREVIEW_TOWNSHIP));
  const regionOptions =
    level === 'township'
      ? (county.data?.children ?? [])
      : level === 'village'
        ? (township.data?.children ?? [])
        : [];
  const previewRegion =
    regionCode ??
    (level === 'county'
      ? (user?.scope ?? '331023')
      : level === 'township'
        ? PREVIEW_TOWNSHIP
        : (township.data?.children[0]?.code ?? null));
  const previewName = useQuery({ ...regionQuery(previewRegion ?? ''), enabled: Boolean(previewRegion) }).data
    ?.name;

  const list = useQuery(layoutListQuery());
  const scoped = list.data ? layoutForScope(list.data.items, { theme, level, regionCode }) : null;

  if (!user) return null;
  const mayEdit = can(user, 'layout:edit');
  return (
    <div className="admin studio" data-testid="studio">
      <header className="admin__header">
        <h1 className="studio__title">{t('studio.title')}</h1>
        <span className="studio__subtitle">{t('studio.subtitle')}</span>
        <Link className="button button--ghost" to={homePath(user)}>
          {t('studio.back')}
        </Link>
        <span className="studio__spacer" />
        <LanguageButton />
        <UserMenu />
      </header>
      <div className="studio-scope" data-testid="studio-scope">
        <label>
          {t('studio.theme')}
          <select name="theme" value={theme} onChange={(e) => setParam('theme', e.target.value)}>
            {THEMES.map((th) => (
              <option key={th} value={th}>
                {t(`theme.${th}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('studio.level')}
          <select
            name="level"
            value={level}
            onChange={(e) => {
              setParams((p) => {
                const next = new URLSearchParams(p);
                next.set('level', e.target.value);
                next.delete('region');
                return next;
              });
            }}
          >
            {Level.options.map((l) => (
              <option key={l} value={l}>
                {t(`studio.levels.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('studio.region')}
          <select name="region" value={regionCode ?? ''} onChange={(e) => setParam('region', e.target.value)}>
            <option value="">{t('studio.regionAll')}</option>
            {regionCode && !regionOptions.some((r) => r.code === regionCode) && (
              <option value={regionCode}>{regionCode}</option>
            )}
            {regionOptions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('studio.profile')}
          <select name="profile" value={profile} onChange={(e) => setParam('profile', e.target.value)}>
            {STUDIO_PROFILES.map((p) => (
              <option key={p} value={p}>
                {t(`studio.profiles.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {previewName && (
          <span className="studio-scope__note">{t('studio.previewAt', { name: previewName })}</span>
        )}
      </div>
      {!mayEdit && <p className="studio-issue">{t('studio.noEdit')}</p>}
      {list.isPending && <p>{t('studio.loading')}</p>}
      {list.error && <p className="studio-issue">{t('studio.error', { message: list.error.message })}</p>}
      {list.data && !scoped && <p>{t('studio.noLayout')}</p>}
      {scoped && previewRegion && mayEdit && (
        <Editor
          key={`${scoped.item.layoutId}:${profile}`}
          layoutId={scoped.item.layoutId}
          appliesTo={scoped.appliesTo}
          theme={theme}
          level={level}
          regionCode={regionCode}
          previewRegion={previewRegion}
          profile={profile}
          mayPublish={can(user, 'layout:publish')}
          rights={user && layoutEditorRights(user)}
          live={live}
        />
      )}
    </div>
  );
}

type EditorProps = {
  layoutId: string;
  appliesTo: 'theme' | 'level' | 'region';
  theme: Theme;
  level: Level;
  regionCode: string | null;
  previewRegion: string;
  profile: ProfileId;
  mayPublish: boolean;
  /** Which indicators the editor may bind (the picker offers only those; the BFF refuses the rest). */
  rights: LayoutEditorRights | null;
  live: boolean;
};

type Notice = { kind: 'ok' | 'error'; text: string } | null;
type Conflict = { currentVersion: number; changes: LayoutChange[] } | null;

function Editor(props: EditorProps) {
  const { layoutId, appliesTo, theme, level, regionCode, previewRegion, profile, mayPublish, rights, live } =
    props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const stored = useQuery(storedLayoutQuery(layoutId));
  // The published document the edits started from, and the whole working document (every profile).
  const [base, setBase] = useState<{ version: number; document: LayoutDocument } | null>(null);
  const [doc, setDoc] = useState<LayoutDocument | null>(null);
  const [editor, dispatch] = useReducer(
    editorReducer,
    initialEditor({ map: null, panels: [] }, PROFILES[profile]),
  );
  const [notice, setNotice] = useState<Notice>(null);
  const [conflict, setConflict] = useState<Conflict>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [draftState, setDraftState] = useState<'clean' | 'unsaved' | 'saving' | { savedAt: string }>('clean');

  const load = useCallback(
    (baseDoc: { version: number; document: LayoutDocument }, working: LayoutDocument) => {
      setBase(baseDoc);
      setDoc(working);
      dispatch({ kind: 'load', arrangement: working.profiles[profile], grid: PROFILES[profile] });
    },
    [profile],
  );

  // First load: the published document, or this user's draft of it when there is one.
  const loaded = useRef(false);
  useEffect(() => {
    if (loaded.current || !stored.data) return;
    loaded.current = true;
    const published = { version: stored.data.version, document: stored.data.document };
    queryClient
      .fetchQuery(draftQuery(layoutId))
      .catch(() => null)
      .then(async (draft) => {
        if (!draft) return load(published, published.document);
        // The draft's own base, so that publishing a stale draft answers 409 and offers the rebase.
        const at =
          draft.baseVersion === published.version
            ? published
            : await queryClient.fetchQuery(versionQuery(layoutId, draft.baseVersion)).catch(() => published);
        load({ version: draft.baseVersion, document: at.document }, draft.document);
        setDraftState({ savedAt: draft.savedAt });
        setNotice({ kind: 'ok', text: t('studio.draftRestored', { version: draft.baseVersion }) });
      });
  }, [stored.data, layoutId, load, queryClient, t]);

  const working = useMemo(
    () => (doc ? withProfile(doc, profile, editor.present) : null),
    [doc, profile, editor.present],
  );

  // Drafts autosave, a second after the last change.
  useEffect(() => {
    if (!working || !base) return;
    if (!documentsDiffer(working, base.document)) return;
    setDraftState('unsaved');
    const timer = window.setTimeout(() => {
      setDraftState('saving');
      saveDraft(layoutId, { baseVersion: base.version, document: working })
        .then((r) => setDraftState({ savedAt: r.savedAt }))
        .catch((e: unknown) => {
          setDraftState('unsaved');
          setNotice({ kind: 'error', text: t('studio.error', { message: String((e as Error).message) }) });
        });
    }, 1000);
    return () => window.clearTimeout(timer);
  }, [working, base, layoutId, t]);

  // Keyboard: arrows move the selected panel, shift+arrows resize, ctrl+z / ctrl+shift+z undo and redo.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const action = keyAction(e, editor.selectedId);
      if (!action) return;
      e.preventDefault();
      dispatch(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor.selectedId]);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['layouts'] });
    return queryClient.fetchQuery(storedLayoutQuery(layoutId));
  };

  const publish = async () => {
    if (!working || !base) return;
    setBusy(true);
    setNotice(null);
    try {
      const text = message.trim() || t('studio.publish');
      // Only this profile changed (the usual case): publish its arrangement alone, as the API allows.
      const onlyThisProfile = !documentsDiffer(
        withProfile(working, profile, base.document.profiles[profile]),
        base.document,
      );
      const { version } = await publishVersion(
        layoutId,
        onlyThisProfile
          ? {
              baseVersion: base.version,
              message: text,
              profile,
              panels: editor.present.panels,
              map: editor.present.map,
            }
          : { baseVersion: base.version, message: text, document: working },
      );
      await deleteDraft(layoutId).catch(() => undefined);
      const latest = await refresh();
      load({ version: latest.version, document: latest.document }, latest.document);
      setDraftState('clean');
      setMessage('');
      setNotice({ kind: 'ok', text: t('studio.published', { version }) });
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 409) {
        const latest = await refresh();
        setConflict(
          conflictOf(e) ?? {
            currentVersion: latest.version,
            changes: diffLayouts(base.document, latest.document),
          },
        );
      } else setNotice({ kind: 'error', text: t('studio.error', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };

  const resolveConflict = async (how: 'rebase' | 'discard') => {
    if (!working || !base) return;
    const latest = await refresh();
    const published = { version: latest.version, document: latest.document };
    if (how === 'rebase') {
      load(published, rebaseDocument(base.document, working, latest.document));
      setNotice({ kind: 'ok', text: t('studio.rebased', { version: latest.version }) });
    } else {
      await deleteDraft(layoutId).catch(() => undefined);
      load(published, latest.document);
      setDraftState('clean');
      setNotice(null);
    }
    setConflict(null);
  };

  const onRolledBack = async () => {
    const latest = await refresh();
    await deleteDraft(layoutId).catch(() => undefined);
    load({ version: latest.version, document: latest.document }, latest.document);
    setDraftState('clean');
  };

  const exportJson = () => {
    if (!working) return;
    const blob = new Blob([inertJsonText(working)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${layoutId}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const importJson = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !doc) return;
    setNotice(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (err) {
      setNotice({ kind: 'error', text: t('studio.importBad', { message: (err as Error).message }) });
      return;
    }
    try {
      await validateLayout(parsed);
    } catch (err) {
      const details =
        err instanceof ApiRequestError && err.details !== undefined ? ` ${JSON.stringify(err.details)}` : '';
      setNotice({
        kind: 'error',
        text: t('studio.importBad', { message: `${(err as Error).message}${details}` }),
      });
      return;
    }
    // Validated by the BFF: the file's arrangements, kept in this layout's scope.
    const imported = parsed as LayoutDocument;
    const next = { ...doc, profiles: imported.profiles };
    setDoc(next);
    dispatch({ kind: 'replace', arrangement: next.profiles[profile] });
    setNotice({ kind: 'ok', text: t('studio.importOk') });
  };

  const createScoped = async (which: 'level' | 'region') => {
    if (!working) return;
    try {
      await createLayout({
        ...working,
        level,
        regionCode: which === 'region' ? regionCode : null,
      });
      await queryClient.invalidateQueries({ queryKey: ['layouts'] });
    } catch (e) {
      setNotice({ kind: 'error', text: t('studio.error', { message: (e as Error).message }) });
    }
  };

  const [frameWidth, setFrameWidth] = useState(1000);
  const center = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = center.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setFrameWidth(el.clientWidth));
    observer.observe(el);
    setFrameWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  if (stored.error)
    return <p className="studio-issue">{t('studio.error', { message: stored.error.message })}</p>;
  if (!base || !working) return <p>{t('studio.loading')}</p>;
  const selected = editor.present.panels.find((p) => p.id === editor.selectedId) ?? null;
  return (
    <div
      className="studio-body"
      data-testid="studio-editor"
      data-layout-id={layoutId}
      data-base-version={base.version}
    >
      <div className="studio-toolbar">
        <span data-testid="studio-editing">
          {t('studio.editing', { layoutId, version: base.version })} · {t(`studio.appliesTo.${appliesTo}`)}
        </span>
        {appliesTo === 'theme' && (
          <button type="button" className="button button--ghost" onClick={() => void createScoped('level')}>
            {t('studio.createLevel')}
          </button>
        )}
        {appliesTo !== 'region' && regionCode && (
          <button type="button" className="button button--ghost" onClick={() => void createScoped('region')}>
            {t('studio.createRegion')}
          </button>
        )}
        <span className="studio__spacer" />
        <button
          type="button"
          className="button"
          data-testid="studio-undo"
          disabled={editor.past.length === 0}
          onClick={() => dispatch({ kind: 'undo' })}
        >
          {t('studio.undo')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="studio-redo"
          disabled={editor.future.length === 0}
          onClick={() => dispatch({ kind: 'redo' })}
        >
          {t('studio.redo')}
        </button>
        <span className="studio-draft" data-testid="studio-draft">
          {draftState === 'unsaved'
            ? t('studio.draftUnsaved')
            : draftState === 'saving'
              ? t('studio.draftSaving')
              : draftState === 'clean'
                ? ''
                : t('studio.draftSaved', { time: draftState.savedAt ? formatClock(draftState.savedAt) : '' })}
        </span>
        <button
          type="button"
          className="button button--ghost"
          onClick={exportJson}
          data-testid="studio-export"
        >
          {t('studio.exportJson')}
        </button>
        <label className="button button--ghost studio-import">
          {t('studio.importJson')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void importJson(e)}
            data-testid="studio-import"
          />
        </label>
      </div>
      {notice && (
        <p
          className={notice.kind === 'error' ? 'studio-issue' : 'studio-ok'}
          role="status"
          data-testid="studio-notice"
        >
          {notice.text}
        </p>
      )}
      {conflict && (
        <div className="studio-conflict" role="alertdialog" data-testid="studio-conflict">
          <h2>{t('studio.conflictTitle', { version: conflict.currentVersion })}</h2>
          <p>{t('studio.conflictBody')}</p>
          <ChangeList changes={conflict.changes} />
          <button
            type="button"
            className="button"
            data-testid="studio-rebase"
            onClick={() => void resolveConflict('rebase')}
          >
            {t('studio.rebase')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            data-testid="studio-discard"
            onClick={() => void resolveConflict('discard')}
          >
            {t('studio.discard')}
          </button>
        </div>
      )}
      <div className="studio-columns">
        <Palette
          theme={theme}
          level={level}
          previewRegion={previewRegion}
          onAdd={(type, options) => dispatch({ kind: 'add', type, options })}
        />
        <div className="studio-center" ref={center}>
          <StudioCanvas
            theme={theme}
            regionCode={previewRegion}
            profile={profile}
            arrangement={editor.present}
            selectedId={editor.selectedId}
            dispatch={dispatch}
            availableWidth={frameWidth}
            live={live}
          />
          <p className="studio-hint">{t('studio.selectHint')}</p>
        </div>
        <aside className="studio-inspector">
          <section>
            <h2>{t('studio.options')}</h2>
            {selected ? (
              <>
                <p>
                  {t('studio.panelId', { id: selected.id, type: selected.type })}{' '}
                  <button
                    type="button"
                    className="button button--ghost"
                    onClick={() => dispatch({ kind: 'remove', id: selected.id })}
                  >
                    {t('studio.delete')}
                  </button>
                </p>
                <OptionsForm
                  panel={selected}
                  theme={theme}
                  level={level}
                  rights={rights}
                  onChange={(options, field) =>
                    dispatch({ kind: 'options', id: selected.id, options, coalesce: field })
                  }
                />
              </>
            ) : (
              <p>{t('studio.selectHint')}</p>
            )}
          </section>
          <section className="studio-publish">
            <h2>{t('studio.publish')}</h2>
            {mayPublish ? (
              <>
                <input
                  name="publish-message"
                  placeholder={t('studio.publishMessage')}
                  value={message}
                  maxLength={200}
                  onChange={(e) => setMessage(e.target.value)}
                  data-testid="studio-publish-message"
                />
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void publish()}
                  data-testid="studio-publish"
                >
                  {busy ? t('studio.publishing') : t('studio.publish')}
                </button>
              </>
            ) : (
              <p>{t('studio.noPublish')}</p>
            )}
          </section>
          <VersionsPanel
            layoutId={layoutId}
            currentVersion={stored.data?.version ?? base.version}
            profile={profile}
            theme={theme}
            level={level}
            regionCode={previewRegion}
            mayPublish={mayPublish}
            onRolledBack={() => void onRolledBack()}
            onError={(text) => setNotice({ kind: 'error', text })}
          />
        </aside>
      </div>
    </div>
  );
}

/** The registered panel types a theme may place, each with a live preview of it on the scope's data. */
function Palette({
  theme,
  level,
  previewRegion,
  onAdd,
}: {
  theme: Theme;
  level: Level;
  previewRegion: string;
  onAdd: (type: string, options: Record<string, unknown>) => void;
}) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState('');
  const [previewed, setPreviewed] = useState<string | null>(null);
  const types = Object.entries(PANEL_TYPES).filter(
    ([type, spec]) =>
      (!spec.themes || spec.themes.includes(theme)) &&
      (!filter || `${type} ${spec.name.zh} ${spec.name.en}`.toLowerCase().includes(filter.toLowerCase())),
  );
  const name = (type: string) => {
    const spec = PANEL_TYPES[type];
    return spec ? (i18n.language === 'en' ? spec.name.en : spec.name.zh) : type;
  };
  return (
    <aside className="studio-palette" data-testid="studio-palette">
      <h2>{t('studio.palette')}</h2>
      <input
        type="search"
        placeholder={t('studio.paletteFilter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul>
        {types.map(([type]) => (
          <li key={type} onMouseEnter={() => setPreviewed(type)} onFocus={() => setPreviewed(type)}>
            <button
              type="button"
              className="studio-palette__item"
              data-testid="palette-item"
              data-panel-type={type}
              onClick={() => onAdd(type, {})}
            >
              <span>{name(type)}</span>
              <small>{type}</small>
            </button>
          </li>
        ))}
      </ul>
      {previewed && (
        <div className="studio-palette__preview" data-testid="palette-preview">
          <h3>{t('studio.previewOf', { name: name(previewed) })}</h3>
          <LayoutRenderer
            layout={{
              layoutId: 'palette',
              version: 1,
              map: null,
              panels: [{ id: 'preview', type: previewed, x: 0, y: 0, w: 12, h: 5, options: {} }],
            }}
            scope={{ theme, level, regionCode: previewRegion, profile: 'desk' }}
            map={null}
          />
        </div>
      )}
    </aside>
  );
}
