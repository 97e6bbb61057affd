import { THEMES } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { scopePath } from '../map/drill';

export function ThemeTabs({ regionCode }: { regionCode: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  return (
    <nav className="tabs" aria-label="themes">
      {THEMES.map((theme) => (
        <NavLink
          key={theme}
          to={scopePath(theme, regionCode, search)}
          className={({ isActive }) => `tabs__tab tabs__tab--${theme} ${isActive ? 'is-active' : ''}`}
        >
          {t(`theme.${theme}`)}
        </NavLink>
      ))}
    </nav>
  );
}
