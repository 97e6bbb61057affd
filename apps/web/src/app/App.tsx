import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { createQueryClient } from '../lib/query-client';
import { NotFound } from './NotFound';
import { ScopePage } from './ScopePage';
import { ScreenFrame } from './ScreenFrame';

const router = createBrowserRouter([
  {
    path: '/',
    element: <Navigate to={{ pathname: '/overview/331023', search: window.location.search }} replace />,
  },
  { path: '/:theme/:regionCode', element: <ScopePage /> },
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
