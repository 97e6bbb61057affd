import {
  COUNTY_CODE,
  diffLayouts,
  type EffectiveLayout,
  indicatorBinding,
  indicatorRefs,
  type LayoutChange,
  type LayoutDocument,
  type LayoutEditorRights,
  type LayoutStamp,
  type LayoutSummary,
  type LayoutVersionDetail,
  type LayoutVersionSummary,
  layoutWeightProblems,
  PANEL_TYPES,
  type ProfileId,
  type PublishLayoutRequest,
  type RollbackLayoutRequest,
  SEED_LAYOUTS,
  type StoredLayout,
  type Theme,
} from '@cockpit/contracts';
import type { Actor, AuthService } from '../auth/service';
import { HttpError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { LivePublisher } from '../live/publisher';
import type { LayoutRecord, LayoutScope } from '../store/layouts';
import type { Stores } from '../store/types';
import { indicatorLevels } from './indicator-levels';
import {
  type LayoutProblem,
  type LayoutValidationContext,
  type PanelTypeTable,
  validateLayout,
} from './validate';

/** `overview`, `overview.township`, `overview.township.331023105`: one id per scope, stable across saves. */
export const layoutIdOf = (s: LayoutScope) =>
  [s.theme, s.level, s.regionCode].filter((part) => part !== null).join('.');

const summaryOf = (r: LayoutRecord): LayoutSummary => ({
  layoutId: r.layoutId,
  theme: r.theme,
  level: r.level,
  regionCode: r.regionCode,
  version: r.version,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
});

/** The 400 of a refused layout: the first problem's code, every problem in the message and details. */
function refused(problems: Pick<LayoutProblem, 'code' | 'path' | 'message'>[]): HttpError {
  return new HttpError(
    400,
    problems[0]!.code,
    problems.map((p) => p.message).join('; '),
    problems.map(({ code, path, message }) => ({ code, path, message })),
  );
}

/** An effective layout of one profile, ready to send: its JSON and strong ETag. */
export type EffectiveAnswer = { layout: EffectiveLayout; body: string; etag: string };

export type LayoutServiceOptions = {
  auth: AuthService;
  logger?: Logger;
  /** Where layout stamps are published (live topic `layout:<theme>:<regionCode>`). */
  publisher?: LivePublisher;
  /** The panel-type table layouts are checked against (default: the contracts' PANEL_TYPES). */
  panelTypes?: PanelTypeTable;
  /** The levels an indicator exists at (default: indicatorLevels, the registry adapter). */
  indicatorLevels?: LayoutValidationContext['indicatorLevels'];
  /** Documents stored as version 1 where their scope has no layout yet (default: SEED_LAYOUTS). */
  seeds?: readonly LayoutDocument[];
  /** Cache the resolution of effective layouts (default true; the bench turns it off for its baseline). */
  cache?: boolean;
  /** The department that owns an indicator (default: none known, so only `seesAll` editors bind any). */
  indicatorOwner?: (id: string) => string | undefined;
  /** An indicator's direction, to check a panel's own bands (default: unknown, so their order is not checked). */
  indicatorDirection?: LayoutValidationContext['indicatorDirection'];
};

/**
 * Who publishes: the actor (audit) and which indicators they may work with. An editor who does not see
 * every indicator changes only panels bound to indicators their department owns (or bound to none).
 */
export type LayoutEditor = LayoutEditorRights & { actor: Actor };

/** 409 of a write on a stale base: the current version and what changed since the base (diffLayouts). */
export class VersionConflict extends HttpError {
  constructor(
    message: string,
    readonly currentVersion: number,
    readonly changes: LayoutChange[],
  ) {
    super(409, 'VERSION_CONFLICT', message, { currentVersion, changes });
  }
}

/** What a publish replaces: a whole document, or one profile's panels (and map) of the current version. */
export type PublishInput = Pick<PublishLayoutRequest, 'document' | 'profile' | 'panels' | 'map'> & {
  baseVersion: number;
  message?: string | undefined;
};

/**
 * Stored layouts: validation, versions, seeding, the effective layout of a scope (region override > level
 * default > theme default, cached until the next write) and the live stamps of the affected topics.
 * Every write is one transaction with its audit row.
 */
export class LayoutService {
  private readonly ctx: LayoutValidationContext;
  private seeded: Promise<void> | undefined;
  /** Resolution per theme:regionCode → the record that applies (null: none), and its answers per profile. */
  private readonly resolved = new Map<
    string,
    { record: LayoutRecord | null; answers: Map<ProfileId, EffectiveAnswer> }
  >();
  /** Bumped by every write: a resolution begun before it is not cached. */
  private generation = 0;
  private readonly caching: boolean;

  constructor(private readonly opts: LayoutServiceOptions) {
    const hierarchy = opts.auth.hierarchy;
    this.ctx = {
      panelTypes: opts.panelTypes ?? PANEL_TYPES,
      indicatorLevels: opts.indicatorLevels ?? indicatorLevels,
      regionLevel: (code) => hierarchy.get(code)?.level,
      ...(opts.indicatorDirection ? { indicatorDirection: opts.indicatorDirection } : {}),
    };
    this.caching = opts.cache ?? true;
    opts.publisher?.addSource('layout', async (theme, regionCode) => {
      const stamp = await this.stamp(theme as Theme, regionCode);
      return stamp && JSON.stringify(stamp);
    });
  }

  private get store() {
    return this.opts.auth.store;
  }

  /** Validates a document against the panel types, indicators and geography; throws the 400. */
  validate(document: unknown): LayoutDocument {
    const result = validateLayout(document, this.ctx);
    if (!result.ok) throw refused(result.problems);
    return result.document;
  }

  /**
   * Seeds once per process, before the first use: every seeded document whose scope has no layout. A scope
   * whose every stored version came from the seeds (no one has published there) follows a changed seed: the
   * release's seed is stored as a new version, so a wall running for months gets the new panels of an upgrade.
   * A scope someone has published in keeps what they published.
   */
  ready(): Promise<void> {
    this.seeded ??= this.seed().catch((err: unknown) => {
      this.seeded = undefined; // tried again on the next use
      throw err;
    });
    return this.seeded;
  }

  private async seed(): Promise<void> {
    const actor: Actor = { name: 'system', ip: null, requestId: null };
    for (const seed of this.opts.seeds ?? SEED_LAYOUTS) {
      const result = validateLayout(seed, this.ctx);
      if (!result.ok) {
        // A bad seed must not stop the server; the seed test names it.
        this.opts.logger?.error(
          { theme: seed.theme, level: seed.level, problems: result.problems },
          'layouts: a seeded layout is invalid and was not stored',
        );
        continue;
      }
      await this.store.transaction(async (tx) => {
        const existing = await tx.layouts.byScope(result.document);
        if (!existing) {
          await this.insert(tx, result.document, actor, 'layout.seed');
          return;
        }
        if (existing.updatedBy !== actor.name) return;
        if (JSON.stringify(existing.document) === JSON.stringify(result.document)) return;
        const versions = await tx.layouts.listVersions(existing.layoutId);
        if (versions.some((v) => v.savedBy !== actor.name)) return;
        const record: LayoutRecord = {
          ...existing,
          version: existing.version + 1,
          document: result.document,
          updatedAt: new Date().toISOString(),
          updatedBy: actor.name,
        };
        await tx.layouts.update(record, 'seed updated by a new release');
        await tx.audit.append(
          this.opts.auth.entry(actor, 'layout.seed-update', record.layoutId, `version ${record.version}`),
        );
      });
    }
    this.changed();
  }

  async list(visible: (regionCode: string) => boolean): Promise<LayoutSummary[]> {
    await this.ready();
    return (await this.store.layouts.list())
      .filter((r) => r.regionCode === null || visible(r.regionCode))
      .map(summaryOf);
  }

  /** The stored layout, or undefined (the route answers 404). */
  async find(layoutId: string): Promise<LayoutRecord | undefined> {
    await this.ready();
    return this.store.layouts.get(layoutId);
  }

  async get(layoutId: string): Promise<StoredLayout> {
    const r = await this.find(layoutId);
    if (!r) throw notFound(layoutId);
    return { ...summaryOf(r), document: r.document };
  }

  async create(input: unknown, actor: Actor): Promise<StoredLayout> {
    await this.ready();
    const document = this.validate(input);
    const record = await this.store.transaction(async (tx) => {
      const existing = await tx.layouts.byScope(document);
      if (existing)
        throw new HttpError(
          409,
          'LAYOUT_EXISTS',
          `${existing.layoutId} already exists (version ${existing.version}); change it with PUT`,
          { layoutId: existing.layoutId, currentVersion: existing.version },
        );
      return this.insert(tx, document, actor, 'layout.create');
    });
    await this.afterWrite(record);
    return { ...summaryOf(record), document: record.document };
  }

  /** PUT: the whole document with the version it was read at (a publish without a message). */
  async update(
    layoutId: string,
    input: unknown,
    readVersion: number,
    actor: Actor,
    editor?: LayoutEditor,
  ): Promise<StoredLayout> {
    const record = await this.commit(layoutId, readVersion, () => input, {
      actor,
      editor,
      action: 'layout.update',
      message: '',
    });
    return { ...summaryOf(record), document: record.document };
  }

  /**
   * POST …/versions: a new immutable version with a message, made on `baseVersion` (0: the layout does not
   * exist yet, and `document` creates it). 409 VersionConflict when another version was published since.
   */
  async publish(layoutId: string, input: PublishInput, editor: LayoutEditor): Promise<LayoutRecord> {
    if (!input.document && !input.panels)
      throw new HttpError(
        400,
        'VALIDATION',
        'document or panels: send a whole document, or the panels (and map) of one profile',
        [{ path: 'document', message: 'document or panels is required' }],
      );
    const profile = input.profile ?? 'wall';
    return this.commit(
      layoutId,
      input.baseVersion,
      (current) => {
        if (input.document) return input.document;
        if (!current)
          throw new HttpError(
            400,
            'VALIDATION',
            `document: ${layoutId} does not exist yet; publish a whole document to create it`,
            [{ path: 'document', message: 'required for a new layout' }],
          );
        const arrangement = current.document.profiles[profile];
        return {
          ...current.document,
          profiles: {
            ...current.document.profiles,
            [profile]: {
              map: input.map === undefined ? arrangement.map : input.map,
              panels: input.panels,
            },
          },
        };
      },
      { actor: editor.actor, editor, action: 'layout.publish', message: input.message ?? '' },
    );
  }

  /** POST …/rollback: publishes an old version's document (checked again today) as the next version. */
  async rollback(
    layoutId: string,
    input: RollbackLayoutRequest,
    editor: LayoutEditor,
  ): Promise<LayoutRecord> {
    await this.ready();
    const old = await this.store.layouts.getVersion(layoutId, input.toVersion);
    if (!old) throw new HttpError(404, 'VERSION_NOT_FOUND', `${layoutId} has no version ${input.toVersion}`);
    return this.commit(layoutId, input.baseVersion, () => old.document, {
      actor: editor.actor,
      editor,
      action: 'layout.rollback',
      message: input.message ?? `回滚到版本 ${input.toVersion} (rollback to version ${input.toVersion})`,
      from: input.toVersion,
    });
  }

  /**
   * The one write path of a new version: in one transaction, read the current version, refuse a stale base
   * (409 with what changed since), build and check the document (400 naming panel and field, 400
   * LAYOUT_TOO_HEAVY, 403 for panels bound to indicators the editor may not work with), store it with its
   * message and the audit row. Either all of it lands or none (kill -9 included: SQLite's journal).
   */
  private async commit(
    layoutId: string,
    baseVersion: number,
    build: (current: LayoutRecord | undefined) => unknown,
    how: { actor: Actor; editor?: LayoutEditor | undefined; action: string; message: string; from?: number },
  ): Promise<LayoutRecord> {
    await this.ready();
    const record = await this.store.transaction(async (tx) => {
      const current = await tx.layouts.get(layoutId);
      if (!current && baseVersion !== 0) throw notFound(layoutId);
      if (current && current.version !== baseVersion) {
        const base = await tx.layouts.getVersion(layoutId, baseVersion);
        throw new VersionConflict(
          `${layoutId} was published as version ${current.version} (by ${current.updatedBy} at ${current.updatedAt}) after you started from version ${baseVersion}; re-read it and apply your change on version ${current.version}`,
          current.version,
          base ? diffLayouts(base.document, current.document) : [],
        );
      }
      const document = this.validate(build(current));
      if (layoutIdOf(document) !== layoutId)
        throw new HttpError(
          400,
          'SCOPE_MISMATCH',
          `theme/level/regionCode: the document is for ${layoutIdOf(document)}, not ${layoutId}`,
          [{ path: 'document', message: 'scope differs from the layout' }],
        );
      const heavy = layoutWeightProblems(document, this.ctx.panelTypes);
      if (heavy.length > 0) throw refused(heavy);
      if (how.editor) this.checkIndicators(current?.document, document, how.editor);
      const next: LayoutRecord = {
        layoutId,
        theme: document.theme,
        level: document.level,
        regionCode: document.regionCode,
        version: current ? current.version + 1 : (await tx.layouts.getMaxVersion(layoutId)) + 1,
        document,
        updatedAt: new Date().toISOString(),
        updatedBy: how.actor.name,
      };
      if (current) await tx.layouts.update(next, how.message);
      else await tx.layouts.insert(next, how.message);
      const summary = `${current ? `version ${current.version} → ${next.version}` : `version ${next.version}`}${
        how.from !== undefined ? ` (the document of version ${how.from})` : ''
      }${how.message ? `: ${how.message}` : ''}`;
      await tx.audit.append(this.opts.auth.entry(how.actor, how.action, layoutId, summary));
      return next;
    });
    await this.afterWrite(record);
    return record;
  }

  /** 403 when a panel the write adds, removes, moves or re-configures names an indicator not the editor's. */
  private checkIndicators(before: LayoutDocument | undefined, after: LayoutDocument, editor: LayoutEditor) {
    const owner = this.opts.indicatorOwner ?? (() => undefined);
    const empty = { map: null, panels: [] };
    const from = before ?? {
      ...after,
      profiles: Object.fromEntries(Object.keys(after.profiles).map((p) => [p, empty])),
    };
    for (const change of diffLayouts(from as LayoutDocument, after)) {
      if (change.target !== 'panel') continue;
      const panels = [before, after].map((d) =>
        d?.profiles[change.profile].panels.find((p) => p.id === change.panelId),
      );
      for (const panel of panels) {
        if (!panel) continue;
        for (const id of indicatorRefs(panel.options)) {
          if (!id) continue;
          const department = owner(id);
          if (indicatorBinding(editor, department).ok) continue;
          throw new HttpError(
            403,
            'INDICATOR_NOT_YOURS',
            `panel "${panel.id}" (${change.profile}) options: indicator ${id} belongs to ${department ?? 'no department'}; ${
              editor.departmentId
                ? `you (${editor.departmentId}) may change only panels bound to your department's indicators`
                : 'an editor without a department may change only panels bound to no indicator'
            }`,
            [{ path: `profiles.${change.profile}.panels[${panel.id}].options`, message: `indicator ${id}` }],
          );
        }
      }
    }
  }

  /** The versions of a layout, newest first (kept after the layout itself is deleted). */
  async versions(layoutId: string): Promise<LayoutVersionSummary[]> {
    await this.ready();
    const all = await this.store.layouts.listVersions(layoutId);
    if (all.length === 0) throw notFound(layoutId);
    return all.reverse().map((v) => ({
      version: v.version,
      publishedAt: v.savedAt,
      publishedBy: v.savedBy,
      message: v.message,
      panelCount: v.document.profiles.wall.panels.length,
    }));
  }

  async version(layoutId: string, version: number): Promise<LayoutVersionDetail> {
    await this.ready();
    const v = await this.store.layouts.getVersion(layoutId, version);
    if (!v) throw new HttpError(404, 'VERSION_NOT_FOUND', `${layoutId} has no version ${version}`);
    return {
      layoutId,
      version: v.version,
      publishedAt: v.savedAt,
      publishedBy: v.savedBy,
      message: v.message,
      document: v.document,
    };
  }

  /** Checks a document as import does: validation and the weight limits; throws the 400. */
  check(document: unknown): LayoutDocument {
    const valid = this.validate(document);
    const heavy = layoutWeightProblems(valid, this.ctx.panelTypes);
    if (heavy.length > 0) throw refused(heavy);
    return valid;
  }

  /** Deletes a region or level override; a theme default cannot be deleted (every scope needs a layout). */
  async delete(layoutId: string, actor: Actor): Promise<void> {
    await this.ready();
    const record = await this.store.transaction(async (tx) => {
      const current = await tx.layouts.get(layoutId);
      if (!current) throw notFound(layoutId);
      if (current.level === null)
        throw new HttpError(
          409,
          'THEME_DEFAULT_UNDELETABLE',
          `${layoutId} is the ${current.theme} theme default, which every scope falls back to; change it with PUT instead`,
        );
      await tx.layouts.delete(layoutId);
      await tx.audit.append(
        this.opts.auth.entry(actor, 'layout.delete', layoutId, `deleted at version ${current.version}`),
      );
      return current;
    });
    await this.afterWrite(record);
  }

  /** The layout that applies to a region: region override > level default > theme default; null if none. */
  async resolve(theme: Theme, regionCode: string): Promise<LayoutRecord | null> {
    return (await this.resolution(theme, regionCode)).record;
  }

  /** What a screen of this scope and profile shows, with its strong ETag (layout id + version + profile). */
  async effective(theme: Theme, regionCode: string, profile: ProfileId): Promise<EffectiveAnswer> {
    const entry = await this.resolution(theme, regionCode);
    const cached = entry.answers.get(profile);
    if (cached) return cached;
    const r = entry.record;
    if (!r)
      throw new HttpError(
        404,
        'LAYOUT_NOT_FOUND',
        `No layout is stored for the ${theme} cockpit (no region override, level default or theme default for ${regionCode})`,
      );
    const arrangement = r.document.profiles[profile];
    const layout: EffectiveLayout = {
      layoutId: r.layoutId,
      version: r.version,
      theme: r.theme,
      level: r.level,
      regionCode: r.regionCode,
      profile,
      map: arrangement.map,
      panels: arrangement.panels,
    };
    const answer = { layout, body: JSON.stringify(layout), etag: `"${r.layoutId}@${r.version}@${profile}"` };
    if (this.caching) entry.answers.set(profile, answer);
    return answer;
  }

  /** The live payload of `layout:<theme>:<regionCode>`; undefined while no layout applies there. */
  async stamp(theme: Theme, regionCode: string): Promise<LayoutStamp | undefined> {
    if (!this.opts.auth.hierarchy.get(regionCode)) return undefined;
    const r = await this.resolve(theme, regionCode);
    return r ? { theme, regionCode, layoutId: r.layoutId, version: r.version } : undefined;
  }

  private async resolution(theme: Theme, regionCode: string) {
    const key = `${theme}:${regionCode}`;
    const hit = this.resolved.get(key);
    if (hit) return hit;
    await this.ready();
    const region = this.opts.auth.hierarchy.get(regionCode);
    if (!region) throw new HttpError(404, 'REGION_NOT_FOUND', `No region has the code ${regionCode}`);
    const generation = this.generation;
    const layouts = this.store.layouts;
    const record =
      (await layouts.byScope({ theme, level: region.level, regionCode })) ??
      (await layouts.byScope({ theme, level: region.level, regionCode: null })) ??
      (await layouts.byScope({ theme, level: null, regionCode: null })) ??
      null;
    const entry = { record, answers: new Map<ProfileId, EffectiveAnswer>() };
    if (this.caching && generation === this.generation) this.resolved.set(key, entry);
    return entry;
  }

  private async insert(tx: Stores, document: LayoutDocument, actor: Actor, action: string) {
    const layoutId = layoutIdOf(document);
    const record: LayoutRecord = {
      layoutId,
      theme: document.theme,
      level: document.level,
      regionCode: document.regionCode,
      // A layout deleted and created again continues its numbering: an old ETag never names a new document.
      version: (await tx.layouts.getMaxVersion(layoutId)) + 1,
      document,
      updatedAt: new Date().toISOString(),
      updatedBy: actor.name,
    };
    await tx.layouts.insert(record);
    await tx.audit.append(this.opts.auth.entry(actor, action, layoutId, `version ${record.version}`));
    return record;
  }

  /** Every cached resolution is dropped (a write may change what applies anywhere in its theme). */
  private changed() {
    this.generation++;
    this.resolved.clear();
  }

  /** After a write: drop the cache, then publish the stamps of the followed topics the write may affect. */
  private async afterWrite(scope: LayoutScope) {
    this.changed();
    const publisher = this.opts.publisher;
    if (!publisher) return;
    const hierarchy = this.opts.auth.hierarchy;
    const affected = [...publisher.followedTopics('layout')].filter(({ theme, regionCode }) => {
      if (theme !== scope.theme) return false;
      if (scope.level === null) return true;
      if (hierarchy.get(regionCode)?.level !== scope.level) return false;
      return scope.regionCode === null || scope.regionCode === regionCode;
    });
    try {
      await publisher.republish(affected.map((t) => t.topic));
    } catch (err) {
      this.opts.logger?.warn({ err }, 'layouts: could not publish the new stamps');
    }
  }

  /** The region whose scope a write to this layout needs: its region, or the county for a default. */
  static writeRegion(scope: { regionCode: string | null } | undefined): string {
    return scope?.regionCode ?? COUNTY_CODE;
  }

  /** The region part of a layout id (`overview.township.331023105` → 331023105), or null for a default. */
  static regionOfId(layoutId: string): string | null {
    return layoutId.split('.')[2] ?? null;
  }
}

const notFound = (layoutId: string) => new HttpError(404, 'NOT_FOUND', `No layout has the id ${layoutId}`);
