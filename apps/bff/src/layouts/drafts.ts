import type {
  LayoutDocument,
  LayoutDraft,
  PersonalLayoutView,
  PersonalViewChoice,
  ProfileId,
  SaveLayoutDraftResponse,
} from '@cockpit/contracts';
import type { Principal } from '../auth/service';
import { HttpError } from '../lib/errors';
import type { Store } from '../store/types';
import { type LayoutService, layoutIdOf } from './service';

/** Drafts and personal views belong to a person; a paired wall device has neither. */
function personOf(p: Principal): string {
  if (p.kind !== 'user')
    throw new HttpError(
      403,
      'PERSONAL_ONLY',
      'Drafts and personal views belong to people, not to wall devices',
    );
  return p.id;
}

/**
 * Drafts (one per user per layout, the studio's autosave target; nobody but the author reads one) and
 * personal views (one per user per layout per profile). A draft is checked for its shape and scope only:
 * work in progress may overlap or leave the grid until it is published.
 */
export class LayoutDraftService {
  constructor(
    private readonly store: Store,
    private readonly layouts: LayoutService,
  ) {}

  async getDraft(layoutId: string, who: Principal): Promise<LayoutDraft> {
    const d = await this.store.layoutDrafts.get(layoutId, personOf(who));
    if (!d) throw new HttpError(404, 'DRAFT_NOT_FOUND', `You have no draft of ${layoutId}`);
    return { layoutId, baseVersion: d.baseVersion, savedAt: d.savedAt, document: d.document };
  }

  async saveDraft(
    layoutId: string,
    who: Principal,
    input: { baseVersion: number; document: LayoutDocument },
  ): Promise<SaveLayoutDraftResponse> {
    const userId = personOf(who);
    if (layoutIdOf(input.document) !== layoutId)
      throw new HttpError(
        400,
        'SCOPE_MISMATCH',
        `document: theme/level/regionCode make ${layoutIdOf(input.document)}, not ${layoutId}`,
        [{ path: 'document', message: 'scope differs from the layout' }],
      );
    const savedAt = new Date().toISOString();
    await this.store.layoutDrafts.put({
      layoutId,
      userId,
      baseVersion: input.baseVersion,
      document: input.document,
      savedAt,
    });
    return { savedAt, baseVersion: input.baseVersion };
  }

  async deleteDraft(layoutId: string, who: Principal): Promise<void> {
    if (!(await this.store.layoutDrafts.delete(layoutId, personOf(who))))
      throw new HttpError(404, 'DRAFT_NOT_FOUND', `You have no draft of ${layoutId}`);
  }

  private async existing(layoutId: string) {
    if (!(await this.layouts.find(layoutId)))
      throw new HttpError(404, 'NOT_FOUND', `No layout has the id ${layoutId}`);
  }

  /** The stored view, or an empty one (updatedAt null) while the person has none. */
  async getView(layoutId: string, profile: ProfileId, who: Principal): Promise<PersonalLayoutView> {
    await this.existing(layoutId);
    const v = await this.store.layoutViews.get(personOf(who), layoutId, profile);
    return v
      ? { layoutId, profile, hidden: v.hidden, order: v.order, pinned: v.pinned, updatedAt: v.updatedAt }
      : { layoutId, profile, hidden: [], order: [], pinned: [], updatedAt: null };
  }

  /**
   * Stores the view as sent (ids the layout lacks today are kept: applyPersonalView drops them quietly, and
   * they come back to life if the panel does).
   */
  async saveView(
    layoutId: string,
    profile: ProfileId,
    who: Principal,
    choice: PersonalViewChoice,
  ): Promise<PersonalLayoutView> {
    await this.existing(layoutId);
    const updatedAt = new Date().toISOString();
    const unique = (ids: string[]) => [...new Set(ids)];
    const view = {
      hidden: unique(choice.hidden),
      order: unique(choice.order),
      pinned: unique(choice.pinned),
    };
    await this.store.layoutViews.put({ userId: personOf(who), layoutId, profile, ...view, updatedAt });
    return { layoutId, profile, ...view, updatedAt };
  }

  async deleteView(layoutId: string, profile: ProfileId, who: Principal): Promise<void> {
    await this.existing(layoutId);
    await this.store.layoutViews.delete(personOf(who), layoutId, profile);
  }
}
