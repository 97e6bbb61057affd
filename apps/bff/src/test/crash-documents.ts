import {
  type LayoutDocument,
  PROFILE_IDS,
  type ProfileArrangement,
  type ProfileId,
} from '@cockpit/contracts';
import { layoutDoc, sideRect } from '../layouts/fixtures';

/** The layouts the crash-safety child publishes (store/publish-kill9.test.ts, test/publish-loop.ts). */
export const CRASH_LAYOUT_IDS = ['overview', 'overview.township', 'eco'] as const;

/** The document a version carries: its number in a note, and a filler that makes each write several pages. */
export function crashDocument(layoutId: string, version: number): LayoutDocument {
  const [theme, level] = layoutId.split('.') as ['overview' | 'eco', 'township' | undefined];
  const filler = '天台县数字驾驶舱'.repeat(40 + (version % 7) * 30);
  const doc = layoutDoc({ theme, level: level ?? null }, [
    { id: 'version-note', type: 'text', options: { text: { zh: `v${version}`, en: filler } } },
    { id: 'alarms', type: 'alarms' },
  ]);
  // Every profile gets a filler panel too, so the document spans many database pages.
  for (const p of PROFILE_IDS) {
    const arrangement: ProfileArrangement = doc.profiles[p as ProfileId];
    arrangement.panels.push({
      ...sideRect(p, 2),
      id: 'filler',
      type: 'text',
      options: { text: { zh: filler, en: `v${version}` } },
    });
  }
  return doc;
}
