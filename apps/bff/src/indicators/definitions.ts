import type {
  IndicatorDefinition,
  IndicatorDefinitionInput,
  IndicatorField,
  UpdateIndicatorRequest,
} from '@cockpit/contracts';
import type { Actor } from '../auth/service';
import { HttpError } from '../lib/errors';
import type { Store } from '../store/types';
import { SEED_DEFINITIONS } from './definitions.seed';
import { checkDefinition } from './formula';

/** Who is writing: their name (audit), department and whether they may write every department's. */
export type IndicatorEditor = { actor: Actor; departmentId: string | null; editsAll: boolean };

export type IndicatorFilter = {
  field?: IndicatorField | undefined;
  department?: string | undefined;
  status?: IndicatorDefinition['status'] | undefined;
  q?: string | undefined;
};

/**
 * The stored indicator definitions, cached in memory and refreshed on every write through this service.
 * Before the store is bound (tests without one, the first instants of start-up) it serves the seed.
 */
export class IndicatorDefinitions {
  private items: IndicatorDefinition[];
  private byId: Map<string, IndicatorDefinition>;
  private ready: Promise<Store> | undefined;
  /** Goes up with every change of the definitions (snapshots built with older ones are rebuilt). */
  generation = 0;

  constructor(private readonly seed: readonly IndicatorDefinitionInput[]) {
    const at = new Date(0).toISOString();
    this.items = seed.map((d) => ({ ...d, version: 1, updatedAt: at, updatedBy: 'system' }));
    this.byId = new Map(this.items.map((d) => [d.id, d]));
  }

  /**
   * Loads the stored definitions (once; later calls return the same promise) and stores any seeded
   * indicator the store does not hold yet.
   */
  bind(store: Store): Promise<void> {
    this.ready ??= (async () => {
      let stored = await store.indicators.list();
      const have = new Set(stored.map((d) => d.id));
      const missing = this.seed.filter((d) => !have.has(d.id));
      if (missing.length) {
        const at = new Date().toISOString();
        await store.transaction(async (tx) => {
          for (const d of missing)
            await tx.indicators.insert({ ...d, version: 1, updatedAt: at, updatedBy: 'system' });
        });
        stored = await store.indicators.list();
      }
      this.replace(stored);
      return store;
    })();
    return this.ready.then(() => undefined);
  }

  get(id: string): IndicatorDefinition | undefined {
    return this.byId.get(id);
  }

  list(filter: IndicatorFilter = {}): IndicatorDefinition[] {
    const q = filter.q?.trim().toLowerCase();
    return this.items.filter(
      (d) =>
        (!filter.field || d.field === filter.field) &&
        (!filter.department || d.departmentId === filter.department) &&
        (!filter.status || d.status === filter.status) &&
        (!q ||
          [d.id, d.name.zh, d.name.en, d.definition.zh, d.definition.en].some((t) =>
            t.toLowerCase().includes(q),
          )),
    );
  }

  async versions(id: string): Promise<IndicatorDefinition[]> {
    if (!this.byId.has(id)) throw notFound(id);
    return (await this.bound()).indicators.listVersions(id);
  }

  async create(input: IndicatorDefinitionInput, editor: IndicatorEditor): Promise<IndicatorDefinition> {
    mayWrite(editor, input.departmentId);
    await this.checkDepartment(input.departmentId);
    this.check(input);
    const d: IndicatorDefinition = {
      ...input,
      version: 1,
      updatedAt: new Date().toISOString(),
      updatedBy: editor.actor.name,
    };
    const store = await this.bound();
    const created = await store.transaction(async (tx) => {
      if (!(await tx.indicators.insert(d))) return false;
      await tx.audit.append(entry(editor.actor, 'indicator.create', d.id, summaryOf(d)));
      return true;
    });
    if (!created) throw new HttpError(409, 'INDICATOR_EXISTS', `An indicator ${d.id} exists already`);
    await this.reload();
    return d;
  }

  async update(
    id: string,
    body: UpdateIndicatorRequest,
    editor: IndicatorEditor,
  ): Promise<IndicatorDefinition> {
    const { version: readAt, ...input } = body;
    if (input.id !== id)
      throw new HttpError(
        400,
        'VALIDATION',
        `id: the body names ${input.id}, the path ${id}; an id cannot change`,
        fieldDetails('id', 'an id cannot change'),
      );
    const store = await this.bound();
    const before = await store.indicators.get(id);
    if (!before) throw notFound(id);
    // Both the department it belongs to and the one it is given must be the editor's own.
    mayWrite(editor, before.departmentId);
    mayWrite(editor, input.departmentId);
    await this.checkDepartment(input.departmentId);
    this.check(input);
    if (before.version !== readAt) throw conflict(before);
    const d: IndicatorDefinition = {
      ...input,
      version: before.version + 1,
      updatedAt: new Date().toISOString(),
      updatedBy: editor.actor.name,
    };
    const saved = await store.transaction(async (tx) => {
      if (!(await tx.indicators.update(d, readAt))) return false;
      await tx.audit.append(
        entry(editor.actor, 'indicator.update', id, `v${readAt} → v${d.version}: ${changes(before, d)}`),
      );
      return true;
    });
    if (!saved) {
      const now = await store.indicators.get(id);
      throw conflict(now ?? before);
    }
    await this.reload();
    return d;
  }

  private check(input: IndicatorDefinitionInput) {
    const problem = checkDefinition(input, this.byId);
    if (problem)
      throw new HttpError(
        400,
        'VALIDATION',
        `${problem.field}: ${problem.message}`,
        fieldDetails(problem.field, problem.message),
      );
  }

  private async checkDepartment(id: string) {
    if (!(await (await this.bound()).departments.get(id)))
      throw new HttpError(
        400,
        'VALIDATION',
        `departmentId: no department ${id}`,
        fieldDetails('departmentId', `no department ${id}`),
      );
  }

  private bound(): Promise<Store> {
    if (!this.ready)
      throw new HttpError(503, 'NOT_READY', 'The indicator store is not open yet; retry shortly');
    return this.ready;
  }

  private async reload() {
    this.replace(await (await this.bound()).indicators.list());
  }

  private replace(items: IndicatorDefinition[]) {
    this.items = items;
    this.byId = new Map(items.map((d) => [d.id, d]));
    this.generation++;
  }
}

/** The field a 400 is about, also as an issue list the web's forms show next to the field. */
function fieldDetails(field: string, message: string) {
  return { field, issues: [{ field, message }] };
}

function mayWrite(editor: IndicatorEditor, departmentId: string) {
  if (editor.editsAll || editor.departmentId === departmentId) return;
  throw new HttpError(
    403,
    'FORBIDDEN',
    `Only the owning department (${departmentId}) or an administrator may change this indicator`,
  );
}

function notFound(id: string) {
  return new HttpError(404, 'INDICATOR_NOT_FOUND', `No indicator ${id}`);
}

function conflict(current: IndicatorDefinition) {
  return new HttpError(
    409,
    'VERSION_CONFLICT',
    `Someone saved ${current.id} in between: it is at version ${current.version} (by ${current.updatedBy} at ${current.updatedAt}); reload and apply your change again`,
    { currentVersion: current.version, current },
  );
}

function entry(actor: Actor, action: string, target: string, summary: string) {
  return { actor: actor.name, ip: actor.ip, requestId: actor.requestId, action, target, summary };
}

const summaryOf = (d: IndicatorDefinition) =>
  `${d.name.zh} (${d.status}, ${d.departmentId}${d.formula ? `, formula ${d.formula.op}` : ''})`;

/** The top-level fields that differ, for the audit row. */
function changes(a: IndicatorDefinition, b: IndicatorDefinition): string {
  const keys = (Object.keys(b) as (keyof IndicatorDefinition)[]).filter(
    (k) =>
      !['version', 'updatedAt', 'updatedBy'].includes(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
  if (!keys.length) return 'no change';
  return keys.map((k) => (k === 'status' ? `status ${a.status} → ${b.status}` : k)).join(', ');
}

/** The seeded definitions as stored at version 1 (pure builds and tests without a store). */
let seeded: IndicatorDefinition[] | undefined;
export function seedDefinitions(): readonly IndicatorDefinition[] {
  seeded ??= new IndicatorDefinitions(SEED_DEFINITIONS).list();
  return seeded;
}
