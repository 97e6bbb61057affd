import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { PairingScreen } from './PairingScreen';
import { RequireSession } from './RequireSession';
import { homePath } from './redirect';
import { sessionQuery, useSessionUser } from './session.api';

/** `/`: the user's own region (the county for a county user, 平桥镇 for its leader). */
export function HomeRoute() {
  return (
    <RequireSession>
      <HomeRedirect />
    </RequireSession>
  );
}

function HomeRedirect() {
  const user = useSessionUser();
  const { search } = useLocation();
  return user ? <Navigate to={homePath(user, search)} replace /> : null;
}

/** `/pair`: a wall screen's pairing code; an already paired or signed-in screen goes to its region. */
export function PairRoute() {
  const session = useQuery(sessionQuery());
  const { search } = useLocation();
  if (session.data?.state === 'signed-in')
    return <Navigate to={homePath(session.data.user, search || '?screen=wall')} replace />;
  return <PairingScreen />;
}
