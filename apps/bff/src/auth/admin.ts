import { randomBytes, randomUUID } from 'node:crypto';
import type {
  ApprovePairingRequest,
  CreateDepartmentRequest,
  CreateRoleRequest,
  CreateUserRequest,
  Department,
  Device,
  Role,
  UpdateDepartmentRequest,
  UpdateDeviceRequest,
  UpdateRoleRequest,
  UpdateUserRequest,
  User,
} from '@cockpit/contracts';
import { HttpError } from '../lib/errors';
import type { DepartmentRecord, DeviceRecord, RoleRecord, Stores, UserRecord } from '../store/types';
import { PERMISSION_IDS } from './catalog';
import { hashPassword } from './passwords';
import { type Actor, type AuthService, newToken, sha256 } from './service';

const iso = (ms = Date.now()) => new Date(ms).toISOString();
const PAIRING_TTL_MS = 10 * 60_000;
const MAX_PENDING_PAIRINGS = 50;
/** Pairing codes avoid look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B). */
const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

export const userView = (u: UserRecord): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  departmentId: u.departmentId,
  roles: u.roles,
  scope: u.scope,
  enabled: u.enabled,
  lastLoginAt: u.lastLoginAt,
  createdAt: u.createdAt,
});
export const departmentView = (d: DepartmentRecord): Department => ({
  id: d.id,
  name: d.name,
  ...(d.description ? { description: d.description } : {}),
});
export const roleView = (r: RoleRecord): Role => r;
export const deviceView = (d: DeviceRecord): Device => d;

const notFound = (what: string, id: string) => new HttpError(404, 'NOT_FOUND', `No ${what} has the id ${id}`);
const field = (path: string, code: string, message: string) =>
  new HttpError(400, code, `${path}: ${message}`, [{ path, message }]);

/** Changes to users, departments, roles and devices: each one transaction, each one audit row. */
export class AdminService {
  constructor(private readonly auth: AuthService) {}

  private get store() {
    return this.auth.store;
  }

  private async checkRefs(tx: Stores, roles?: string[], departmentId?: string | null, scope?: string) {
    for (const id of roles ?? [])
      if (!(await tx.roles.get(id))) throw field('roles', 'UNKNOWN_ROLE', `no role has the id ${id}`);
    if (departmentId && !(await tx.departments.get(departmentId)))
      throw field('departmentId', 'UNKNOWN_DEPARTMENT', `no department has the id ${departmentId}`);
    if (scope !== undefined) this.auth.assertKnownRegion(scope);
  }

  /** Enabled users holding a role that grants user:admin. */
  private async admins(tx: Stores, without?: { id: string; patch?: Partial<UserRecord> }) {
    const adminRoles = new Set(
      (await tx.roles.list()).filter((r) => r.permissions.includes('user:admin')).map((r) => r.id),
    );
    return (await tx.users.list())
      .map((u) => (u.id === without?.id ? (without.patch ? { ...u, ...without.patch } : undefined) : u))
      .filter((u): u is UserRecord => !!u && u.enabled && u.roles.some((r) => adminRoles.has(r)));
  }

  private entry(actor: Actor, action: string, target: string, summary: string) {
    return this.auth.entry(actor, action, target, summary);
  }

  // ---- users --------------------------------------------------------------------------------------

  async createUser(req: CreateUserRequest, actor: Actor): Promise<User> {
    const passwordHash = await hashPassword(req.password);
    return this.store.transaction(async (tx) => {
      await this.checkRefs(tx, req.roles, req.departmentId, req.scope);
      if (await tx.users.byUsername(req.username))
        throw new HttpError(409, 'USERNAME_TAKEN', `The username ${req.username} is taken`);
      const user: UserRecord = {
        id: randomUUID(),
        username: req.username,
        displayName: req.displayName,
        passwordHash,
        departmentId: req.departmentId ?? null,
        roles: req.roles,
        scope: req.scope,
        enabled: true,
        mustChangePassword: true,
        lastLoginAt: null,
        createdAt: iso(),
      };
      await tx.users.insert(user);
      await tx.audit.append(
        this.entry(
          actor,
          'user.create',
          user.username,
          `roles=${user.roles.join('+')} scope=${user.scope} department=${user.departmentId ?? '-'}`,
        ),
      );
      return userView(user);
    });
  }

  async updateUser(id: string, patch: UpdateUserRequest, actor: Actor): Promise<User> {
    const result = await this.store.transaction(async (tx) => {
      const before = await tx.users.get(id);
      if (!before) throw notFound('user', id);
      await this.checkRefs(tx, patch.roles, patch.departmentId, patch.scope);
      const changes: Partial<UserRecord> = {};
      if (patch.displayName !== undefined) changes.displayName = patch.displayName;
      if (patch.roles !== undefined) changes.roles = patch.roles;
      if (patch.departmentId !== undefined) changes.departmentId = patch.departmentId;
      if (patch.scope !== undefined) changes.scope = patch.scope;
      if (patch.enabled !== undefined) changes.enabled = patch.enabled;
      if (
        (await this.admins(tx)).some((u) => u.id === id) &&
        (await this.admins(tx, { id, patch: changes })).length === 0
      )
        throw new HttpError(409, 'LAST_ADMIN', 'This would leave no enabled administrator');
      await tx.users.update(id, changes);
      const ended = patch.enabled === false ? await tx.sessions.revokeAllOf(id, iso()) : [];
      const diff = Object.entries(changes)
        .map(
          ([k, v]) =>
            `${k}: ${JSON.stringify((before as Record<string, unknown>)[k])} → ${JSON.stringify(v)}`,
        )
        .join('; ');
      await tx.audit.append(this.entry(actor, 'user.update', before.username, diff || 'no change'));
      if (ended.length > 0)
        await tx.audit.append(
          this.entry(
            actor,
            'session.revoke',
            before.username,
            `user disabled: ${ended.length} session(s) revoked`,
          ),
        );
      return userView((await tx.users.get(id))!);
    });
    // Disabled, or roles/scope changed: cached principals go, streams of a disabled user close.
    if (patch.enabled === false || patch.scope !== undefined || patch.roles !== undefined)
      this.auth.revoked((p) => p.kind === 'user' && p.id === id);
    this.auth.invalidateAll();
    return result;
  }

  async resetPassword(id: string, password: string, actor: Actor) {
    const passwordHash = await hashPassword(password);
    await this.store.transaction(async (tx) => {
      const user = await tx.users.get(id);
      if (!user) throw notFound('user', id);
      await tx.users.update(id, { passwordHash, mustChangePassword: true });
      const ended = await tx.sessions.revokeAllOf(id, iso());
      await tx.audit.append(
        this.entry(
          actor,
          'user.password.reset',
          user.username,
          `password reset by an admin; ${ended.length} session(s) revoked`,
        ),
      );
    });
    this.auth.revoked((p) => p.kind === 'user' && p.id === id);
  }

  async deleteUser(id: string, actor: Actor) {
    await this.store.transaction(async (tx) => {
      const user = await tx.users.get(id);
      if (!user) throw notFound('user', id);
      if ((await this.admins(tx)).some((u) => u.id === id) && (await this.admins(tx, { id })).length === 0)
        throw new HttpError(409, 'LAST_ADMIN', 'The last enabled administrator cannot be deleted');
      await tx.users.delete(id);
      await tx.audit.append(
        this.entry(
          actor,
          'user.delete',
          user.username,
          `deleted (roles=${user.roles.join('+')}, scope=${user.scope})`,
        ),
      );
    });
    this.auth.revoked((p) => p.kind === 'user' && p.id === id);
  }

  // ---- departments --------------------------------------------------------------------------------

  async createDepartment(req: CreateDepartmentRequest, actor: Actor): Promise<Department> {
    return this.store.transaction(async (tx) => {
      if (await tx.departments.get(req.id))
        throw new HttpError(409, 'DEPARTMENT_EXISTS', `A department has the id ${req.id}`);
      const d = { id: req.id, name: req.name, description: req.description ?? null };
      await tx.departments.insert(d);
      await tx.audit.append(this.entry(actor, 'department.create', d.id, `${d.name.zh} / ${d.name.en}`));
      return departmentView(d);
    });
  }

  async updateDepartment(id: string, patch: UpdateDepartmentRequest, actor: Actor): Promise<Department> {
    return this.store.transaction(async (tx) => {
      const before = await tx.departments.get(id);
      if (!before) throw notFound('department', id);
      await tx.departments.update(id, patch);
      const after = (await tx.departments.get(id))!;
      await tx.audit.append(
        this.entry(actor, 'department.update', id, `${JSON.stringify(before)} → ${JSON.stringify(after)}`),
      );
      return departmentView(after);
    });
  }

  // ---- roles --------------------------------------------------------------------------------------

  private checkPermissions(perms: string[]) {
    for (const p of perms)
      if (!PERMISSION_IDS.has(p)) throw field('permissions', 'UNKNOWN_PERMISSION', `no permission ${p}`);
  }

  async createRole(req: CreateRoleRequest, actor: Actor): Promise<Role> {
    this.checkPermissions(req.permissions);
    return this.store.transaction(async (tx) => {
      if (await tx.roles.get(req.id)) throw new HttpError(409, 'ROLE_EXISTS', `A role has the id ${req.id}`);
      const r = { id: req.id, name: req.name, permissions: [...new Set(req.permissions)], builtin: false };
      await tx.roles.insert(r);
      await tx.audit.append(this.entry(actor, 'role.create', r.id, `permissions=${r.permissions.join(',')}`));
      return r;
    });
  }

  async updateRole(id: string, patch: UpdateRoleRequest, actor: Actor): Promise<Role> {
    if (patch.permissions) this.checkPermissions(patch.permissions);
    const role = await this.store.transaction(async (tx) => {
      const before = await tx.roles.get(id);
      if (!before) throw notFound('role', id);
      await tx.roles.update(id, {
        ...patch,
        ...(patch.permissions ? { permissions: [...new Set(patch.permissions)] } : {}),
      });
      if ((await this.admins(tx)).length === 0)
        throw new HttpError(409, 'LAST_ADMIN', 'This would leave no enabled user with user:admin');
      const after = (await tx.roles.get(id))!;
      await tx.audit.append(
        this.entry(
          actor,
          'role.update',
          id,
          `permissions: ${before.permissions.join(',')} → ${after.permissions.join(',')}`,
        ),
      );
      return after;
    });
    this.auth.invalidateAll();
    return role;
  }

  // ---- devices ------------------------------------------------------------------------------------

  /** A wall screen asks to be paired: a short code to show, a secret to poll with. */
  async startPairing(actor: Actor) {
    const now = Date.now();
    return this.store.transaction(async (tx) => {
      if ((await tx.devices.pendingPairings(iso(now))).length >= MAX_PENDING_PAIRINGS)
        throw new HttpError(
          429,
          'RATE_LIMITED',
          'Too many pairings are pending; try again in a few minutes',
          { retryAfterSeconds: 60 },
        );
      const raw = [...randomBytes(6)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
      const code = `${raw.slice(0, 3)}-${raw.slice(3)}`;
      const secret = newToken();
      const p = {
        id: randomUUID(),
        code,
        secretHash: sha256(secret),
        createdAt: iso(now),
        expiresAt: iso(now + PAIRING_TTL_MS),
        deviceId: null,
        delivered: false,
      };
      await tx.devices.insertPairing(p);
      await tx.audit.append(this.entry(actor, 'device.pairing.start', code, 'a screen asked to be paired'));
      return { pairingId: p.id, code, secret, expiresAt: p.expiresAt };
    });
  }

  /** The device polls; once approved, it receives its credential exactly once. */
  async pollPairing(id: string, secret: string, actor: Actor) {
    return this.store.transaction(async (tx) => {
      const p = await tx.devices.pairing(id);
      if (!p || p.secretHash !== sha256(secret))
        throw new HttpError(404, 'PAIRING_NOT_FOUND', 'No pairing has this id and secret');
      if (!p.deviceId)
        return Date.parse(p.expiresAt) <= Date.now()
          ? { state: 'expired' as const }
          : { state: 'pending' as const };
      const device = (await tx.devices.get(p.deviceId))!;
      const summary = { id: device.id, name: device.name, scope: device.scope };
      if (p.delivered || device.state !== 'active') return { state: 'approved' as const, device: summary };
      const credential = newToken();
      await tx.devices.update(device.id, { credentialHash: sha256(credential) });
      await tx.devices.updatePairing(id, { delivered: true });
      await tx.audit.append(
        this.entry(
          { ...actor, name: `device:${device.id}` },
          'device.credential.issue',
          device.id,
          `credential issued to ${device.name}`,
        ),
      );
      return { state: 'approved' as const, device: summary, token: credential };
    });
  }

  async approvePairing(req: ApprovePairingRequest, actor: Actor): Promise<Device> {
    this.auth.assertKnownRegion(req.scope);
    const code = req.code.toUpperCase().replace(/[^A-Z0-9]/g, '');
    const formatted = `${code.slice(0, 3)}-${code.slice(3)}`;
    return this.store.transaction(async (tx) => {
      const p = await tx.devices.pendingPairingByCode(formatted, iso());
      if (!p)
        throw new HttpError(
          404,
          'PAIRING_NOT_FOUND',
          `No pending pairing has the code ${formatted} (expired or already approved?)`,
        );
      const device: DeviceRecord = {
        id: randomUUID(),
        name: req.name,
        scope: req.scope,
        state: 'active',
        createdAt: iso(),
        lastSeenAt: null,
      };
      await tx.devices.insert(device);
      await tx.devices.updatePairing(p.id, { deviceId: device.id });
      await tx.audit.append(
        this.entry(
          actor,
          'device.approve',
          device.id,
          `code ${formatted} → ${device.name}, scope ${device.scope}`,
        ),
      );
      return device;
    });
  }

  async listDevices() {
    const [items, pending] = await Promise.all([
      this.store.devices.list(),
      this.store.devices.pendingPairings(iso()),
    ]);
    return {
      items: items.map(deviceView),
      pending: pending.map((p) => ({
        pairingId: p.id,
        code: p.code,
        createdAt: p.createdAt,
        expiresAt: p.expiresAt,
      })),
    };
  }

  async updateDevice(id: string, patch: UpdateDeviceRequest, actor: Actor): Promise<Device> {
    if (patch.scope !== undefined) this.auth.assertKnownRegion(patch.scope);
    const device = await this.store.transaction(async (tx) => {
      const before = await tx.devices.get(id);
      if (!before) throw notFound('device', id);
      await tx.devices.update(id, patch);
      const after = (await tx.devices.get(id))!;
      await tx.audit.append(
        this.entry(
          actor,
          'device.update',
          id,
          `name ${before.name} → ${after.name}; scope ${before.scope} → ${after.scope}`,
        ),
      );
      return after;
    });
    this.auth.revoked((p) => p.kind === 'device' && p.id === id);
    return device;
  }

  async revokeDevice(id: string, actor: Actor) {
    await this.store.transaction(async (tx) => {
      const d = await tx.devices.get(id);
      if (!d) throw notFound('device', id);
      await tx.devices.update(id, { state: 'revoked', credentialHash: null });
      await tx.audit.append(this.entry(actor, 'device.revoke', id, `${d.name}: credential revoked`));
    });
    this.auth.revoked((p) => p.kind === 'device' && p.id === id);
  }
}
