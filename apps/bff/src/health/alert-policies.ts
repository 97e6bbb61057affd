import { randomBytes, randomUUID } from 'node:crypto';
import type { AlertPolicy, AlertPolicyInput, AlertPolicySaved } from '@cockpit/contracts';
import type { Actor, AuthService, Principal } from '../auth/service';
import type { IndicatorDefinitions } from '../indicators/definitions';
import { HttpError } from '../lib/errors';
import type { PolicyRecord } from '../store/policies';
import { type HostRule, webhookUrlProblem } from './webhook-hosts';

export type AlertPolicyDeps = {
  auth: AuthService;
  indicators: IndicatorDefinitions;
  /** Whether an alarm rule exists (ACORE's rules); absent: any rule id is accepted. */
  ruleExists?: (ruleId: string) => Promise<boolean> | boolean;
  /** WEBHOOK_ALLOWED_HOSTS: the receivers a webhook URL may name (empty: none, webhooks are off). */
  webhookAllowedHosts: readonly HostRule[];
  now?: () => Date;
};

/** A fresh webhook key: 32 random bytes, base64url. */
const newSecret = () => randomBytes(32).toString('base64url');

const invalid = (field: string, message: string) =>
  new HttpError(400, 'VALIDATION', `${field}: ${message}`, { field, issues: [{ field, message }] });

const toPublic = ({ webhookSecret: _, ...p }: PolicyRecord): AlertPolicy => p;

/** Each user's own alert policies (个性化告警策略): CRUD with the checks a policy must pass. */
export class AlertPolicyService {
  constructor(private readonly deps: AlertPolicyDeps) {}

  private get store() {
    return this.deps.auth.store.policies;
  }

  /** A subscription names something that exists and lies inside the owner's scope. */
  private async check(p: Principal, input: AlertPolicyInput): Promise<void> {
    const { kind, ref } = input.subscription;
    switch (kind) {
      case 'region':
        if (!this.deps.auth.hierarchy.get(ref))
          throw invalid('subscription.ref', `no region has the code ${ref}`);
        if (!this.deps.auth.inScope(p.scope, ref))
          throw new HttpError(403, 'OUT_OF_SCOPE', `Region ${ref} is outside your scope (${p.scope})`);
        break;
      case 'indicator':
        if (!this.deps.indicators.get(ref))
          throw invalid('subscription.ref', `no indicator has the id ${ref}`);
        break;
      case 'field':
        if (!this.deps.indicators.list().some((d) => d.field === ref))
          throw invalid('subscription.ref', `no indicator belongs to the field ${ref}`);
        break;
      case 'rule':
        if (this.deps.ruleExists && !(await this.deps.ruleExists(ref)))
          throw invalid('subscription.ref', `no alarm rule has the id ${ref}`);
        break;
    }
    if (input.threshold && kind !== 'indicator')
      throw invalid('threshold', 'an own threshold applies to an indicator subscription only');
    this.checkWebhook(input.channels.webhookUrl);
  }

  /**
   * A webhook URL names a receiver WEBHOOK_ALLOWED_HOSTS permits and carries no credentials: otherwise any
   * user could make the BFF POST to any host it reaches (the departments' systems, loopback admin ports).
   * Checked on every save, so a policy saved before the list changed is saved again only with a permitted
   * receiver (or without a webhook); the dispatcher checks again at each delivery.
   */
  private checkWebhook(url: string | null): void {
    if (!url) return;
    const field = 'channels.webhookUrl';
    const problem = webhookUrlProblem(this.deps.webhookAllowedHosts, url);
    if (problem?.code === 'VALIDATION') throw invalid(field, problem.message);
    if (problem)
      throw new HttpError(400, problem.code, `${field}: ${problem.message}`, { field, host: problem.host });
  }

  async list(p: Principal): Promise<AlertPolicy[]> {
    return (await this.store.listPolicies(p.id)).map(toPublic);
  }

  private async own(p: Principal, id: string): Promise<PolicyRecord> {
    const found = await this.store.getPolicy(id);
    if (!found || found.userId !== p.id)
      throw new HttpError(404, 'NOT_FOUND', `You have no alert policy ${id}`);
    return found;
  }

  async create(p: Principal, input: AlertPolicyInput, actor: Actor): Promise<AlertPolicySaved> {
    await this.check(p, input);
    if ((await this.store.listPolicies(p.id)).length >= 50)
      throw new HttpError(400, 'TOO_MANY_POLICIES', 'At most 50 alert policies per person');
    const at = (this.deps.now?.() ?? new Date()).toISOString();
    const webhookSecret = input.channels.webhookUrl ? newSecret() : null;
    const record: PolicyRecord = {
      ...input,
      id: randomUUID(),
      userId: p.id,
      createdAt: at,
      updatedAt: at,
      webhookSecret,
    };
    await this.store.insertPolicy(record);
    await this.deps.auth.audit(
      actor,
      'alert-policy.create',
      record.id,
      `${input.name} (${input.subscription.kind}:${input.subscription.ref})`,
    );
    return { policy: toPublic(record), webhookSecret };
  }

  /** Replaces a policy; a new or changed webhook URL gets a new key (shown once). */
  async update(p: Principal, id: string, input: AlertPolicyInput, actor: Actor): Promise<AlertPolicySaved> {
    const before = await this.own(p, id);
    await this.check(p, input);
    const url = input.channels.webhookUrl;
    const rotate = !!url && url !== before.channels.webhookUrl;
    const webhookSecret = url ? (rotate ? newSecret() : before.webhookSecret) : null;
    const at = (this.deps.now?.() ?? new Date()).toISOString();
    const record: PolicyRecord = { ...before, ...input, updatedAt: at, webhookSecret };
    await this.store.updatePolicy(record);
    await this.deps.auth.audit(actor, 'alert-policy.update', id, input.name);
    return { policy: toPublic(record), webhookSecret: rotate ? webhookSecret : null };
  }

  async delete(p: Principal, id: string, actor: Actor): Promise<void> {
    await this.own(p, id);
    await this.store.deletePolicy(id);
    await this.deps.auth.audit(actor, 'alert-policy.delete', id, 'deleted');
  }
}
