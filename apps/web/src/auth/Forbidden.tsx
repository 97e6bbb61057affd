import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { regionQuery } from '../map/regions.api';
import { LanguageButton } from './LanguageButton';
import { afterPairingPath, homePath } from './redirect';
import { useSessionUser } from './session.api';
import { UserMenu } from './UserMenu';
import './auth.css';
import './i18n';

/**
 * 无权限: a page outside the user's scope (or permissions). Says so plainly and links to the user's own
 * region; never a blank map.
 */
export function Forbidden({ reason = 'scope' }: { reason?: 'scope' | 'permission' }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const user = useSessionUser();
  const scope = useQuery({ ...regionQuery(user?.scope ?? ''), enabled: Boolean(user) });
  const scopeName = scope.data?.name ?? user?.scope ?? '';
  // A wall screen never shows 无权限: it shows its own region.
  if (user?.kind === 'device') {
    const to = afterPairingPath(user, pathname, search);
    if (to) return <Navigate to={to} replace />;
  }
  return (
    <main className="auth-page forbidden" data-testid="forbidden">
      <div className="auth-page__top">
        <span className="auth-page__brand">{t('app.title')}</span>
        <span className="auth-page__tools">
          <UserMenu />
          <LanguageButton />
        </span>
      </div>
      <h1>{t('auth.forbiddenTitle')}</h1>
      <p>
        {reason === 'scope' && user
          ? t('auth.forbiddenBody', { scope: scopeName })
          : t('auth.forbiddenPermission')}
      </p>
      {user && (
        <Link to={homePath(user, search)} className="button button--primary" data-testid="forbidden-home">
          {t('auth.forbiddenBack', { scope: scopeName })}
        </Link>
      )}
    </main>
  );
}
