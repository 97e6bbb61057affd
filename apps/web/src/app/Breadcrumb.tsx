import type { RegionRef } from '@cockpit/contracts';
import { Link, useLocation } from 'react-router';
import { scopePath } from '../map/drill';

export function Breadcrumb({ path, theme }: { path: RegionRef[]; theme: string }) {
  const { search } = useLocation();
  return (
    <nav className="breadcrumb" aria-label="breadcrumb" data-testid="breadcrumb">
      {path.map((region, i) => (
        <span key={region.code} className="breadcrumb__item">
          {i > 0 && <span className="breadcrumb__sep">›</span>}
          {i < path.length - 1 ? (
            <Link to={scopePath(theme, region.code, search)} data-code={region.code}>
              {region.name}
            </Link>
          ) : (
            <span aria-current="page" data-code={region.code}>
              {region.name}
            </span>
          )}
        </span>
      ))}
    </nav>
  );
}
