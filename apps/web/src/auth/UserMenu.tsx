import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from './redirect';
import { logout, useSessionUser } from './session.api';
import './auth.css';
import './i18n';

/** The header's user: name, the admin link when allowed, and sign-out (a wall device has none). */
export function UserMenu({ adminLink = true }: { adminLink?: boolean }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (!user) return null;
  const signOut = async () => {
    try {
      await logout();
    } finally {
      queryClient.clear();
      navigate('/login', { replace: true });
    }
  };
  return (
    <div className="user-menu" data-testid="user-menu">
      <span className="user-menu__name" data-testid="user-name" title={user.username}>
        {user.kind === 'device' ? `${t('auth.device')} · ${user.displayName}` : user.displayName}
      </span>
      {adminLink && (can(user, 'user:admin') || can(user, 'audit:read')) && (
        <Link className="button button--ghost" to={can(user, 'user:admin') ? '/admin/users' : '/admin/audit'}>
          {t('auth.admin')}
        </Link>
      )}
      {user.kind === 'user' && can(user, 'cockpit:view') && (
        <Link className="button button--ghost" to="/indicators" data-testid="indicators-link">
          {t('auth.indicators')}
        </Link>
      )}
      {user.kind === 'user' && (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => void signOut()}
          data-testid="sign-out"
        >
          {t('auth.signOut')}
        </button>
      )}
    </div>
  );
}
