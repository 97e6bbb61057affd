import {
  diffLayouts,
  type Level,
  PROFILES,
  type ProfileArrangement,
  type ProfileId,
  type Theme,
} from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LayoutRenderer } from '../../layout/LayoutRenderer';
import { ChangeList } from './ChangeList';
import { rollbackTo, versionQuery, versionsQuery } from './studio.api';

type Props = {
  layoutId: string;
  currentVersion: number;
  profile: ProfileId;
  theme: Theme;
  level: Level;
  regionCode: string;
  mayPublish: boolean;
  onRolledBack: () => void;
  onError: (text: string) => void;
};

/** The layout's versions (who, when, message), any two compared side by side, and rollback. */
export function VersionsPanel(props: Props) {
  const { layoutId, currentVersion, mayPublish, onRolledBack, onError } = props;
  const { t, i18n } = useTranslation();
  const versions = useQuery(versionsQuery(layoutId));
  const [pair, setPair] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const toggle = (v: number) =>
    setPair((p) => (p.includes(v) ? p.filter((x) => x !== v) : [...p, v].slice(-2).sort((a, b) => a - b)));
  const rollback = async (toVersion: number) => {
    setBusy(true);
    try {
      await rollbackTo(layoutId, {
        toVersion,
        baseVersion: currentVersion,
        message: t('studio.rollbackMessage', { version: toVersion }),
      });
      onRolledBack();
    } catch (e) {
      onError(t('studio.error', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const date = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' });
  return (
    <section className="studio-versions" data-testid="studio-versions">
      <h2>{t('studio.versions')}</h2>
      {versions.isPending && <p>{t('studio.loading')}</p>}
      {versions.error && (
        <p className="studio-issue">{t('studio.error', { message: versions.error.message })}</p>
      )}
      <ol>
        {versions.data?.items.map((v) => (
          <li key={v.version} data-version={v.version} data-testid="studio-version">
            <label className="studio-form__check">
              <input type="checkbox" checked={pair.includes(v.version)} onChange={() => toggle(v.version)} />
              <strong>{t('studio.version', { version: v.version })}</strong>
            </label>
            <small>{t('studio.by', { who: v.publishedBy, when: date(v.publishedAt) })}</small>
            {v.message && <span className="studio-versions__message">{v.message}</span>}
            {mayPublish && v.version !== currentVersion && (
              <button
                type="button"
                className="button button--ghost"
                disabled={busy}
                data-testid="studio-rollback"
                onClick={() => void rollback(v.version)}
              >
                {t('studio.rollback')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {pair.length === 2 && (
        <Compare {...props} a={pair[0] ?? 0} b={pair[1] ?? 0} onClose={() => setPair([])} />
      )}
    </section>
  );
}

function Compare({
  layoutId,
  profile,
  theme,
  level,
  regionCode,
  a,
  b,
  onClose,
}: Props & { a: number; b: number; onClose: () => void }) {
  const { t } = useTranslation();
  const left = useQuery(versionQuery(layoutId, a));
  const right = useQuery(versionQuery(layoutId, b));
  return (
    <div className="studio-compare" data-testid="studio-compare">
      <h3>
        {t('studio.compareTitle', { a, b })}{' '}
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('studio.close')}
        </button>
      </h3>
      <div className="studio-compare__pictures">
        {[left, right].map((q, i) => (
          <figure key={i === 0 ? a : b}>
            {q.data ? (
              <Thumbnail
                arrangement={q.data.document.profiles[profile]}
                scope={{ theme, level, regionCode, profile }}
                version={q.data.version}
              />
            ) : (
              <p>{q.error ? q.error.message : t('studio.loading')}</p>
            )}
            <figcaption>{t('studio.version', { version: i === 0 ? a : b })}</figcaption>
          </figure>
        ))}
      </div>
      {left.data && right.data && (
        <ChangeList changes={diffLayouts(left.data.document, right.data.document)} />
      )}
    </div>
  );
}

/** A version's arrangement drawn with the real renderer at the profile's size, scaled to a thumbnail. */
function Thumbnail({
  arrangement,
  scope,
  version,
}: {
  arrangement: ProfileArrangement;
  scope: { theme: Theme; level: Level; regionCode: string; profile: ProfileId };
  version: number;
}) {
  const grid = PROFILES[scope.profile];
  const width = 360;
  const scale = width / grid.width;
  return (
    <div className="studio-thumb" style={{ width, height: grid.height * scale }}>
      <div
        className="studio-thumb__canvas"
        style={{ width: grid.width, height: grid.height, transform: `scale(${scale})` }}
      >
        <LayoutRenderer
          layout={{ layoutId: `v${version}`, version, ...arrangement }}
          scope={scope}
          map={<div className="studio-thumb__map">地图</div>}
        />
      </div>
    </div>
  );
}
