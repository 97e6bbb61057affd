import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { COUNTY_CODE, type SessionUser } from '@cockpit/contracts';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Hierarchy } from '../geo/hierarchy';
import { HttpError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { AuditInput, Store, UserRecord } from '../store/types';
import { SYSTEMS } from '../upstreams/systems';
import { SEEDED_DEPARTMENTS, SEEDED_ROLES, UPSTREAM_OWNERS } from './catalog';
import { hashPassword, randomPassword, verifyPassword } from './passwords';

/** A signed-in person or paired device, as every route sees it. */
export type Principal = SessionUser & {
  /** sha256 of the presented token: the session id, or the device credential's hash. */
  key: string;
  permissionSet: ReadonlySet<string>;
};

/** Who did it and from where, for the audit trail. */
export type Actor = { name: string; ip: string | null; requestId: string | null };

export type AuthOptions = {
  sessionTtlMs?: number;
  /** How long a resolved principal is trusted before the store is asked again (revocation bound). */
  recheckMs?: number;
  failuresPerUsername?: number;
  failuresPerIp?: number;
  failureWindowS?: number;
};

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const token = () => randomBytes(32).toString('base64url');
const iso = (ms = Date.now()) => new Date(ms).toISOString();

type RevokeListener = (p: Principal) => void;

/**
 * Identity: sign-in with rate limits, sessions and device credentials, the principal cache, revocation
 * (which also closes live streams through the listeners) and region scope.
 */
export class AuthService {
  readonly sessionTtlMs: number;
  readonly recheckMs: number;
  private readonly cache = new Map<string, { principal: Principal; checkedAt: number }>();
  private readonly listeners = new Set<RevokeListener>();
  private readonly byUsername: RateLimiterMemory;
  private readonly byIp: RateLimiterMemory;
  private dummyHash: Promise<string> | undefined;

  constructor(
    readonly store: Store,
    readonly hierarchy: Hierarchy,
    private readonly logger: Logger,
    opts: AuthOptions = {},
  ) {
    this.sessionTtlMs = opts.sessionTtlMs ?? 12 * 3600_000;
    this.recheckMs = opts.recheckMs ?? 30_000;
    const duration = opts.failureWindowS ?? 900;
    this.byUsername = new RateLimiterMemory({ points: opts.failuresPerUsername ?? 5, duration });
    this.byIp = new RateLimiterMemory({ points: opts.failuresPerIp ?? 30, duration });
  }

  // ---- region scope -------------------------------------------------------------------------------

  /** True when `code` is the scope region or lies below it in the hierarchy. */
  inScope(scope: string, code: string): boolean {
    if (code === scope) return true;
    for (let r = this.hierarchy.get(code); r; r = r.parentCode ? this.hierarchy.get(r.parentCode) : undefined)
      if (r.code === scope) return true;
    // A code the hierarchy does not know: NBS codes nest by prefix, so judge by that (never widens scope).
    return !this.hierarchy.get(code) && code.startsWith(scope) && code.length > scope.length;
  }

  /** A scope given for a user or device must be a region of the hierarchy. */
  assertKnownRegion(code: string) {
    if (!this.hierarchy.get(code))
      throw new HttpError(400, 'UNKNOWN_REGION', `scope: no region has the code ${code}`, [
        { path: 'scope', message: 'unknown region code' },
      ]);
  }

  // ---- first start --------------------------------------------------------------------------------

  /** Seeds roles, departments and upstream owners that are missing; creates `admin` when no admin exists. */
  async seed(adminPassword?: string): Promise<{ created: boolean; oneTimePassword?: string }> {
    return this.store.transaction(async (tx) => {
      for (const r of SEEDED_ROLES)
        if (!(await tx.roles.get(r.id))) await tx.roles.insert({ ...r, builtin: true });
      for (const d of SEEDED_DEPARTMENTS)
        if (!(await tx.departments.get(d.id))) await tx.departments.insert(d);
      const owners = new Set((await tx.departments.upstreamOwners()).map((o) => o.systemId));
      for (const s of SYSTEMS)
        if (!owners.has(s)) await tx.departments.setUpstreamOwner(s, UPSTREAM_OWNERS[s]);
      const admins = (await tx.users.list()).filter((u) => u.roles.includes('admin'));
      if (admins.length > 0) return { created: false };
      const chosen = adminPassword !== undefined && adminPassword !== '';
      const password = chosen ? adminPassword : randomPassword();
      const existing = await tx.users.byUsername('admin');
      const user: UserRecord = {
        id: existing?.id ?? randomUUID(),
        username: 'admin',
        displayName: '系统管理员',
        passwordHash: await hashPassword(password),
        departmentId: 'big-data',
        roles: ['admin'],
        scope: COUNTY_CODE,
        enabled: true,
        mustChangePassword: !chosen,
        lastLoginAt: null,
        createdAt: iso(),
      };
      if (existing) await tx.users.update(existing.id, { ...user });
      else await tx.users.insert(user);
      await tx.audit.append(
        this.entry(
          { name: 'system', ip: null, requestId: null },
          'user.create',
          'admin',
          'first start: created the admin account',
        ),
      );
      return chosen ? { created: true } : { created: true, oneTimePassword: password };
    });
  }

  // ---- sign-in ------------------------------------------------------------------------------------

  async login(username: string, password: string, actor: Actor) {
    const ipKey = actor.ip ?? 'unknown';
    const userKey = username.toLowerCase();
    const [u, i] = await Promise.all([this.byUsername.get(userKey), this.byIp.get(ipKey)]);
    const blocked = [u, i].filter((r): r is RateLimiterRes => !!r && r.remainingPoints <= 0);
    if (blocked.length > 0) {
      const retryS = Math.max(1, Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000));
      await this.audit({ ...actor, name: username }, 'auth.login.failure', username, 'rate limited');
      throw new HttpError(429, 'RATE_LIMITED', `Too many failed sign-ins; try again in ${retryS} s`, {
        retryAfterSeconds: retryS,
      });
    }
    const user = await this.store.users.byUsername(username);
    // Unknown users cost the same hash as known ones, so timing does not tell them apart.
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyPassword(await this.dummy(), password);
    if (!user || !ok || !user.enabled) {
      await Promise.all([this.byUsername.penalty(userKey, 1), this.byIp.penalty(ipKey, 1)]);
      await this.audit(
        { ...actor, name: username },
        'auth.login.failure',
        username,
        'wrong username or password, or account disabled',
      );
      throw new HttpError(401, 'INVALID_CREDENTIALS', 'Wrong username or password');
    }
    await this.byUsername.delete(userKey);
    const raw = token();
    const now = Date.now();
    const expiresAt = iso(now + this.sessionTtlMs);
    await this.store.transaction(async (tx) => {
      await tx.sessions.insert({
        id: sha256(raw),
        userId: user.id,
        createdAt: iso(now),
        expiresAt,
        revokedAt: null,
        ip: actor.ip,
      });
      await tx.users.update(user.id, { lastLoginAt: iso(now) });
      await tx.audit.append(
        this.entry({ ...actor, name: user.username }, 'auth.login.success', user.username, 'signed in'),
      );
    });
    const principal = (await this.resolve(raw))!;
    return { token: raw, expiresAt, user: publicUser(principal) };
  }

  /** A hash of nothing, verified against for unknown usernames. */
  private dummy(): Promise<string> {
    if (!this.dummyHash) this.dummyHash = hashPassword(randomPassword());
    return this.dummyHash;
  }

  async logout(p: Principal, actor: Actor) {
    await this.store.transaction(async (tx) => {
      await tx.sessions.revoke(p.key, iso());
      await tx.audit.append(this.entry(actor, 'auth.logout', p.username, 'signed out'));
    });
    this.revoked((q) => q.key === p.key);
  }

  async changePassword(p: Principal, current: string, next: string, actor: Actor) {
    const user = p.kind === 'user' ? await this.store.users.get(p.id) : undefined;
    if (!user || !(await verifyPassword(user.passwordHash, current)))
      throw new HttpError(401, 'INVALID_CREDENTIALS', 'The current password is wrong');
    if (current === next)
      throw new HttpError(400, 'VALIDATION', 'newPassword: must differ from the current password', [
        { path: 'newPassword', message: 'must differ from the current password' },
      ]);
    const passwordHash = await hashPassword(next);
    await this.store.transaction(async (tx) => {
      await tx.users.update(user.id, { passwordHash, mustChangePassword: false });
      // Every other session of this user ends; this one stays.
      const ended = await tx.sessions.revokeAllOf(user.id, iso(), p.key);
      await tx.audit.append(
        this.entry(
          actor,
          'auth.password.change',
          user.username,
          `password changed; ${ended.length} other session(s) revoked`,
        ),
      );
    });
    this.revoked((q) => q.id === user.id && q.key !== p.key);
    this.cache.delete(p.key);
  }

  // ---- resolving tokens ---------------------------------------------------------------------------

  /** The principal a token stands for, or undefined (unknown, expired, revoked, disabled). */
  async resolve(raw: string): Promise<Principal | undefined> {
    const key = sha256(raw);
    const hit = this.cache.get(key);
    const now = Date.now();
    if (hit && now - hit.checkedAt < this.recheckMs) return hit.principal;
    const principal = await this.load(key, now);
    if (principal) this.cache.set(key, { principal, checkedAt: now });
    else this.cache.delete(key);
    return principal;
  }

  /** The cached principal of a token, without touching the store (the snapshot hot path). */
  cached(raw: string): Principal | undefined {
    const hit = this.cache.get(sha256(raw));
    return hit && Date.now() - hit.checkedAt < this.recheckMs ? hit.principal : undefined;
  }

  private async load(key: string, now: number): Promise<Principal | undefined> {
    const session = await this.store.sessions.get(key);
    if (session) {
      if (session.revokedAt || Date.parse(session.expiresAt) <= now) return undefined;
      const user = await this.store.users.get(session.userId);
      if (!user?.enabled) return undefined;
      return this.principalOf(key, {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: user.roles,
        scope: user.scope,
        departmentId: user.departmentId,
        mustChangePassword: user.mustChangePassword,
        kind: 'user',
      });
    }
    const device = await this.store.devices.byCredentialHash(key);
    if (device?.state !== 'active') return undefined;
    return this.principalOf(key, {
      id: device.id,
      username: `device:${device.id}`,
      displayName: device.name,
      roles: ['device'],
      scope: device.scope,
      departmentId: null,
      mustChangePassword: false,
      kind: 'device',
    });
  }

  private async principalOf(key: string, base: Omit<SessionUser, 'permissions'>): Promise<Principal> {
    const perms = new Set<string>();
    for (const id of base.roles)
      for (const p of (await this.store.roles.get(id))?.permissions ?? []) perms.add(p);
    const permissions = [...perms].sort();
    return { ...base, permissions, key, permissionSet: perms };
  }

  // ---- revocation ---------------------------------------------------------------------------------

  /** Called with each principal whose access ended (live streams close theirs). */
  onRevoke(listener: RevokeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops cached principals matching `match` and tells the listeners. */
  revoked(match: (p: Principal) => boolean) {
    for (const [key, { principal }] of this.cache) {
      if (!match(principal)) continue;
      this.cache.delete(key);
      for (const l of this.listeners) l(principal);
    }
  }

  /** Roles or users changed: every cached principal is re-read on its next request. */
  invalidateAll() {
    this.cache.clear();
  }

  /** Is this principal still valid right now (streams re-check with it)? */
  async stillValid(p: Principal, raw: string): Promise<boolean> {
    const now = await this.resolve(raw);
    return !!now && now.scope === p.scope;
  }

  // ---- audit --------------------------------------------------------------------------------------

  entry(actor: Actor, action: string, target: string | null, summary: string): AuditInput {
    return { actor: actor.name, ip: actor.ip, requestId: actor.requestId, action, target, summary };
  }

  async audit(actor: Actor, action: string, target: string | null, summary: string) {
    try {
      await this.store.audit.append(this.entry(actor, action, target, summary));
    } catch (err) {
      this.logger.error({ err, action }, 'could not append to the audit trail');
      throw err;
    }
  }
}

export function publicUser(p: Principal): SessionUser {
  return {
    id: p.id,
    username: p.username,
    displayName: p.displayName,
    roles: p.roles,
    permissions: p.permissions,
    scope: p.scope,
    departmentId: p.departmentId,
    mustChangePassword: p.mustChangePassword,
    kind: p.kind,
  };
}

export { token as newToken };
