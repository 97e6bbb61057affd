import { useQuery } from '@tanstack/react-query';
import { regionQuery } from '../map/regions.api';

/** A region code shown by its name (the hierarchy is cached for the session), the code beside it. */
export function RegionName({ code }: { code: string }) {
  const region = useQuery(regionQuery(code));
  return (
    <span title={code} data-code={code}>
      {region.data?.name ?? code}
    </span>
  );
}
