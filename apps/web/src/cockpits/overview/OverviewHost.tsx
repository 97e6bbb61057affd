import type { Level, ProfileId } from '@cockpit/contracts';
import { useLiveSnapshot } from '../../lib/useLiveSnapshot';

/** Keeps the region's overview snapshot live for the panels (they read it by its query key). */
export default function OverviewHost({
  regionCode,
}: {
  level: Level;
  regionCode: string;
  profile: ProfileId;
}) {
  useLiveSnapshot('overview', regionCode);
  return null;
}
