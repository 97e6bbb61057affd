import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { Forbidden } from '../auth/Forbidden';
import { LanguageButton } from '../auth/LanguageButton';
import { can, homePath } from '../auth/redirect';
import { useSessionUser } from '../auth/session.api';
import { UserMenu } from '../auth/UserMenu';
import { AuditPage } from './AuditPage';
import { DepartmentsPage } from './DepartmentsPage';
import { DevicesPage } from './DevicesPage';
import { RolesPage } from './RolesPage';
import { UsersPage } from './UsersPage';
import './admin.css';
import './i18n';

const TABS = [
  { path: 'users', permission: 'user:admin', element: <UsersPage /> },
  { path: 'departments', permission: 'user:admin', element: <DepartmentsPage /> },
  { path: 'roles', permission: 'user:admin', element: <RolesPage /> },
  { path: 'devices', permission: 'user:admin', element: <DevicesPage /> },
  { path: 'audit', permission: 'audit:read', element: <AuditPage /> },
] as const;

/** `/admin/*` (its own lazily loaded chunk): users, departments, roles, devices (user:admin), audit (audit:read). */
export default function AdminPage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const { search } = useLocation();
  if (!user) return null;
  const allowed = TABS.filter((tab) => can(user, tab.permission));
  if (allowed.length === 0) return <Forbidden reason="permission" />;
  return (
    <div className="admin" data-testid="admin">
      <header className="header admin__header">
        <div className="header__brand">
          <h1 className="header__title">{t('admin.title')}</h1>
          <span className="header__subtitle">{t('app.title')}</span>
        </div>
        <nav className="admin__tabs" aria-label={t('admin.title')}>
          {allowed.map((tab) => (
            <NavLink key={tab.path} to={`/admin/${tab.path}`} className="admin__tab">
              {t(`admin.tabs.${tab.path}`)}
            </NavLink>
          ))}
        </nav>
        <div className="header__right">
          <Link className="button button--ghost" to={homePath(user, search)}>
            {t('admin.back')}
          </Link>
          <UserMenu adminLink={false} />
          <LanguageButton />
        </div>
      </header>
      <main className="admin__main">
        <Routes>
          <Route index element={<Navigate to={allowed[0]?.path ?? 'audit'} replace />} />
          {TABS.map((tab) => (
            <Route
              key={tab.path}
              path={tab.path}
              element={can(user, tab.permission) ? tab.element : <Forbidden reason="permission" />}
            />
          ))}
          <Route path="*" element={<Navigate to={allowed[0]?.path ?? 'audit'} replace />} />
        </Routes>
      </main>
    </div>
  );
}
