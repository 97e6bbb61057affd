import {
  COUNTY_CODE,
  type EffectiveLayout,
  type LayoutDocument,
  type LayoutStamp,
  type LayoutSummary,
  PANEL_TYPES,
  type ProfileId,
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
function refused(problems: LayoutProblem[]): HttpError {
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

  /** Seeds once per process, before the first use: every seeded document whose scope has no layout. */
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
        if (await tx.layouts.byScope(result.document)) return;
        await this.insert(tx, result.document, actor, 'layout.seed');
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

  async update(layoutId: string, input: unknown, readVersion: number, actor: Actor): Promise<StoredLayout> {
    await this.ready();
    const document = this.validate(input);
    const record = await this.store.transaction(async (tx) => {
      const current = await tx.layouts.get(layoutId);
      if (!current) throw notFound(layoutId);
      if (current.version !== readVersion)
        throw new HttpError(
          409,
          'VERSION_CONFLICT',
          `${layoutId} was saved as version ${current.version} after you read version ${readVersion}; reload it and apply your change again`,
          { currentVersion: current.version },
        );
      if (layoutIdOf(document) !== layoutId)
        throw new HttpError(
          400,
          'SCOPE_MISMATCH',
          `theme/level/regionCode: the document is for ${layoutIdOf(document)}, not ${layoutId}; create that layout with POST`,
          [{ path: 'document', message: 'scope differs from the stored layout' }],
        );
      const next: LayoutRecord = {
        ...current,
        version: current.version + 1,
        document,
        updatedAt: new Date().toISOString(),
        updatedBy: actor.name,
      };
      await tx.layouts.update(next);
      await tx.audit.append(
        this.opts.auth.entry(
          actor,
          'layout.update',
          layoutId,
          `version ${current.version} → ${next.version}`,
        ),
      );
      return next;
    });
    await this.afterWrite(record);
    return { ...summaryOf(record), document: record.document };
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
}

const notFound = (layoutId: string) => new HttpError(404, 'NOT_FOUND', `No layout has the id ${layoutId}`);
