import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { LoginPage } from '../auth/LoginPage';
import { RequireSession } from '../auth/RequireSession';
import { HomeRoute, PairRoute } from '../auth/routes';
import { createQueryClient } from '../lib/query-client';
import { NotFound } from './NotFound';
import { ScopePage } from './ScopePage';
import { ScreenFrame } from './ScreenFrame';

// The admin pages are their own chunk: a wall never downloads them.
const AdminPage = lazy(() => import('../admin/AdminPage'));
const IndicatorsPage = lazy(() => import('../config/indicators/IndicatorsPage'));
const MyAlertsPage = lazy(() => import('../alerts/MyAlertsPage'));
const OpsPage = lazy(() => import('../alerts/OpsPage'));
// The layout studio (#15) and react-grid-layout: their own chunk too.
const StudioPage = lazy(() => import('../config/studio/StudioPage'));

const router = createBrowserRouter([
  { path: '/', element: <HomeRoute /> },
  { path: '/login', element: <LoginPage /> },
  { path: '/pair', element: <PairRoute /> },
  {
    path: '/admin/*',
    element: (
      <RequireSession>
        <Suspense fallback={null}>
          <AdminPage />
        </Suspense>
      </RequireSession>
    ),
  },
  {
    path: '/indicators',
    element: (
      <RequireSession>
        <Suspense fallback={null}>
          <IndicatorsPage />
        </Suspense>
      </RequireSession>
    ),
  },
  {
    path: '/me/alerts',
    element: (
      <RequireSession>
        <Suspense fallback={null}>
          <MyAlertsPage />
        </Suspense>
      </RequireSession>
    ),
  },
  {
    path: '/ops/*',
    element: (
      <RequireSession>
        <Suspense fallback={null}>
          <OpsPage />
        </Suspense>
      </RequireSession>
    ),
  },
  {
    path: '/studio',
    element: (
      <RequireSession>
        <Suspense fallback={null}>
          <StudioPage />
        </Suspense>
      </RequireSession>
    ),
  },
  {
    path: '/:theme/:regionCode',
    element: (
      <RequireSession>
        <ScopePage />
      </RequireSession>
    ),
  },
  { path: '*', element: <NotFound /> },
]);

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ScreenFrame>
        <RouterProvider router={router} />
      </ScreenFrame>
    </QueryClientProvider>
  );
}
