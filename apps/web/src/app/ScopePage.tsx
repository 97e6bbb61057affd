import { levelOfCode, RegionCode, Theme } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { NotificationCentre } from '../alerts/NotificationCentre';
import { useScreenHeartbeat } from '../alerts/useScreenHeartbeat';
import { Forbidden } from '../auth/Forbidden';
import { inScope, pathWithinScope } from '../auth/redirect';
import { useSessionUser } from '../auth/session.api';
import { UserMenu } from '../auth/UserMenu';
import { LayoutRenderer } from '../layout/LayoutRenderer';
import { PersonalViewControls } from '../layout/PersonalViewControls';
import { usePersonalView } from '../layout/personalView';
import { THEME_MODULES } from '../layout/registry';
import { useStudioPreview } from '../layout/studioPreview';
import { useEffectiveLayout } from '../layout/useEffectiveLayout';
import { useProfileId } from '../layout/useProfileId';
import { ApiRequestError } from '../lib/api';
import { scopePath } from '../map/drill';
import { MapStage } from '../map/MapStage';
import { regionQuery } from '../map/regions.api';
import { useContextLayers } from '../map/useContextLayers';
import { useRegionLayers } from '../map/useRegionLayers';
import { useUi } from '../stores/ui';
import { Breadcrumb } from './Breadcrumb';
import { Clock } from './Clock';
import { Freshness } from './Freshness';
import { NotFound } from './NotFound';
import { RegionSearch } from './RegionSearch';
import { ThemeTabs } from './ThemeTabs';

/** `/:theme/:regionCode`: the shell around one cockpit for one region. */
export function ScopePage() {
  const params = useParams();
  const theme = Theme.safeParse(params.theme);
  const code = RegionCode.safeParse(params.regionCode);
  const user = useSessionUser();
  if (!theme.success || !code.success) return <NotFound />;
  // A page outside the user's scope says so (the BFF refuses its data anyway).
  if (!user || !inScope(user.scope, code.data)) return <Forbidden />;
  return <Shell theme={theme.data} regionCode={code.data} scope={user.scope} />;
}

function Shell({ theme, regionCode, scope }: { theme: Theme; regionCode: string; scope: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const profile = useUi((s) => s.profile);
  const region = useQuery(regionQuery(regionCode));
  const detail = region.data;
  const level = levelOfCode(regionCode) ?? 'county';
  const profileId = useProfileId();
  // In the studio's preview frame, the arrangement being edited stands in for the published one.
  const effective = useEffectiveLayout(theme, regionCode, profileId);
  // A leader's own view on a tablet (个性化): hidden, reordered, pinned panels.
  const personal = usePersonalView(effective, profileId);
  const layout = useStudioPreview(personal.state);
  useScreenHeartbeat();

  const go = useCallback(
    (code: string) => navigate(scopePath(theme, code, search)),
    [navigate, theme, search],
  );
  // Touch: the region a tap selected (kept when the finger leaves the map, dropped on a change of scope).
  const [selection, setSelection] = useState<{ scope: string; code: string } | null>(null);
  const onSelect = useCallback(
    (code: string | null) => setSelection(code ? { scope: regionCode, code } : null),
    [regionCode],
  );
  const selected = selection?.scope === regionCode ? selection.code : null;
  useRegionLayers({ detail, touch: profile === 'tablet', onDrill: go, onSelect });
  useContextLayers(detail);
  const selectedChild =
    profile === 'tablet'
      ? detail?.children.find((c) => c.code === selected && c.code !== detail.code)
      : undefined;

  // Esc goes up one level.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !detail?.parentCode || !inScope(scope, detail.parentCode)) return;
      if (e.target instanceof HTMLInputElement) return;
      go(detail.parentCode);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [detail, go, scope]);

  useEffect(() => {
    document.title = `${detail?.name ?? ''} · ${t(`theme.${theme}`)} · ${t('app.title')}`;
  }, [detail, theme, t]);

  if (region.error instanceof ApiRequestError && region.error.status === 404) return <NotFound />;
  if (region.error instanceof ApiRequestError && region.error.status === 403) return <Forbidden />;
  const { Host } = THEME_MODULES[theme];
  const map = (
    <MapStage regionCode={regionCode}>
      {selectedChild && (
        <button
          type="button"
          className="button map-enter"
          data-testid="map-enter"
          onClick={() => go(selectedChild.code)}
        >
          {t('map.enter', { name: selectedChild.name })}
        </button>
      )}
      {detail && (
        // Every level draws derived geometry (township lines at county level, context layers everywhere).
        <div className="map-notes" data-testid="map-notes">
          {t('map.notes')}：{t('map.approximate')}
        </div>
      )}
    </MapStage>
  );

  return (
    <div
      className={`shell shell--${theme}${layout.status === 'ready' ? ' shell--layout' : ''}`}
      data-theme={theme}
    >
      <header className="header">
        <div className="header__brand">
          <h1 className="header__title">{t('app.title')}</h1>
          <span className="header__subtitle">{t('app.subtitle')}</span>
        </div>
        {detail && <Breadcrumb path={pathWithinScope(detail.path, scope)} theme={theme} />}
        <ThemeTabs regionCode={regionCode} />
        <div className="header__right">
          {profile !== 'wall' && <RegionSearch onPick={go} />}
          <Freshness />
          <Clock />
          <NotificationCentre />
          <PersonalViewControls view={personal} />
          <UserMenu />
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void i18n.changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
          >
            {t('header.language')}
          </button>
        </div>
      </header>
      {layout.status === 'ready' ? (
        <LayoutRenderer
          layout={layout.layout}
          scope={{ theme, level, regionCode, profile: profileId }}
          map={map}
        />
      ) : (
        // No layout (yet): the map alone, or a theme still drawn by its own cockpit (its host renders it).
        map
      )}
      <Suspense fallback={null}>
        <Host level={level} regionCode={regionCode} profile={profileId} />
      </Suspense>
    </div>
  );
}
