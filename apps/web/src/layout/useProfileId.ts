import type { ProfileId } from '@cockpit/contracts';
import { useEffect, useState } from 'react';
import { layoutProfileOf } from '../app/screen';
import { useUi } from '../stores/ui';

/** The layout profile of this screen (wall canvas shape, tablet orientation, desk); follows rotation. */
export function useProfileId(): ProfileId {
  const profile = useUi((s) => s.profile);
  const canvas = useUi((s) => s.canvas);
  const [viewport, setViewport] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    if (profile !== 'tablet') return;
    const onResize = () => setViewport({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [profile]);
  return layoutProfileOf(profile, canvas, viewport);
}
